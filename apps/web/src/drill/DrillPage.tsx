import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppHeader } from "../components/AppHeader.tsx";
import { ProblemLines } from "../components/CommandErrorView.tsx";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";
import { problemOf, type Problem } from "../lib/problem.ts";
import { useNow } from "../lib/useNow.ts";
import "../styles/drill.css";
import { drillApi, type DrillStatus } from "./drillApi.ts";
import { DrillInjects } from "./DrillInjects.tsx";
import { DrillScore } from "./DrillScore.tsx";
import { DrillProgramme } from "./DrillProgramme.tsx";
import { usePoll } from "./usePoll.ts";

const SPEEDS = [1, 5, 30, "max"] as const;

/** The drill coordinator's console: choose, run, steer and score a drill. */
export function DrillPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const now = useNow();
  const [choice, setChoice] = useState("");
  const [speed, setSpeed] = useState<number | "max">(1);
  const [error, setError] = useState<Problem | null>(null);
  const loadScenarios = useCallback(() => drillApi.scenarios(), []);
  const loadStatus = useCallback(() => drillApi.status(), []);
  const scenarios = usePoll(loadScenarios, 60_000)?.scenarios ?? [];
  const drill = usePoll(loadStatus, 500);

  const act = (
    work: Promise<{ ok: boolean; error?: { code: string; message: string } }>,
  ) =>
    void work.then((r) =>
      setError(
        r.ok
          ? null
          : problemOf(
              t,
              r.error ?? { code: "INTERNAL", path: "", message: "" },
              "drill",
            ),
      ),
    );
  const running = drill?.active && drill.status !== "ended";
  const picked = choice || scenarios.find((s) => !s.error)?.file || "";
  const levelName = (level: string) =>
    t(`level.name.${level}`, { defaultValue: level });

  return (
    <div className="drill-page" data-testid="drill-page">
      <AppHeader title={t("drill.title")} clock={now} />
      {drill?.active && (
        <div className="exercise-banner" data-testid="exercise-banner">
          {t("app.exercise")} · {drill.drillRunId}
        </div>
      )}
      {error && (
        <p
          className="drill-error"
          role="alert"
          data-testid="drill-error"
          data-code={error.code}
        >
          <ProblemLines problem={error} />
        </p>
      )}
      <main className="drill-body">
        <section className="panel drill-setup">
          <h2>{t("drill.scenario")}</h2>
          <select
            data-testid="drill-scenario"
            value={picked}
            disabled={running}
            onChange={(e) => setChoice(e.target.value)}
          >
            {scenarios.map((s) => (
              <option key={s.file} value={s.file} disabled={s.error !== null}>
                {s.title ? format.name(s.title) : s.file}
                {s.expectedLevel ? ` · ${levelName(s.expectedLevel)}` : ""}
                {s.playbook ? ` · ${names.incidentType(s.playbook)}` : ""}
              </option>
            ))}
          </select>
          <SpeedButtons
            value={running ? (drill.speed ?? 1) : speed}
            onPick={(s) => (running ? act(drillApi.speed(s)) : setSpeed(s))}
          />
          {!running && (
            <button
              type="button"
              className="primary"
              data-testid="drill-start"
              disabled={!picked}
              onClick={() => act(drillApi.start(picked, speed))}
            >
              {t("drill.start")}
            </button>
          )}
          {running && drill.status === "running" && (
            <button
              type="button"
              data-testid="drill-pause"
              onClick={() => act(drillApi.pause())}
            >
              {t("drill.pause")}
            </button>
          )}
          {running && drill.status === "paused" && (
            <button
              type="button"
              data-testid="drill-resume"
              onClick={() => act(drillApi.resume())}
            >
              {t("drill.resume")}
            </button>
          )}
          {running && (
            <button
              type="button"
              className="danger"
              data-testid="drill-end"
              onClick={() => act(drillApi.end())}
            >
              {t("drill.end")}
            </button>
          )}
          {drill?.active && <DrillState drill={drill} />}
        </section>
        {running && drill.incident && (
          <DrillInjects incident={drill.incident} onResult={act} />
        )}
        {drill?.active && <DrillScore drill={drill} />}
        <DrillProgramme />
      </main>
    </div>
  );
}

function SpeedButtons({
  value,
  onPick,
}: {
  value: number | "max";
  onPick: (speed: number | "max") => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="drill-speeds" role="group" aria-label={t("drill.speed")}>
      {SPEEDS.map((s) => (
        <button
          type="button"
          key={s}
          data-testid={`drill-speed-${s}`}
          aria-pressed={value === s}
          onClick={() => onPick(s)}
        >
          {s === "max" ? t("drill.max") : `${s}×`}
        </button>
      ))}
    </div>
  );
}

function DrillState({ drill }: { drill: DrillStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="drill-state">
      <dt>{t("drill.state")}</dt>
      <dd data-testid="drill-status" data-status={drill.status}>
        {t(`drill.status.${drill.status ?? "ready"}`, {
          defaultValue: drill.status,
        })}
      </dd>
      <dt>{t("drill.speed")}</dt>
      <dd data-testid="drill-current-speed">
        {drill.speed === "max" ? t("drill.max") : `${drill.speed}×`}
      </dd>
      <dt>{t("drill.virtualTime")}</dt>
      <dd data-testid="drill-virtual-clock">
        {format.dateTime(drill.virtualNow ?? null)}{" "}
        {format.time(drill.virtualNow ?? null)}
      </dd>
      <dt>{t("drill.enlisted")}</dt>
      <dd>{drill.enlisted?.length ?? 0}</dd>
      {drill.scenario && drill.scenario.liveUnits.length > 0 && (
        <>
          <dt>{t("drill.liveUnits")}</dt>
          <dd>
            {drill.scenario.liveUnits.map((cs) => (
              <a key={cs} href={`/unit/${cs}`} target="_blank">
                {cs}{" "}
              </a>
            ))}
          </dd>
        </>
      )}
      {(drill.withdrawn ?? []).map((w) => (
        <dd key={w.callsign} className="step-late">
          {t("drill.withdrawn", {
            unit: w.callsign,
            incident: w.liveIncident,
          })}
        </dd>
      ))}
      {drill.endReason && (
        <>
          <dt>{t("drill.ended")}</dt>
          <dd data-testid="drill-end-reason" data-reason={drill.endReason}>
            {t(`drill.endReason.${drill.endReason}`, {
              defaultValue: drill.endReason,
            })}
          </dd>
        </>
      )}
    </dl>
  );
}
