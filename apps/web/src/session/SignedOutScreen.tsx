import { useTranslation } from "react-i18next";
import type { WireError } from "@muster/protocol";
import { AppHeader } from "../components/AppHeader.tsx";
import { loginHref } from "../lib/pageAccess.ts";
import "../styles/session.css";

/**
 * The server ended this page's sign-in while it was open (signed out
 * elsewhere, expired or revoked): say so with its message, rather than
 * leave a screen that looks live and takes taps nobody will receive.
 */
export function SignedOutScreen({
  device,
  error,
}: {
  /** A tablet's or wall's enrolment ended, not a person's session. */
  device: boolean;
  error: WireError;
}) {
  const { t } = useTranslation();
  const here = `${window.location.pathname}${window.location.search}`;

  return (
    <div className="session-page" data-testid="signed-out" role="alert">
      <AppHeader title={t("session.endedTitle")} />
      <main className="session-body">
        <h2 className="session-heading">
          {device ? t("session.endedDevice") : t("session.endedPerson")}
        </h2>
        <p className="session-message" data-testid="signed-out-message">
          {error.message}
        </p>
        {device && (
          <a className="big-link" href="/enrol">
            {t("enrol.title")}
          </a>
        )}
        <a className={device ? undefined : "big-link"} href={loginHref(here)}>
          {device ? t("session.signInAsPerson") : t("session.signInAgain")}
        </a>
      </main>
    </div>
  );
}
