import type { TFunction } from "i18next";
import type { AlertKind, StoredEvent } from "@muster/protocol";
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
    case "playbook.attached":
      return t(key, { playbook: names.incidentType(event.data.playbook) });
    case "step.completed":
      return t(key, { step: names.step(event.data.step) });
    case "alert.raised":
      return t(key, { subject: alertSubject(event.data, t, names) });
    case "alert.acknowledged":
    case "incident.resolved":
    case "incident.closed":
      return t(key);
    case "incident.handedToFollowUp":
      return t(key, { person: event.data.responsiblePerson });
  }
}

/** An alert in words: what it is about, and which tier, group or level. */
function alertSubject(
  alert: { kind: AlertKind; subject: string },
  t: TFunction,
  names: Names,
): string {
  const what = t(`alert.${alert.kind}`);
  switch (alert.kind) {
    case "tier.late":
      return `${what} · ${names.tier(alert.subject)}`;
    case "group.unacknowledged":
      return `${what} · ${names.group(alert.subject)}`;
    case "incident.escalated":
    case "incident.levelI":
      return what;
  }
}
