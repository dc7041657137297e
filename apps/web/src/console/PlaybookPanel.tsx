import { useTranslation } from "react-i18next";
import { playbookProgress, type IncidentState } from "@muster/engine";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";
import "../styles/playbook.css";
import { RightsNote } from "../components/RightsNote.tsx";
import { useLiveRights } from "../lib/useRights.ts";
import type { Send } from "./types.ts";

/** The incident's checklist; a group lead's tick is taken here. */
export function PlaybookPanel({
  incident,
  now,
  send,
}: {
  incident: IncidentState;
  now: number;
  send: Send;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const allowed = useLiveRights().control("step.complete");
  const progress = playbookProgress(incident, now);
  if (!progress || !incident.playbook) return null;
  const playbook = incident.playbook.playbook;
  const open = incident.phase !== "closed";

  return (
    <section className="subpanel" data-testid="console-playbook">
      <h3>
        {t("console.playbook")}: {names.incidentType(playbook)}{" "}
        <span className="muted">
          {t("console.stepSummary", {
            done: progress.done,
            total: progress.total,
            late: progress.late,
          })}
        </span>
      </h3>
      {open && progress.steps.some((s) => s.completedAt === null) && (
        <RightsNote action="step.complete" />
      )}
      <ul className="rows playbook-steps">
        {progress.steps.map((step) => (
          <li
            key={step.step}
            data-testid={`console-step-${step.step}`}
            data-status={step.status}
          >
            <span>
              {names.step(step.step, playbook)}
              <span className="muted">
                {" · "}
                {names.group(step.group)}
                {step.required && ` · ${t("console.stepRequired")}`}
              </span>
            </span>
            <StepState
              status={step.status}
              due={format.time(step.dueAt)}
              completed={format.time(step.completedAt)}
            />
            {step.completedAt === null && open && (
              <button
                type="button"
                data-testid={`step-complete-${step.step}`}
                {...allowed}
                onClick={() =>
                  void send({
                    type: "step.complete",
                    incidentId: incident.incidentId,
                    step: step.step,
                  })
                }
              >
                {t("console.stepTick")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function StepState({
  status,
  due,
  completed,
}: {
  status: string;
  due: string;
  completed: string;
}) {
  const { t } = useTranslation();
  switch (status) {
    case "done":
      return <span className="ok">✔ {completed}</span>;
    case "doneLate":
      return (
        <span className="step-late">
          ✔ {completed} · {t("console.stepDoneLate")}
        </span>
      );
    case "late":
      return (
        <span className="step-late">
          {t("console.stepLate")} · {t("console.stepDue", { time: due })}
        </span>
      );
    default:
      return (
        <span className="muted">{t("console.stepDue", { time: due })}</span>
      );
  }
}
