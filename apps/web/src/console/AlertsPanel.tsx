import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { alertSubject } from "../lib/alertSubject.ts";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";
import { RightsNote } from "../components/RightsNote.tsx";
import { useLiveRights } from "../lib/useRights.ts";
import type { Send } from "./types.ts";

/** Alerts raised on the incident, until someone acknowledges them. */
export function AlertsPanel({
  incident,
  send,
}: {
  incident: IncidentState;
  send: Send;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const allowed = useLiveRights().control("alert.acknowledge");
  const open = incident.alerts.filter((a) => a.acknowledgedAt === null);
  if (open.length === 0) return null;

  return (
    <section className="subpanel alerts" data-testid="alerts">
      <h3>{t("console.alerts")}</h3>
      <RightsNote action="alert.acknowledge" />
      <ul className="rows">
        {open.map((alert) => (
          <li key={alert.alertId} data-testid={`alert-${alert.alertId}`}>
            <span>
              {format.time(alert.raisedAt)} · {t(`alert.${alert.kind}`)} ·{" "}
              {alertSubject(alert, names, t)}
            </span>
            <button
              type="button"
              data-testid={`alert-ack-${alert.alertId}`}
              {...allowed}
              onClick={() =>
                void send({
                  type: "alert.acknowledge",
                  incidentId: incident.incidentId,
                  alertId: alert.alertId,
                })
              }
            >
              {t("console.acknowledgeAlert")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
