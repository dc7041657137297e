import { ConsolePage } from "./console/ConsolePage.tsx";
import { DrillPage } from "./drill/DrillPage.tsx";
import { HomePage } from "./HomePage.tsx";
import { PlanProvider } from "./lib/PlanContext.tsx";
import { UnitChooser } from "./unit/UnitChooser.tsx";
import { UnitPage } from "./unit/UnitPage.tsx";
import { WallPage } from "./wall/WallPage.tsx";

/** The page for a path; each screen is a full page load, no router. */
export function route(pathname: string) {
  const path = pathname.replace(/\/+$/, "");
  const unit = /^\/unit\/([^/]+)$/.exec(path);
  if (unit?.[1]) return <UnitPage callsign={decodeURIComponent(unit[1])} />;
  if (path === "/unit") return <UnitChooser />;
  if (path === "/wall") return <WallPage />;
  if (path === "/console") return <ConsolePage />;
  if (path === "/drill") return <DrillPage />;
  return <HomePage />;
}

export function App() {
  return <PlanProvider>{route(window.location.pathname)}</PlanProvider>;
}
