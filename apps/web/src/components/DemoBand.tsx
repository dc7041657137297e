import { useTranslation } from "react-i18next";
import { useOptionalPlan } from "../lib/PlanContext.tsx";
import { useSession } from "../lib/session.tsx";

/**
 * The unmissable DEMO mark on every screen of a demonstration server, so
 * that nobody takes its incidents, accounts or devices for real ones.
 */
export function DemoBand() {
  const { t } = useTranslation();
  const { demo } = useSession();
  const loaded = useOptionalPlan();
  if (!demo && !loaded?.config.demo) return null;

  return (
    <div className="demo-band" data-testid="demo-band" role="note">
      {t("app.demoBand")}
    </div>
  );
}
