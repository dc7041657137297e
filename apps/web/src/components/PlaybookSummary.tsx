import { useTranslation } from "react-i18next";
import { playbookProgress, type IncidentState } from "@muster/engine";
import { useNames } from "../lib/names.ts";
import "../styles/playbook.css";

/**
 * A compact read of the incident's checklist for the wall: counts of
 * steps done, due and late, and the late steps by name. Read-only.
 */
export function PlaybookSummary({
  incident,
  now,
}: {
  incident: IncidentState;
  now: number;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const progress = playbookProgress(incident, now);
  if (!progress || !incident.playbook) return null;
  const playbook = incident.playbook.playbook;
  const late = progress.steps.filter((s) => s.status === "late");

  return (
    <section className="playbook-summary" data-testid="wall-playbook">
      <div className="playbook-counts">
        <span>{names.incidentType(playbook)}</span>
        <span className="ok" data-testid="wall-steps-done">
          ✔ {progress.done}/{progress.total}
        </span>
        <span data-testid="wall-steps-open">◷ {progress.open}</span>
        <span
          className={late.length > 0 ? "step-late" : "muted"}
          data-testid="wall-steps-late"
        >
          ⚠ {progress.late}
        </span>
      </div>
      {late.length > 0 && (
        <ul className="playbook-late">
          {late.slice(0, 3).map((s) => (
            <li key={s.step}>
              {t("console.stepLate")} · {names.step(s.step, playbook)} ·{" "}
              {names.group(s.group)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
