import { useTranslation } from "react-i18next";
import { AppHeader } from "../components/AppHeader.tsx";
import { useSession } from "../lib/session.tsx";
import "../styles/admin.css";
import { AccountsSection } from "./AccountsSection.tsx";
import { DevicesSection } from "./DevicesSection.tsx";

/**
 * Accounts for the administrator, enrolled devices for the command post.
 * The server decides who may do what; the page asks and shows its answer.
 */
export function AdminPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  // Only the administrator keeps accounts (protocol auth.ts, Role).
  const admin =
    session.status === "signedIn" && session.identity.role === "admin";

  return (
    <div className="admin-page" data-testid="admin-page">
      <AppHeader title={t("admin.title")} />
      <main className="admin-body">
        {admin && <AccountsSection />}
        <DevicesSection />
      </main>
    </div>
  );
}
