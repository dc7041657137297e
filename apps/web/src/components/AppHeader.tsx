import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../lib/format.ts";
import { usePlan } from "../lib/PlanContext.tsx";
import { LanguageToggle } from "./LanguageToggle.tsx";

/** The strip on top of every page: plan name, page title, clock, language. */
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
  const { t } = useTranslation();
  const { plan, config } = usePlan();
  const format = useFormat();

  return (
    <header className="app-header">
      <span className="app-plan">{format.name(plan.name)}</span>
      <h1 className="app-title">{title}</h1>
      {config.demo && <span className="demo-badge">{t("app.demo")}</span>}
      {children}
      {clock !== undefined && (
        <time className="app-clock" data-testid="clock">
          {format.time(new Date(clock).toISOString())}
        </time>
      )}
      <LanguageToggle />
    </header>
  );
}
