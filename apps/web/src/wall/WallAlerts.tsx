import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../lib/format.ts";
import { alertSubject } from "../lib/alertSubject.ts";
import { useNames } from "../lib/names.ts";
import { alertSound } from "./alertSound.ts";
import { newAlertKeys, type OpenAlert } from "./openAlerts.ts";

interface Props {
  alerts: OpenAlert[];
  muted: boolean;
  /** Shown in full; the rest are counted. */
  limit?: number;
}

/**
 * Open alerts over the map, gravest first, until an operator
 * acknowledges each at the console. A new alert chimes unless muted.
 */
export function WallAlerts({ alerts, muted, limit = 4 }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const known = useRef<Set<string> | null>(null);

  useEffect(() => {
    const fresh = known.current ? newAlertKeys(alerts, known.current) : [];
    known.current = new Set(alerts.map((a) => a.key));
    // The first look takes what is already open as known: a wall that
    // reloads must not chime for old alerts.
    if (fresh.length > 0 && !muted) alertSound.play();
  }, [alerts, muted]);

  if (alerts.length === 0) return null;
  const shown = alerts.slice(0, limit);

  return (
    <section
      className="wall-alerts"
      data-testid="wall-alerts"
      role="alert"
      aria-live="assertive"
    >
      <ul>
        {shown.map(({ incident, alert, key }) => (
          <li
            key={key}
            data-testid={`wall-alert-${incident.incidentId}-${alert.alertId}`}
            data-kind={alert.kind}
          >
            <span className="wall-alert-mark" aria-hidden>
              ⚠
            </span>
            <strong>{t(`alert.${alert.kind}`)}</strong>
            <span className="wall-alert-subject">
              {alertSubject(alert, names, t)}
            </span>
            <span className="wall-alert-place">{incident.place.name}</span>
            <time>{format.time(alert.raisedAt)}</time>
          </li>
        ))}
      </ul>
      <p className="wall-alerts-foot">
        {alerts.length > shown.length &&
          t("wall.alerts.more", { n: alerts.length - shown.length })}{" "}
        {t("wall.alerts.untilAcknowledged")}
      </p>
    </section>
  );
}
