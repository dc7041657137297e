import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { LevelBadge } from "../components/LevelBadge.tsx";
import { useNames } from "../lib/names.ts";

/** The selected incident in one line: level, type, place, headcount. */
export function IncidentHeading({ incident }: { incident: IncidentState }) {
  const { t } = useTranslation();
  const names = useNames();

  return (
    <div className="incident-heading" data-testid="wall-selected">
      <LevelBadge level={incident.level} large />
      <div>
        <div className="incident-heading-title">
          {names.incidentType(incident.incidentType)} · {incident.place.name}
        </div>
        <div className="incident-heading-facts">
          {t("incident.headcountN", { n: incident.headcount })} ·{" "}
          {t(`conduct.${incident.conduct}`)} · {t(`phase.${incident.phase}`)}
          {incident.countyLed && ` · ${t("incident.countyLed")}`}
        </div>
      </div>
    </div>
  );
}
