import { useTranslation } from "react-i18next";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";
import type { DrillStatus } from "./drillApi.ts";

const PENDING = new Set([
  "tier.never",
  "unit.neverAnswered",
  "group.never",
  "step.skipped",
  "replacement.missing",
]);

/** Live scoring: each tier against its clock, findings, report links. */
export function DrillScore({ drill }: { drill: DrillStatus }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const tiers = drill.evaluation?.tiers ?? [];
  const lang = i18n.language.startsWith("zh") ? "zh-CN" : "en";
  const incident = drill.incident;
  // While the drill runs, "never" only means "not yet": those findings
  // wait for the end.
  const final = drill.status === "ended";
  const improvements = (drill.evaluation?.improvements ?? []).filter(
    (f) => final || !PENDING.has(f.rule),
  );

  return (
    <section className="panel drill-score" data-testid="drill-score">
      <h2>
        {t("drill.scoring")}{" "}
        {incident && (
          <span className="muted">
            {incident.incidentId} · {t(`level.name.${incident.level}`)} ·{" "}
            {t("drill.expected", {
              level: t(`level.name.${drill.scenario?.expectedLevel}`, {
                defaultValue: drill.scenario?.expectedLevel ?? "",
              }),
            })}
          </span>
        )}
      </h2>
      <table>
        <thead>
          <tr>
            <th>{t("drill.tier")}</th>
            <th>{t("drill.clock")}</th>
            <th>{t("drill.assembled")}</th>
            <th>{t("drill.result")}</th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier) => (
            <tr key={tier.tier} data-testid={`drill-tier-${tier.tier}`}>
              <td>{names.tier(tier.tier)}</td>
              <td>{t("units.minutes", { n: tier.clockMinutes })}</td>
              <td>
                {tier.minutesToAssembled === null
                  ? "—"
                  : t("units.minutes", { n: tier.minutesToAssembled })}
              </td>
              <td className={tier.result === "onTime" ? "ok" : "step-late"}>
                {t(`drill.tierResult.${tier.result}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="drill-findings">
        {drill.evaluation?.strengths.map((f, i) => (
          <li key={`s${i}`} className="ok">
            ✔ {format.name(f.text)}
          </li>
        ))}
        {improvements.map((f, i) => (
          <li key={`i${i}`} className="step-late">
            ▲ {format.name(f.text)}
          </li>
        ))}
      </ul>
      <p className="drill-reports">
        {t("drill.report")}:{" "}
        <a href={`/api/drill/report.html?lang=${lang}`} target="_blank">
          HTML
        </a>{" "}
        · <a href="/api/drill/report.json">JSON</a> ·{" "}
        <a href="/api/drill/report.csv">CSV</a>
      </p>
    </section>
  );
}
