import type { ReactNode } from "react";
import { AdminPage } from "./admin/AdminPage.tsx";
import { AuditPage } from "./audit/AuditPage.tsx";
import { ConsolePage } from "./console/ConsolePage.tsx";
import { DrillPage } from "./drill/DrillPage.tsx";
import { HomePage } from "./HomePage.tsx";
import { pageNeed } from "./lib/pageAccess.ts";
import { PlanProvider } from "./lib/PlanContext.tsx";
import { SessionProvider, useSession } from "./lib/session.tsx";
import { EnrolPage } from "./session/EnrolPage.tsx";
import { LoginPage } from "./session/LoginPage.tsx";
import { PageGate } from "./session/PageGate.tsx";
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
  if (path === "/audit") return <AuditPage />;
  if (path === "/admin") return <AdminPage />;
  if (path === "/login") return <LoginPage />;
  if (path === "/enrol") return <EnrolPage />;
  return <HomePage />;
}

/**
 * Who the page speaks as is settled before the plan is loaded, so that a
 * screen nobody may see asks for sign-in or enrolment instead of waiting
 * on a plan the server will not give it. Sign-in and enrolment need no
 * plan at all.
 */
export function App() {
  const { pathname } = window.location;
  const need = pageNeed(pathname);
  const page = route(pathname);

  return (
    <SessionProvider>
      {need === "bare" ? (
        page
      ) : (
        <PageGate need={need}>
          {need === "open" ? (
            <PlanWhenSignedIn>{page}</PlanWhenSignedIn>
          ) : (
            <PlanProvider>{page}</PlanProvider>
          )}
        </PageGate>
      )}
    </SessionProvider>
  );
}

/** The server gives the plan to signed-in callers only. */
function PlanWhenSignedIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  if (session.status !== "signedIn") return children;
  return <PlanProvider>{children}</PlanProvider>;
}
