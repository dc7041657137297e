import { useTranslation } from "react-i18next";
import type { PositionReports } from "./usePositionReports.ts";

/** The leader's leave to send the tablet's position while en route. */
export function PositionToggle({ reports }: { reports: PositionReports }) {
  const { t } = useTranslation();
  const { allowed, setAllowed, denied } = reports;

  return (
    <div className="position-toggle">
      <label>
        <input
          type="checkbox"
          data-testid="share-position"
          checked={allowed}
          onChange={(e) => setAllowed(e.target.checked)}
        />
        {t("unit.sharePosition")}
      </label>
      {allowed && (
        <span
          className={denied ? "position-denied" : "muted"}
          data-testid="share-position-state"
          data-state={denied ? "denied" : "sharing"}
        >
          {denied ? t("unit.positionDenied") : t("unit.sharingPosition")}
        </span>
      )}
    </div>
  );
}
