import { useTranslation } from "react-i18next";
import type { IdentityView } from "@muster/protocol";
import { AppHeader } from "../components/AppHeader.tsx";
import { pagesFor, screenOf } from "../lib/roles.ts";
import "../styles/session.css";

/**
 * A page the signed-in role cannot use (lib/roles.ts): said plainly,
 * with the pages it can use, instead of a screen that waits forever on
 * what the server will never send it.
 */
export function NotForRole({ identity }: { identity: IdentityView }) {
  const { t } = useTranslation();
  const { pathname } = window.location;
  const screen = screenOf(pathname) ?? "console";
  const role = t(`role.${identity.role}`);
  const callsign = decodeURIComponent(
    pathname.replace(/\/+$/, "").split("/")[2] ?? "",
  );
  const pages = pagesFor(identity);
  const title = (path: string) => {
    const [, to = "", unit = ""] = path.split("/");
    return t(`roles.screen.${to}`, { callsign: decodeURIComponent(unit) });
  };

  return (
    <div className="session-page" data-testid="not-for-role">
      <AppHeader title={t(`roles.screen.${screen}`, { callsign })} />
      <main className="session-body">
        <h2 className="session-heading" data-testid="not-for-role-headline">
          {t(`roles.refused.${screen}`, { role, callsign })}
        </h2>
        <p>
          {pages.length > 0
            ? t("roles.canUse", { role })
            : t("roles.nothing", { role })}
        </p>
        {pages.map((path) => (
          <a
            key={path}
            className="big-link"
            href={path}
            data-testid={`role-page-${path.split("/")[1]}`}
          >
            {title(path)}
          </a>
        ))}
      </main>
    </div>
  );
}
