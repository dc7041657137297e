import { useTranslation } from "react-i18next";
import type { WireError } from "@muster/protocol";
import { AppHeader } from "../components/AppHeader.tsx";
import { loginHref } from "../lib/pageAccess.ts";
import { problemOf } from "../lib/problem.ts";
import "../styles/session.css";

/**
 * The server ended this page's sign-in while it was open (signed out
 * elsewhere, expired or revoked): say so in the reader's language, with
 * the server's words beneath, rather than leave a screen that looks live
 * and takes taps nobody will receive.
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
  const { detail } = problemOf(t, error, "signedOut");

  return (
    <div className="session-page" data-testid="signed-out" role="alert">
      <AppHeader title={t("session.endedTitle")} />
      <main className="session-body">
        <h2 className="session-heading" data-testid="signed-out-headline">
          {device ? t("session.endedDevice") : t("session.endedPerson")}
        </h2>
        <p>{device ? t("session.endedDeviceHint") : t("session.endedHint")}</p>
        {device && (
          <a className="big-link" href="/enrol" data-testid="go-enrol">
            {t("enrol.title")}
          </a>
        )}
        <a
          className={device ? "big-link big-link-secondary" : "big-link"}
          href={loginHref(here)}
          data-testid="go-sign-in"
        >
          {device ? t("session.signInAsPerson") : t("session.signInAgain")}
        </a>
        {detail && (
          <p className="session-detail" data-testid="signed-out-message">
            {detail}
          </p>
        )}
      </main>
    </div>
  );
}
