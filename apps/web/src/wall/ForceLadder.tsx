import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { TierRow } from "./TierRow.tsx";

/** The 4+X ladder of one incident: each tier's clock side by side. */
export function ForceLadder({
  incident,
  now,
}: {
  incident: IncidentState;
  now: number;
}) {
  const { t } = useTranslation();

  return (
    <section className="force-ladder" data-testid="force-ladder">
      {incident.tiers.length === 0 ? (
        <p className="muted">{t("ladder.none")}</p>
      ) : (
        <ul>
          {incident.tiers.map((tier) => (
            <TierRow
              key={tier.tier}
              incident={incident}
              tier={tier}
              now={now}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
