import { useState } from "react";
import { useTranslation } from "react-i18next";
import { conducts, type Conduct, type LatLon } from "@muster/protocol";
import { useFormat } from "../lib/format.ts";
import { usePlan } from "../lib/PlanContext.tsx";
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

  const submit = async () => {
    if (!picked || name.trim() === "") return;
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
      <p className="report-position" data-testid="report-position">
        {picked
          ? `${picked.lat.toFixed(5)}, ${picked.lon.toFixed(5)}`
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
      <label>
        {t("report.headcount")}
        <input
          data-testid="report-headcount"
          type="number"
          min={1}
          step={1}
          value={headcount}
          onChange={(e) =>
            setHeadcount(Math.max(1, Math.floor(+e.target.value)))
          }
        />
      </label>
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
        disabled={busy || !picked || name.trim() === ""}
      >
        {t("report.submit")}
      </button>
    </form>
  );
}

/** A conduct picker, gravest last as the plan orders them. */
export function ConductSelect({
  value,
  onChange,
  testId,
}: {
  value: Conduct;
  onChange: (c: Conduct) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {t("report.conduct")}
      <select
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value as Conduct)}
      >
        {conducts.map((c) => (
          <option key={c} value={c}>
            {t(`conduct.${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
