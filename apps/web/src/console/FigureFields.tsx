import { useTranslation } from "react-i18next";
import { conducts, type Conduct } from "@muster/protocol";

interface FieldProps<T> {
  value: T;
  onChange: (value: T) => void;
  testId: string;
}

/** The people involved: a whole number, at least one. */
export function HeadcountInput({
  value,
  onChange,
  testId,
}: FieldProps<number>) {
  const { t } = useTranslation();
  return (
    <label>
      {t("report.headcount")}
      <input
        data-testid={testId}
        type="number"
        min={1}
        step={1}
        value={value}
        onChange={(e) => onChange(Math.max(1, Math.floor(+e.target.value)))}
      />
    </label>
  );
}

/** A conduct picker, gravest last as the plan orders them. */
export function ConductSelect({
  value,
  onChange,
  testId,
}: FieldProps<Conduct>) {
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
