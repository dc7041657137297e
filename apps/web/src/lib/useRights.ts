import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "@muster/protocol";
import { mayDo, readOnly, rolesThatMay, type LiveAction } from "./roles.ts";
import { useSession } from "./session.tsx";

/** What a control for one live action is: usable, or held back and why. */
export interface Control {
  disabled: boolean;
  /** Why it is held back, for the control's tooltip; unset when usable. */
  title: string | undefined;
}

export interface LiveRights {
  /** The signed-in role; null while nobody is known. */
  role: Role | null;
  /** The role may change nothing live. */
  readOnly: boolean;
  may: (action: LiveAction) => boolean;
  /** Spread on a button: disabled with the reason when not allowed. */
  control: (action: LiveAction) => Control;
  /** The reason in words, or null when allowed. */
  why: (action: LiveAction) => string | null;
}

/**
 * What the signed-in role may change on the console (lib/roles.ts).
 * While nobody is known (a page out of reach of the server) everything
 * stays usable: the server still decides, and says why when it refuses.
 */
export function useLiveRights(): LiveRights {
  const { t } = useTranslation();
  const { session } = useSession();
  const role = session.status === "signedIn" ? session.identity.role : null;

  return useMemo(() => {
    const may = (action: LiveAction) => role === null || mayDo(role, action);
    const why = (action: LiveAction) =>
      may(action) || role === null
        ? null
        : t("rights.cannot", {
            role: t(`role.${role}`),
            action: t(`rights.action.${action}`),
            who: rolesThatMay(action)
              .map((r) => t(`role.${r}`))
              .join(t("rights.join")),
          });
    return {
      role,
      readOnly: role !== null && readOnly(role),
      may,
      why,
      control: (action) => ({
        disabled: !may(action),
        title: why(action) ?? undefined,
      }),
    };
  }, [role, t]);
}
