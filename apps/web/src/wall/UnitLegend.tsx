import { useTranslation } from "react-i18next";
import { usePlan } from "../lib/PlanContext.tsx";
import { useNames } from "../lib/names.ts";
import { tierColour } from "../map/unitStyle.ts";

/** Which colour is which tier, named from the plan in the language. */
export function UnitLegend() {
  const { t } = useTranslation();
  const { plan } = usePlan();
  const names = useNames();

  return (
    <div className="unit-legend" data-testid="unit-legend">
      <div className="unit-legend-title">{t("wall.legend")}</div>
      <ul>
        {plan.tiers.map((tier, i) => (
          <li key={tier.id}>
            <span
              className="unit-legend-dot"
              style={{ background: tierColour(i) }}
            />
            {names.tier(tier.id)}
          </li>
        ))}
      </ul>
    </div>
  );
}
