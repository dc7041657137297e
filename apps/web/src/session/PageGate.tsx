import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSignedOut } from "../lib/client.ts";
import { loginHref, verdict, type PageNeed } from "../lib/pageAccess.ts";
import { mayOpen } from "../lib/roles.ts";
import { useSession } from "../lib/session.tsx";
import { NotEnrolled } from "./NotEnrolled.tsx";
import { NotForRole } from "./NotForRole.tsx";
import { SignedOutScreen } from "./SignedOutScreen.tsx";

/**
 * Shows the page only to whom it is for (lib/pageAccess.ts): sends the
 * desks to sign in, tells a tablet or wall nobody enrolled it, tells a
 * role the page is not for it (lib/roles.ts), and says so when the
 * server ends the sign-in while the page is open.
 */
export function PageGate({
  need,
  children,
}: {
  need: PageNeed;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const ended = useSignedOut();
  const decided = verdict(need, session);
  const away = decided === "signIn" || decided === "changePassword";

  useEffect(() => {
    if (!away) return;
    const { pathname, search } = window.location;
    window.location.replace(loginHref(`${pathname}${search}`));
  }, [away]);

  if (ended) {
    // The wall may run on a person's sign-in: say whose sign-in ended.
    const device =
      session.status === "signedIn"
        ? session.identity.kind === "device"
        : need === "unit" || need === "wall";
    return <SignedOutScreen device={device} error={ended} />;
  }
  if (decided === "show") {
    if (
      session.status === "signedIn" &&
      !mayOpen(session.identity, window.location.pathname)
    ) {
      return <NotForRole identity={session.identity} />;
    }
    return children;
  }
  if (decided === "notEnrolled" && session.status === "signedOut") {
    return <NotEnrolled need={need} error={session.error} />;
  }
  return (
    <div className="loading" data-testid="session-checking">
      <p>{away ? t("session.toSignIn") : t("session.checking")}</p>
      {session.status === "unreachable" && (
        <p className="loading-error">{session.message}</p>
      )}
    </div>
  );
}
