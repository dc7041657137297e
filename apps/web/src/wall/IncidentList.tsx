import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { LevelBadge } from "../components/LevelBadge.tsx";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";

interface Props {
  incidents: IncidentState[];
  selectedId: string | null;
  now: number;
  onSelect: (incidentId: string) => void;
}

/** Open incidents, gravest first: level, type, place and age. */
export function IncidentList({ incidents, selectedId, now, onSelect }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();

  if (incidents.length === 0) {
    return (
      <p className="wall-quiet" data-testid="wall-no-incidents">
        {t("wall.noIncidents")}
      </p>
    );
  }
  return (
    <ul className="wall-incidents" data-testid="wall-incidents">
      {incidents.map((incident) => (
        <li
          key={incident.incidentId}
          className={incident.incidentId === selectedId ? "selected" : ""}
          data-testid={`wall-incident-${incident.incidentId}`}
          data-level={incident.level}
          data-phase={incident.phase}
          onClick={() => onSelect(incident.incidentId)}
        >
          <LevelBadge level={incident.level} />
          <span className="wall-incident-type">
            {names.incidentType(incident.incidentType)}
          </span>
          <span className="wall-incident-place">
            {incident.countyLed && (
              <span className="county-led">{t("incident.countyLed")}</span>
            )}
            {incident.place.name}
          </span>
          <span className="wall-incident-age">
            {format.minutes(now - Date.parse(incident.reportedAt))}
          </span>
        </li>
      ))}
    </ul>
  );
}
