import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DemoBand } from "../components/DemoBand.tsx";

/**
 * A new dispatch over the whole screen, flashing, until the leader
 * acknowledges or declines it: nothing else on the page can hide it.
 */
export function DispatchAlert({ children }: { children: ReactNode }) {
  const { t } = useTranslation();

  return (
    <div
      className="dispatch-alert"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="dispatch-alert-title"
      data-testid="dispatch-alert"
    >
      {/* Over the whole screen, it hides the page's own band. */}
      <DemoBand />
      <h2 id="dispatch-alert-title" className="dispatch-alert-title">
        {t("unit.newDispatch")}
      </h2>
      {children}
    </div>
  );
}
