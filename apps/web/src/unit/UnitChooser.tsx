import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { AppHeader } from "../components/AppHeader.tsx";
import { useFormat } from "../lib/format.ts";
import { usePlan } from "../lib/PlanContext.tsx";
import { useNames } from "../lib/names.ts";

const LAST_UNIT = "muster.unit";

/** Remembers the unit this tablet serves, for the installed app's start. */
export function rememberUnit(callsign: string): void {
  localStorage.setItem(LAST_UNIT, callsign);
}

/**
 * Where the installed app starts (/unit): straight on to the unit this
 * tablet served last, or a list to pick one from the first time.
 */
export function UnitChooser() {
  const { t } = useTranslation();
  const { plan } = usePlan();
  const format = useFormat();
  const names = useNames();
  const last = localStorage.getItem(LAST_UNIT);
  const known = plan.units.some((u) => u.callsign === last);

  useEffect(() => {
    if (last && known) {
      window.location.replace(`/unit/${encodeURIComponent(last)}`);
    }
  }, [last, known]);

  return (
    <div className="unit-page" data-testid="unit-chooser">
      <AppHeader title={t("unit.choose")} />
      <ul className="unit-choices">
        {plan.units.map((unit) => (
          <li key={unit.callsign}>
            <a href={`/unit/${encodeURIComponent(unit.callsign)}`}>
              <strong>{unit.callsign}</strong> {format.name(unit.name)} ·{" "}
              {names.tier(unit.tier)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
