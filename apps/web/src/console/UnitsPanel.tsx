import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { isCurrent } from "../lib/incidents.ts";
import { useNames } from "../lib/names.ts";
import { RightsNote } from "../components/RightsNote.tsx";
import { useLiveRights } from "../lib/useRights.ts";
import type { Send } from "./types.ts";

/** The units on the incident; the command post stands them down here. */
export function UnitsPanel({
  incident,
  send,
}: {
  incident: IncidentState;
  send: Send;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const allowed = useLiveRights().control("unit.release");
  const units = incident.units.filter(isCurrent);
  if (units.length === 0) return null;

  return (
    <section className="subpanel">
      <h3>{t("console.units")}</h3>
      <RightsNote action="unit.release" />
      <ul className="rows">
        {units.map((unit) => (
          <li
            key={`${unit.callsign}-${unit.dispatchedAt}`}
            data-testid={`console-unit-row-${unit.callsign}`}
            data-status={unit.status}
          >
            <span>
              {unit.callsign} · {names.unit(unit.callsign)} ·{" "}
              {names.tier(unit.tier)}
            </span>
            <span className={`unit-status-${unit.status}`}>
              {t(`unitStatus.${unit.status}`)}
              {unit.onTime === false && ` · ${t("console.lateShort")}`}
            </span>
            <button
              type="button"
              data-testid={`unit-release-${unit.callsign}`}
              {...allowed}
              onClick={() =>
                void send({
                  type: "unit.release",
                  incidentId: incident.incidentId,
                  callsign: unit.callsign,
                })
              }
            >
              {t("console.release")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
