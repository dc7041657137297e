import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./locales/en.json";
import zhCN from "./locales/zh-CN.json";

/** The languages of the product; the first is the default. */
export const languages = ["zh-CN", "en"] as const;
export type Language = (typeof languages)[number];

const storageKey = "muster.language";

function storedLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  return languages.find((l) => l === stored) ?? "zh-CN";
}

/** Switches the language of every screen and remembers the choice. */
export function setLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

void i18next.use(initReactI18next).init({
  resources: {
    "zh-CN": { translation: zhCN },
    en: { translation: en },
  },
  lng: storedLanguage(),
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export default i18next;
