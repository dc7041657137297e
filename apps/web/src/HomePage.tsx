import { useTranslation } from "react-i18next";
import { AppHeader } from "./components/AppHeader.tsx";
import { useFormat } from "./lib/format.ts";
import { useOptionalPlan, usePlan } from "./lib/PlanContext.tsx";

/**
 * The front page: where each screen lives, and each unit's tablet once
 * someone signed in can read the plan.
 */
export function HomePage() {
  const { t } = useTranslation();
  const loaded = useOptionalPlan();

  return (
    <div className="home">
      <AppHeader title={t("home.title")} />
      <main className="home-body">
        <nav className="home-screens">
          <a href="/console" data-testid="link-console">
            {t("console.title")}
          </a>
          <a href="/wall" data-testid="link-wall">
            {t("wall.title")}
          </a>
          <a href="/drill" data-testid="link-drill">
            {t("drill.title")}
          </a>
          <a href="/audit" data-testid="link-audit">
            {t("audit.title")}
          </a>
          <a href="/admin" data-testid="link-admin">
            {t("admin.title")}
          </a>
        </nav>
        <nav className="home-screens home-session">
          <a href="/login" data-testid="link-login">
            {t("session.title")}
          </a>
          <a href="/enrol" data-testid="link-enrol">
            {t("enrol.title")}
          </a>
        </nav>
        {loaded && <UnitLinks />}
      </main>
    </div>
  );
}

function UnitLinks() {
  const { t } = useTranslation();
  const { plan } = usePlan();
  const format = useFormat();

  return (
    <>
      <h2>{t("home.units")}</h2>
      <ul className="home-units">
        {plan.units.map((unit) => (
          <li key={unit.callsign}>
            <a href={`/unit/${unit.callsign}`}>
              {unit.callsign} · {format.name(unit.name)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
