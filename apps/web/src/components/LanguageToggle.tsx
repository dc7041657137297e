import { useTranslation } from "react-i18next";
import { languages, setLanguage } from "../i18n.ts";

/** A small switch between 中文 and English. */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();

  return (
    <div
      className="language-toggle"
      role="group"
      aria-label={t("app.language")}
    >
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          data-testid={`lang-${language}`}
          aria-pressed={i18n.language === language}
          onClick={() => setLanguage(language)}
        >
          {t(`app.languageName.${language}`)}
        </button>
      ))}
    </div>
  );
}
