import type { TFunction } from "i18next";
import type { IncidentState } from "@muster/engine";
import type { Plan } from "@muster/plan";

/**
 * The grading reason in the screen's language, rebuilt from the plan's
 * band; the engine's own line (English) is the fallback for a band the
 * loaded plan does not have.
 */
export function gradingReason(
  incident: IncidentState,
  plan: Plan,
  t: TFunction,
): string {
  const band = plan.bands.find((b) => b.id === incident.band);
  if (!band) return incident.reason;
  const { minHeadcount: min, maxHeadcount: max } = band;
  let range: string;
  if (max === null) {
    range =
      min <= 1 ? t("grading.range.any") : t("grading.range.atLeast", { min });
  } else {
    range = t("grading.range.between", { min, max });
  }
  return t("grading.reason", {
    conduct: t(`conduct.${band.conduct}`),
    range,
    level: t(`level.name.${band.level}`),
  });
}
