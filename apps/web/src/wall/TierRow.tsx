import { useTranslation } from "react-i18next";
import type { IncidentState, TierState } from "@muster/engine";
import { useFormat } from "../lib/format.ts";
import { tierClock, tierCounts } from "../lib/incidents.ts";
import { useNames } from "../lib/names.ts";

interface Props {
  incident: IncidentState;
  tier: TierState;
  now: number;
}

/** One tier's counts and its countdown bar, LATE the moment it is. */
export function TierRow({ incident, tier, now }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const clock = tierClock(tier, now);
  const counts = tierCounts(incident, tier.tier);

  return (
    <li
      className={`tier tier-${clock.status}`}
      data-testid={`tier-${tier.tier}`}
      data-status={clock.status}
    >
      <span className="tier-name">
        {clock.status === "late" && <span aria-hidden>⚠ </span>}
        {names.tier(tier.tier)}
      </span>
      <span className="tier-counts" data-testid={`tier-counts-${tier.tier}`}>
        <Count label={t("ladder.dispatched")} n={counts.dispatched} />
        <Count label={t("ladder.acknowledged")} n={counts.acknowledged} />
        <Count label={t("ladder.enRoute")} n={counts.enRoute} />
        <Count label={t("ladder.assembled")} n={counts.assembled} />
      </span>
      <span className="tier-bar" aria-hidden>
        <span
          className="tier-bar-fill"
          style={{ transform: `scaleX(${clock.fractionLeft})` }}
        />
      </span>
      <span className="tier-clock" data-testid={`tier-clock-${tier.tier}`}>
        {clockText()}
      </span>
    </li>
  );

  function clockText(): string {
    if (clock.status === "assembled") {
      const time = format.clock((tier.minutes ?? 0) * 60_000);
      return tier.onTime === false
        ? t("ladder.assembledLate", { time })
        : t("ladder.assembledIn", { time });
    }
    if (clock.status === "late") {
      const minutes = Math.max(1, Math.ceil(-clock.remainingMs / 60_000));
      return t("ladder.late", { minutes });
    }
    return format.clock(clock.remainingMs);
  }
}

function Count({ label, n }: { label: string; n: number }) {
  return (
    <span className="tier-count" title={label} aria-label={`${label} ${n}`}>
      {n}
    </span>
  );
}
