import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { TierRow } from "./TierRow.tsx";

/**
 * The 4+X ladder of one incident: each tier's clock side by side, with
 * the column names said once so that rows stay one line each and eight
 * tiers fit on a 1080-line screen.
 */
export function ForceLadder({
  incident,
  now,
}: {
  incident: IncidentState;
  now: number;
}) {
  const { t } = useTranslation();

  if (incident.tiers.length === 0) {
    return (
      <section className="force-ladder" data-testid="force-ladder">
        <p className="muted">{t("ladder.none")}</p>
      </section>
    );
  }
  return (
    <section className="force-ladder" data-testid="force-ladder">
      <div className="tier tier-head" aria-hidden>
        <span className="tier-name">{t("ladder.tier")}</span>
        <span className="tier-counts">
          <span className="tier-count">{t("ladder.dispatched")}</span>
          <span className="tier-count">{t("ladder.acknowledged")}</span>
          <span className="tier-count">{t("ladder.enRoute")}</span>
          <span className="tier-count">{t("ladder.assembled")}</span>
        </span>
        <span className="tier-clock">{t("ladder.clock")}</span>
      </div>
      <ul>
        {incident.tiers.map((tier) => (
          <TierRow key={tier.tier} incident={incident} tier={tier} now={now} />
        ))}
      </ul>
    </section>
  );
}
