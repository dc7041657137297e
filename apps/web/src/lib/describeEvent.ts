import type { TFunction } from "i18next";
import type { StoredEvent } from "@muster/protocol";
import { levelNumerals } from "./levels.ts";
import type { Names } from "./names.ts";

/** One line of timeline text for an event, in the current language. */
export function describeEvent(
  event: StoredEvent,
  t: TFunction,
  names: Names,
): string {
  const key = `event.${event.type}`;
  switch (event.type) {
    case "incident.reported":
      return t(key, {
        place: event.data.place.name,
        headcount: event.data.headcount,
        conduct: t(`conduct.${event.data.conduct}`),
      });
    case "incident.updated":
      return t(key, {
        headcount: event.data.headcount,
        conduct: t(`conduct.${event.data.conduct}`),
      });
    case "incident.graded":
    case "commandPost.activated": {
      const level = event.data.level;
      return t(key, {
        level: level === "watch" ? t("level.watch") : levelNumerals[level],
      });
    }
    case "group.acknowledged":
      return t(key, { group: names.group(event.data.group) });
    case "tier.dispatched":
    case "tier.late":
      return t(key, { tier: names.tier(event.data.tier) });
    case "tier.assembled":
      return t(key, {
        tier: names.tier(event.data.tier),
        // Kept unrounded in the event for the report; a tenth reads well.
        minutes: Math.round(event.data.minutes * 10) / 10,
      });
    case "unit.dispatched":
    case "unit.acknowledged":
    case "unit.enRoute":
    case "unit.assembled":
    case "unit.ackOverdue":
    case "unit.released":
    case "unit.moved":
      return t(key, { unit: names.unit(event.data.callsign) });
    case "unit.declined":
      return t(key, {
        unit: names.unit(event.data.callsign),
        reason: event.data.reason,
      });
    case "replacement.offered": {
      const unit = names.unit(event.data.replaces);
      return event.data.candidate
        ? t(key, { unit, candidate: names.unit(event.data.candidate) })
        : t("event.replacement.none", { unit });
    }
    case "alert.raised":
      return t(key, { subject: event.data.subject });
    case "alert.acknowledged":
    case "incident.resolved":
    case "incident.closed":
      return t(key);
    case "incident.handedToFollowUp":
      return t(key, { person: event.data.responsiblePerson });
  }
}
