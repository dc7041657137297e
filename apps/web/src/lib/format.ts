import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { LocalisedText } from "@muster/protocol";
import { usePlan } from "./PlanContext.tsx";

/** Formatters bound to the current language and the plan's time zone. */
export interface Format {
  /** A plan name in the current language. */
  name(text: LocalisedText | undefined, fallback?: string): string;
  /** `HH:mm:ss` in the plan's zone. */
  time(iso: string | null): string;
  /** `MM-dd HH:mm` in the plan's zone. */
  dateTime(iso: string | null): string;
  /** `yyyy-MM-dd HH:mm:ss` in the plan's zone, for records. */
  stamp(iso: string | null): string;
  /** `m:ss`, or `h:mm:ss` past an hour; negative values keep no sign. */
  clock(ms: number): string;
  /** Whole minutes, e.g. "12 min". */
  minutes(ms: number): string;
}

/**
 * Screens show times in the plan's zone whatever the device's own zone
 * (domain brief §9), so every time goes through these formatters.
 */
export function useFormat(): Format {
  const { t, i18n } = useTranslation();
  const { plan } = usePlan();
  const language = i18n.language;

  return useMemo(() => {
    const zh = language.startsWith("zh");
    const timeFormat = new Intl.DateTimeFormat(language, {
      timeZone: plan.timezone,
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    const dateTimeFormat = new Intl.DateTimeFormat(language, {
      timeZone: plan.timezone,
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    // Swedish writes dates the ISO way, in every browser.
    const stampFormat = secondsFormat("sv-SE", plan.timezone);

    return {
      name: (text, fallback = "") =>
        text ? (zh ? text.zh : text.en) : fallback,
      time: (iso) => (iso ? timeFormat.format(new Date(iso)) : "—"),
      dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : "—"),
      stamp: (iso) => (iso ? stampFormat.format(new Date(iso)) : "—"),
      clock: (ms) => formatClock(ms),
      minutes: (ms) => t("units.minutes", { n: Math.floor(ms / 60_000) }),
    };
  }, [language, plan.timezone, t]);
}

/** Year to second on a 24-hour clock in `timeZone`: the plan's stamps. */
function secondsFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
}

function formatClock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
