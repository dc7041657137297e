import { useTranslation } from "react-i18next";
import { useFormat } from "../lib/format.ts";
import { usePlan } from "../lib/PlanContext.tsx";

/** One of the plan's units, by callsign: for a unit leader or a tablet. */
export function UnitSelect({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (callsign: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const { plan } = usePlan();
  const format = useFormat();

  return (
    <label>
      {t("admin.unit")}
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      >
        {plan.units.map((u) => (
          <option key={u.callsign} value={u.callsign}>
            {u.callsign} · {format.name(u.name)}
          </option>
        ))}
      </select>
    </label>
  );
}
