import type { AlertState } from "@muster/engine";
import { levelNumerals } from "./levels.ts";
import type { Names } from "./names.ts";

/** What an alert is about, in the screen's language: a tier, a group, a level. */
export function alertSubject(
  alert: AlertState,
  names: Names,
  t: (key: string) => string,
): string {
  switch (alert.kind) {
    case "tier.late":
      return names.tier(alert.subject);
    case "group.unacknowledged":
      return names.group(alert.subject);
    case "incident.escalated":
    case "incident.levelI": {
      const level = alert.subject as keyof typeof levelNumerals | "watch";
      return level === "watch" ? t("level.watch") : levelNumerals[level];
    }
  }
}
