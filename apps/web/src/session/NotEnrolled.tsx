import { useTranslation } from "react-i18next";
import type { WireError } from "@muster/protocol";
import { AppHeader } from "../components/AppHeader.tsx";
import { loginHref, type PageNeed } from "../lib/pageAccess.ts";
import { problemOf } from "../lib/problem.ts";
import "../styles/session.css";

/** The callsign of the tablet page open now, if it is one. */
export function pageCallsign(): string | null {
  const match = /^\/unit\/([^/]+)\/?$/.exec(window.location.pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * A tablet or wall that has no enrolment the server accepts: how to get
 * one, or to sign in as a person instead (a big button too: it is
 * tapped on a tablet in a moving vehicle).
 */
export function NotEnrolled({
  need,
  error,
}: {
  need: PageNeed;
  error: WireError;
}) {
  const { t } = useTranslation();
  const callsign = need === "unit" ? pageCallsign() : null;
  const here = `${window.location.pathname}${window.location.search}`;
  const title = callsign
    ? t("session.notEnrolledUnit", { callsign })
    : t("session.notEnrolledWall");
  const { detail } = problemOf(t, error, "signedOut");

  return (
    <div className="session-page" data-testid="not-enrolled">
      <AppHeader title={callsign ?? t("wall.title")} />
      <main className="session-body">
        <h2 className="session-heading">{title}</h2>
        <p>{t("session.notEnrolledHint")}</p>
        <a className="big-link" href="/enrol" data-testid="go-enrol">
          {t("enrol.title")}
        </a>
        <a
          className="big-link big-link-secondary"
          href={loginHref(here)}
          data-testid="go-sign-in"
        >
          {t("session.signInAsPerson")}
        </a>
        {detail && (
          <p className="session-detail" data-testid="not-enrolled-detail">
            {detail}
          </p>
        )}
      </main>
    </div>
  );
}
