import { useTranslation } from "react-i18next";
import { useFormat } from "../lib/format.ts";
import { usePlan } from "../lib/PlanContext.tsx";
import { drillApi } from "./drillApi.ts";
import { usePoll } from "./usePoll.ts";

/**
 * The year's programme: drills completed on this server against the
 * plan's minimum, and when each flow and level was last drilled, so the
 * coordinator sees what is still to cover.
 */
export function DrillProgramme() {
  const { t } = useTranslation();
  const format = useFormat();
  const { plan } = usePlan();
  const programme = usePoll(drillApi.programme, 60_000);
  if (!programme) return null;

  const day = (at: string | null) =>
    at ? format.dateTime(at).split(" ")[0] : t("drill.programme.never");
  const playbookName = (id: string) =>
    format.name(plan.playbooks.find((p) => p.id === id)?.name, id);

  return (
    <section className="panel drill-programme" data-testid="drill-programme">
      <h2>
        {t("drill.programme.title", {
          year: programme.year,
          done: programme.completed.length,
          minimum: programme.minimum,
        })}
        {!programme.met && (
          <span className="drill-programme-short">
            {" "}
            {t("drill.programme.notMet")}
          </span>
        )}
      </h2>
      <table>
        <tbody>
          {programme.playbooks.map((p) => (
            <tr key={p.id} data-this-year={p.thisYear}>
              <th>{playbookName(p.id)}</th>
              <td>{day(p.lastDrilled)}</td>
              <td>{p.thisYear ? "✓" : ""}</td>
            </tr>
          ))}
          {programme.levels.map((l) => (
            <tr key={l.level} data-this-year={l.thisYear}>
              <th>{t(`level.name.${l.level}`)}</th>
              <td>{day(l.lastDrilled)}</td>
              <td>{l.thisYear ? "✓" : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
