import { useTranslation } from "react-i18next";
import type { LiveAction } from "../lib/roles.ts";
import { useLiveRights } from "../lib/useRights.ts";

/**
 * Why a section's controls are held back, in words on the screen (a
 * tooltip alone is lost on a touch screen). Only for roles that may do
 * some things live: a read-only role has one notice for the whole page.
 */
export function RightsNote({ action }: { action: LiveAction }) {
  const rights = useLiveRights();
  const why = rights.why(action);
  if (!why || rights.readOnly) return null;

  return (
    <p className="rights-note" data-testid={`rights-note-${action}`}>
      {why}
    </p>
  );
}

/** The console's notice for a role that may change nothing live. */
export function ReadOnlyNotice() {
  const { t } = useTranslation();
  const rights = useLiveRights();
  if (!rights.readOnly || rights.role === null) return null;

  return (
    <div className="read-only-notice" role="note" data-testid="read-only">
      <strong>{t("rights.readOnly")}</strong>
      <span>
        {t("rights.readOnlyHint", { role: t(`role.${rights.role}`) })}
      </span>
    </div>
  );
}
