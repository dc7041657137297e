import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { AppHeader } from "../components/AppHeader.tsx";
import { useFormat } from "../lib/format.ts";
import { loginHref } from "../lib/pageAccess.ts";
import { useOptionalPlan, usePlan } from "../lib/PlanContext.tsx";
import { useNames } from "../lib/names.ts";
import "../styles/session.css";

const LAST_UNIT = "muster.unit";

/** Remembers the unit this tablet serves, for the installed app's start. */
export function rememberUnit(callsign: string): void {
  localStorage.setItem(LAST_UNIT, callsign);
}

/**
 * Where the installed app starts (/unit): straight on to the unit this
 * tablet served last, or a list to pick one from the first time. Only a
 * signed-in person may read the plan for that list; a tablet has its
 * enrolment on its unit's page, so it goes on there without the plan.
 */
export function UnitChooser() {
  const { t } = useTranslation();
  const loaded = useOptionalPlan();
  const last = localStorage.getItem(LAST_UNIT);
  const known =
    last !== null &&
    (!loaded || loaded.plan.units.some((u) => u.callsign === last));

  useEffect(() => {
    if (last && known) {
      window.location.replace(`/unit/${encodeURIComponent(last)}`);
    }
  }, [last, known]);

  return (
    <div className="unit-page" data-testid="unit-chooser">
      <AppHeader title={t("unit.choose")} />
      {loaded ? (
        <UnitChoices />
      ) : (
        !known && (
          <main className="session-body">
            <p>{t("session.notEnrolledHint")}</p>
            <a className="big-link" href="/enrol">
              {t("enrol.title")}
            </a>
            <a href={loginHref("/unit")}>{t("session.signInAsPerson")}</a>
          </main>
        )
      )}
    </div>
  );
}

function UnitChoices() {
  const { plan } = usePlan();
  const format = useFormat();
  const names = useNames();

  return (
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
  );
}
