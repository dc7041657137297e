import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { LevelBadge } from "../components/LevelBadge.tsx";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";

interface Props {
  incidents: IncidentState[];
  selectedId: string | null;
  onSelect: (incidentId: string) => void;
}

/** Every incident not yet closed, gravest first; a click selects. */
export function ConsoleIncidentList({
  incidents,
  selectedId,
  onSelect,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();

  return (
    <section className="panel">
      <h2>{t("console.incidents")}</h2>
      {incidents.length === 0 && (
        <p className="muted">{t("wall.noIncidents")}</p>
      )}
      <ul className="console-incidents">
        {incidents.map((incident) => (
          <li key={incident.incidentId}>
            <button
              type="button"
              className={incident.incidentId === selectedId ? "selected" : ""}
              data-testid={`console-incident-${incident.incidentId}`}
              data-level={incident.level}
              data-phase={incident.phase}
              onClick={() => onSelect(incident.incidentId)}
            >
              <LevelBadge level={incident.level} />
              <span>{incident.incidentId}</span>
              <span>{names.incidentType(incident.incidentType)}</span>
              <span>{incident.place.name}</span>
              <span className="muted">{format.time(incident.reportedAt)}</span>
              <span className="muted">{t(`phase.${incident.phase}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
