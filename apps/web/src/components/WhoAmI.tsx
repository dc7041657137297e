import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IdentityView } from "@muster/protocol";
import { authApi } from "../lib/authApi.ts";
import { useSignedOut } from "../lib/client.ts";
import { thrownError } from "../lib/http.ts";
import { useOptionalPlan } from "../lib/PlanContext.tsx";
import { problemOf, type Problem } from "../lib/problem.ts";
import { useSession } from "../lib/session.tsx";
import { ProblemLines } from "./CommandErrorView.tsx";

/**
 * Who the screen acts as: a person's name and role with a way to sign
 * out, or a device's kind and what it serves. Once the server ended the
 * sign-in, that it ended, not the name of someone no longer signed in.
 * Nothing while nobody is known.
 */
export function WhoAmI() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const loaded = useOptionalPlan();
  const ended = useSignedOut();
  const [failed, setFailed] = useState<Problem | null>(null);
  if (session.status !== "signedIn") return null;
  const { identity } = session;

  if (ended) {
    return (
      <span
        className="who-am-i who-am-i-ended"
        data-testid="who-am-i"
        data-kind="ended"
      >
        {identity.kind === "device"
          ? t("session.endedDeviceShort")
          : t("session.endedShort")}
      </span>
    );
  }

  const signOut = async () => {
    try {
      const answer = await authApi.signOut();
      if (!answer.ok) {
        setFailed(problemOf(t, answer.error, "signOut"));
        return;
      }
      // Loading again lets the page decide: sign in to come back, or the
      // wall's own enrolment under the person who left.
      window.location.reload();
    } catch (err) {
      setFailed(problemOf(t, thrownError(err), "signOut"));
    }
  };

  if (identity.kind === "device") {
    // Said from what the device serves, not its name: the server's name
    // for a device is in English ("tablet WH-P1", "wall wanghai").
    const district = identity.districts[0] ?? "";
    const named = loaded?.plan.districts.find((d) => d.id === district);
    const serves =
      identity.unit ??
      (named
        ? named.name[i18n.language.startsWith("zh") ? "zh" : "en"]
        : district);
    return (
      <span className="who-am-i" data-testid="who-am-i" data-kind="device">
        {t("session.device", {
          kind: t(`session.deviceKind.${deviceKind(identity)}`),
          label: serves,
        })}
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
          <ProblemLines problem={failed} />
        </span>
      )}
    </span>
  );
}

/** A tablet acts for one unit; a wall for none. */
function deviceKind(identity: IdentityView): "unit" | "display" {
  return identity.unit === null ? "display" : "unit";
}
