import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authApi } from "../lib/authApi.ts";
import { useSession } from "../lib/session.tsx";

/**
 * Who the screen acts as: a person's name and role with a way to sign
 * out, or a device's label. Nothing while nobody is known.
 */
export function WhoAmI() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [failed, setFailed] = useState<string | null>(null);
  if (session.status !== "signedIn") return null;
  const { identity } = session;

  const signOut = async () => {
    try {
      const answer = await authApi.signOut();
      if (!answer.ok) {
        setFailed(answer.error.message);
        return;
      }
      // Loading again lets the page decide: sign in to come back, or the
      // wall's own enrolment under the person who left.
      window.location.reload();
    } catch (err) {
      setFailed(err instanceof Error ? err.message : String(err));
    }
  };

  if (identity.kind === "device") {
    return (
      <span className="who-am-i" data-testid="who-am-i" data-kind="device">
        {t("session.device", { label: identity.name })}
      </span>
    );
  }
  return (
    <span className="who-am-i" data-testid="who-am-i" data-kind="person">
      <span>
        {identity.name} · {t(`role.${identity.role}`)}
      </span>
      <button
        type="button"
        data-testid="sign-out"
        onClick={() => void signOut()}
      >
        {t("session.signOut")}
      </button>
      {failed && (
        <span className="who-am-i-error" role="alert">
          {failed}
        </span>
      )}
    </span>
  );
}
