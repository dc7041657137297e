import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppHeader } from "../components/AppHeader.tsx";
import { safeNext } from "../lib/pageAccess.ts";
import { useSession } from "../lib/session.tsx";
import "../styles/session.css";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";
import { SignInForm } from "./SignInForm.tsx";

/**
 * Sign-in for people: name and password, then a password of their own
 * when they came in with a one-time one, then back to `?next=`.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  // The one-time password just typed, so it need not be typed again.
  const [oneTime, setOneTime] = useState<{
    name: string;
    password: string;
  } | null>(null);
  const next = safeNext(
    new URLSearchParams(window.location.search).get("next"),
  );
  const goOn = () => window.location.replace(next);

  const identity = session.status === "signedIn" ? session.identity : null;
  const person = identity?.kind === "person" ? identity : null;
  const body = () => {
    if (session.status === "checking") {
      return <p className="muted">{t("session.checking")}</p>;
    }
    if (oneTime !== null || person?.passwordChangeRequired) {
      return (
        <ChangePasswordForm
          name={oneTime?.name ?? person?.name ?? ""}
          current={oneTime?.password ?? null}
          onChanged={goOn}
        />
      );
    }
    if (person) {
      return (
        <div className="session-form" data-testid="signed-in">
          <p>
            {t("session.signedInAs", {
              name: person.name,
              role: t(`role.${person.role}`),
            })}
          </p>
          <a className="big-link" href={next} data-testid="continue">
            {t("session.continue")}
          </a>
        </div>
      );
    }
    return (
      <SignInForm
        onSignedIn={(signedIn, password) => {
          if (!signedIn.passwordChangeRequired) return goOn();
          setOneTime({ name: signedIn.name, password });
          // The header then names who is signed in.
          void refresh();
        }}
      />
    );
  };

  return (
    <div className="session-page" data-testid="login-page">
      <AppHeader title={t("session.title")} />
      <main className="session-body">{body()}</main>
    </div>
  );
}
