import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";

/** The unmissable EXERCISE mark, while any shown incident is a drill. */
export function ExerciseBanner({ incidents }: { incidents: IncidentState[] }) {
  const { t } = useTranslation();
  if (!incidents.some((i) => i.drillRunId !== null)) return null;

  return (
    <div className="exercise-banner" data-testid="exercise-banner">
      {t("app.exercise")}
    </div>
  );
}
