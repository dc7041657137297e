import type { ReactNode } from "react";
import { useFormat } from "../lib/format.ts";
import { useOptionalPlan, usePlan } from "../lib/PlanContext.tsx";
import { DemoBand } from "./DemoBand.tsx";
import { LanguageToggle } from "./LanguageToggle.tsx";
import { WhoAmI } from "./WhoAmI.tsx";

/**
 * The strip on top of every page: plan name, page title, who is signed
 * in, clock, language; and below it the DEMO band on a demo server. The
 * sign-in and enrolment pages have no plan loaded, hence no plan name.
 */
export function AppHeader({
  title,
  clock,
  children,
}: {
  title: string;
  /** The server's time now, when the page shows a clock. */
  clock?: number;
  children?: ReactNode;
}) {
  const loaded = useOptionalPlan();

  return (
    <>
      <header className="app-header">
        {loaded && <PlanName />}
        <h1 className="app-title">{title}</h1>
        {children}
        <WhoAmI />
        {clock !== undefined && <Clock at={clock} />}
        <LanguageToggle />
      </header>
      <DemoBand />
    </>
  );
}

function PlanName() {
  const { plan } = usePlan();
  const format = useFormat();
  return <span className="app-plan">{format.name(plan.name)}</span>;
}

function Clock({ at }: { at: number }) {
  const format = useFormat();
  return (
    <time className="app-clock" data-testid="clock">
      {format.time(new Date(at).toISOString())}
    </time>
  );
}
