import { useState } from "react";
import { useTranslation } from "react-i18next";
import { conducts, type Conduct } from "@muster/protocol";
import type { IncidentState } from "@muster/engine";
import { useNames } from "../lib/names.ts";
import { drillApi } from "./drillApi.ts";

type Act = (
  work: Promise<{ ok: boolean; error?: { code: string; message: string } }>,
) => void;

/** Injects by hand into the running drill: each one a command. */
export function DrillInjects({
  incident,
  onResult,
}: {
  incident: IncidentState;
  onResult: Act;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const [headcount, setHeadcount] = useState(incident.headcount);
  const [conduct, setConduct] = useState<Conduct>(incident.conduct);
  const inject = (body: Record<string, unknown>) =>
    onResult(
      drillApi.inject(body).then((r) => (r.ok && r.result ? r.result : r)),
    );
  const openSteps =
    incident.playbook?.steps.filter((s) => s.completedAt === null) ?? [];

  return (
    <section className="panel drill-injects" data-testid="drill-injects">
      <h2>{t("drill.inject")}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          inject({ type: "incident.update", headcount, conduct });
        }}
      >
        <input
          type="number"
          min={1}
          value={headcount}
          data-testid="drill-inject-headcount"
          onChange={(e) => setHeadcount(Number(e.target.value))}
        />
        <select
          value={conduct}
          onChange={(e) => setConduct(e.target.value as Conduct)}
        >
          {conducts.map((c) => (
            <option key={c} value={c}>
              {t(`conduct.${c}`)}
            </option>
          ))}
        </select>
        <button type="submit" data-testid="drill-inject-update">
          {t("console.update")}
        </button>
      </form>
      {openSteps.length > 0 && (
        <p>
          {openSteps.map((s) => (
            <button
              type="button"
              key={s.step}
              onClick={() => inject({ type: "step.complete", step: s.step })}
            >
              ✔ {names.step(s.step, incident.playbook?.playbook)}
            </button>
          ))}
        </p>
      )}
      {incident.offers.map((o) => (
        <button
          type="button"
          key={o.replaces}
          onClick={() =>
            inject({ type: "replacement.accept", replaces: o.replaces })
          }
        >
          {t("console.acceptOffer")}: {o.replaces}
        </button>
      ))}
      <p>
        {(incident.phase === "responding" || incident.phase === "watch") && (
          <button
            type="button"
            onClick={() => inject({ type: "incident.resolve" })}
          >
            {t("console.resolve")}
          </button>
        )}
        {(incident.phase === "resolved" || incident.phase === "followUp") && (
          <button
            type="button"
            onClick={() => inject({ type: "incident.close" })}
          >
            {t("console.close")}
          </button>
        )}
      </p>
    </section>
  );
}
