import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { newCommandId } from "@muster/client";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";
import { problemOf } from "../lib/problem.ts";
import "../styles/drill.css";
import { drillApi } from "./drillApi.ts";
import { usePoll } from "./usePoll.ts";

const NEXT = {
  dispatched: "unit.acknowledge",
  ackOverdue: "unit.acknowledge",
  acknowledged: "unit.enRoute",
  enRoute: "unit.assemble",
} as const;

/**
 * A unit's drill dispatch on its tablet, marked EXERCISE throughout and
 * shown below any live dispatch, never in its place. It reads the drill's
 * own API, apart from the live event stream.
 */
export function DrillDispatch({ callsign }: { callsign: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const [error, setError] = useState<string | null>(null);
  const failure = (e: { code: string; message: string }) =>
    problemOf(t, e, "drill").headline;
  const load = useCallback(() => drillApi.unit(callsign), [callsign]);
  const view = usePoll(load, 1500)?.drill ?? null;
  if (!view) return null;
  const { incident, assignment } = view;
  const next = NEXT[assignment.status as keyof typeof NEXT] as
    (typeof NEXT)[keyof typeof NEXT] | undefined;

  const send = (type: string) =>
    void drillApi
      .command({
        type,
        commandId: newCommandId(),
        incidentId: incident.incidentId,
        callsign,
      })
      .then((r) => {
        const failed = !r.ok ? r.error : r.result?.ok ? null : r.result?.error;
        setError(failed ? failure(failed) : null);
      });

  return (
    <section className="drill-dispatch" data-testid="drill-dispatch">
      <div className="exercise-banner" data-testid="drill-dispatch-banner">
        {t("drill.tablet", { run: view.drillRunId })}
      </div>
      <p>{t("drill.tabletNote")}</p>
      <h2>
        {incident.place.name} · {names.tier(assignment.tier)}
      </h2>
      <p data-testid="drill-dispatch-status">
        {t(`unitStatus.${assignment.status}`, {
          defaultValue: assignment.status,
        })}{" "}
        · {t("drill.virtualTime")} {format.time(view.virtualNow)}
      </p>
      {next && (
        <button
          type="button"
          className="big-button"
          data-testid={`drill-${next}`}
          onClick={() => send(next)}
        >
          {t("app.exercise")} · {t(`drill.action.${next}`)}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
