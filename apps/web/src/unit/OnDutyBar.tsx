import { useTranslation } from "react-i18next";

interface Props {
  onDuty: boolean;
  onGoOnDuty: () => void;
}

/**
 * Asks once per opening for the tap that lets the page sound an alarm;
 * once on duty it says so, and that the screen stays on.
 */
export function OnDutyBar({ onDuty, onGoOnDuty }: Props) {
  const { t } = useTranslation();

  if (onDuty) {
    return (
      <p className="on-duty on-duty-yes" data-testid="on-duty" role="status">
        {t("unit.onDuty")}
      </p>
    );
  }
  return (
    <button
      type="button"
      className="on-duty on-duty-ask"
      data-testid="btn-go-on-duty"
      onClick={onGoOnDuty}
    >
      {t("unit.goOnDuty")}
      <span className="on-duty-hint">{t("unit.goOnDutyHint")}</span>
    </button>
  );
}
