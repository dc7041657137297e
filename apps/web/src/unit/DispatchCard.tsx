import { useTranslation } from "react-i18next";
import type { LatLon } from "@muster/protocol";
import { distanceKm, travelMinutes, type Plan } from "@muster/plan";
import type { Dispatch } from "../lib/incidents.ts";
import { LevelBadge } from "../components/LevelBadge.tsx";
import { useFormat } from "../lib/format.ts";
import { tierClock } from "../lib/incidents.ts";
import { useNames } from "../lib/names.ts";

interface Props {
  dispatch: Dispatch;
  unit: Plan["units"][number];
  /** Where the unit is: its last known position, or home. */
  from: LatLon;
  now: number;
}

/** What the unit is sent to: incident, tier, clock and the way there. */
export function DispatchCard({ dispatch, unit, from, now }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const { incident, assignment } = dispatch;
  const tier = incident.tiers.find((x) => x.tier === assignment.tier);
  const clock = tier ? tierClock(tier, now) : null;
  const point = tier?.assemblyPoint ?? incident.place.position;
  const km = distanceKm(from, point);

  return (
    <section className="dispatch-card" data-testid="dispatch">
      <div className="dispatch-head">
        <LevelBadge level={incident.level} large />
        <div>
          <div className="dispatch-type">
            {names.incidentType(incident.incidentType)}
          </div>
          <div className="dispatch-place" data-testid="dispatch-place">
            {incident.place.name}
          </div>
        </div>
      </div>
      <dl className="dispatch-facts">
        <dt>{t("unit.tier")}</dt>
        <dd>{names.tier(assignment.tier)}</dd>
        <dt>{t("unit.deadline")}</dt>
        <dd
          className={`dispatch-clock clock-${clock?.status ?? "none"}`}
          data-testid="dispatch-clock"
          data-status={clock?.status ?? "none"}
        >
          {!clock || !tier
            ? "—"
            : clock.status === "late"
              ? t("ladder.late", {
                  minutes: Math.max(1, Math.ceil(-clock.remainingMs / 60_000)),
                })
              : clock.status === "assembled"
                ? t("ladder.assembledIn", {
                    time: format.clock((tier.minutes ?? 0) * 60_000),
                  })
                : `${format.clock(clock.remainingMs)} · ${format.time(tier.deadline)}`}
        </dd>
        <dt>{t("unit.distance")}</dt>
        <dd data-testid="dispatch-distance">
          {t("unit.distanceValue", {
            km: km.toFixed(1),
            minutes: Math.ceil(travelMinutes(unit, from, point)),
          })}
        </dd>
        <dt>{t("unit.status")}</dt>
        <dd data-testid="dispatch-status" data-status={assignment.status}>
          {t(`unitStatus.${assignment.status}`)}
        </dd>
      </dl>
    </section>
  );
}
