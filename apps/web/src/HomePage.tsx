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
          <ScreenLink path="console" title={t("console.title")} />
          <ScreenLink path="wall" title={t("wall.title")} />
          <ScreenLink path="drill" title={t("drill.title")} />
          <ScreenLink path="audit" title={t("audit.title")} />
          <ScreenLink path="admin" title={t("admin.title")} />
        </nav>
        <nav className="home-screens home-session">
          <ScreenLink path="login" title={t("session.title")} />
          <ScreenLink path="enrol" title={t("enrol.title")} />
        </nav>
        {loaded && <UnitLinks />}
      </main>
    </div>
  );
}

/** A screen's link; tests find it as `link-<path>`. */
function ScreenLink({ path, title }: { path: string; title: string }) {
  return (
    <a href={`/${path}`} data-testid={`link-${path}`}>
      {title}
    </a>
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
