import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Conduct, LatLon } from "@muster/protocol";
import { useFormat } from "../lib/format.ts";
import { usePlan } from "../lib/PlanContext.tsx";
import { useLiveRights } from "../lib/useRights.ts";
import { RightsNote } from "../components/RightsNote.tsx";
import { ConductSelect, HeadcountInput } from "./FigureFields.tsx";
import type { Send } from "./types.ts";

interface Props {
  /** The place picked on the map. */
  picked: LatLon | null;
  send: Send;
  onReported: (incidentId: string) => void;
}

/** A new report: place, type, headcount and conduct → incident.report. */
export function ReportForm({ picked, send, onReported }: Props) {
  const { t } = useTranslation();
  const { plan } = usePlan();
  const format = useFormat();
  const [name, setName] = useState("");
  const [type, setType] = useState("other");
  const [headcount, setHeadcount] = useState(10);
  const [conduct, setConduct] = useState<Conduct>("none");
  const [county, setCounty] = useState(false);
  const [busy, setBusy] = useState(false);
  const allowed = useLiveRights().control("incident.report");

  const submit = async () => {
    if (allowed.disabled || !picked || name.trim() === "") return;
    setBusy(true);
    const result = await send({
      type: "incident.report",
      place: { name: name.trim(), position: picked },
      incidentType: type,
      headcount,
      conduct,
      ...(county ? { escalateToCounty: true } : {}),
    });
    setBusy(false);
    if (!result?.ok) return;
    setName("");
    onReported(result.incidentId);
  };

  return (
    <form
      className="report-form panel"
      data-testid="report-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t("report.title")}</h2>
      <RightsNote action="incident.report" />
      <fieldset
        className="plain-fieldset"
        disabled={allowed.disabled}
        title={allowed.title}
      >
        <p className="report-position" data-testid="report-position">
          {picked
            ? `${picked.lat.toFixed(5)}, ${picked.lon.toFixed(5)}`
            : allowed.disabled
              ? t("rights.noReport")
              : t("report.pickHint")}
        </p>
        <label>
          {t("report.place")}
          <input
            data-testid="report-place"
            value={name}
            required
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          {t("report.type")}
          <select
            data-testid="report-type"
            value={type}
            onChange={(e) => setType(e.target.value)}
          >
            {plan.playbooks.map((p) => (
              <option key={p.id} value={p.id}>
                {format.name(p.name)}
              </option>
            ))}
            <option value="other">{t("incident.typeOther")}</option>
          </select>
        </label>
        <HeadcountInput
          value={headcount}
          onChange={setHeadcount}
          testId="report-headcount"
        />
        <ConductSelect
          value={conduct}
          onChange={setConduct}
          testId="report-conduct"
        />
        <label className="checkbox">
          <input
            data-testid="report-county"
            type="checkbox"
            checked={county}
            onChange={(e) => setCounty(e.target.checked)}
          />
          {t("report.escalateToCounty")}
        </label>
        <button
          type="submit"
          data-testid="report-submit"
          title={allowed.title}
          disabled={busy || !picked || name.trim() === ""}
        >
          {t("report.submit")}
        </button>
      </fieldset>
    </form>
  );
}
