import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { CreateEnrolmentCode } from "@muster/protocol";
import { CommandErrorView } from "../components/CommandErrorView.tsx";
import { authApi, type EnrolmentCode } from "../lib/authApi.ts";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";
import { usePlan } from "../lib/PlanContext.tsx";
import { useAction } from "../lib/useAnswer.ts";
import { EnrolmentCodeCard } from "./EnrolmentCodeCard.tsx";
import { UnitSelect } from "./UnitSelect.tsx";

/** Makes a one-time code to enrol a unit's tablet or a district's wall. */
export function EnrolmentCodeForm() {
  const { t } = useTranslation();
  const { plan } = usePlan();
  const format = useFormat();
  const names = useNames();
  const { run, busy, error, clearError } = useAction();
  const [kind, setKind] = useState<CreateEnrolmentCode["kind"]>("unit");
  const [unit, setUnit] = useState(plan.units[0]?.callsign ?? "");
  const [district, setDistrict] = useState(plan.homeDistrict);
  const [made, setMade] = useState<{
    code: EnrolmentCode;
    target: string;
  } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: CreateEnrolmentCode =
      kind === "unit" ? { kind, unit } : { kind, district };
    const target =
      kind === "unit"
        ? unit
        : t("admin.wallOf", { district: names.district(district) });
    const answer = await run(() => authApi.createEnrolmentCode(body));
    if (answer) setMade({ code: answer, target });
  };

  return (
    <>
      <form
        className="admin-form"
        data-testid="enrolment-form"
        onSubmit={(e) => void submit(e)}
      >
        <h3>{t("admin.newCode")}</h3>
        <label>
          {t("admin.deviceKind")}
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as typeof kind)}
            data-testid="enrolment-kind"
          >
            <option value="unit">{t("admin.kind.unit")}</option>
            <option value="display">{t("admin.kind.display")}</option>
          </select>
        </label>
        {kind === "unit" ? (
          <UnitSelect value={unit} onChange={setUnit} testId="enrolment-unit" />
        ) : (
          <label>
            {t("admin.district")}
            <select
              value={district}
              onChange={(e) => setDistrict(e.target.value)}
              data-testid="enrolment-district"
            >
              {plan.districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {format.name(d.name)}
                </option>
              ))}
            </select>
          </label>
        )}
        <CommandErrorView
          error={error}
          context="enrolmentCode"
          onDismiss={clearError}
        />
        <button
          type="submit"
          className="primary"
          disabled={busy}
          data-testid="enrolment-create"
        >
          {t("admin.createCode")}
        </button>
      </form>
      {made && (
        <EnrolmentCodeCard
          code={made.code}
          target={made.target}
          onDone={() => setMade(null)}
        />
      )}
    </>
  );
}
