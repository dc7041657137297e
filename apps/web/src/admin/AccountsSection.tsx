import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { CommandErrorView } from "../components/CommandErrorView.tsx";
import { authApi, type AccountView } from "../lib/authApi.ts";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";
import { useSession } from "../lib/session.tsx";
import { useAction, useAnswer } from "../lib/useAnswer.ts";
import { AccountForm } from "./AccountForm.tsx";
import { AdminTable } from "./AdminTable.tsx";
import { OneTimePassword } from "./OneTimePassword.tsx";

/**
 * The administrator's accounts: the list, a new one, resets, disabling
 * and enabling again. The server refuses to disable the last active
 * administrator; its refusal is shown under the table.
 */
export function AccountsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const load = useCallback(() => authApi.accounts(), []);
  const { answer, error, reload } = useAnswer(load);
  const action = useAction();
  const { session } = useSession();
  // The server will not let an administrator lock themselves out.
  const self = session.status === "signedIn" ? session.identity.id : null;
  const [issued, setIssued] = useState<{
    name: string;
    password: string;
  } | null>(null);

  const reset = async (account: AccountView) => {
    if (!window.confirm(t("admin.confirmReset", { name: account.name }))) {
      return;
    }
    const done = await action.run(() => authApi.resetPassword(account.id));
    if (done) setIssued({ name: account.name, password: done.oneTimePassword });
  };
  const disable = async (account: AccountView) => {
    if (!window.confirm(t("admin.confirmDisable", { name: account.name }))) {
      return;
    }
    if (await action.run(() => authApi.disableAccount(account.id))) reload();
  };
  const enable = async (account: AccountView) => {
    if (!window.confirm(t("admin.confirmEnable", { name: account.name }))) {
      return;
    }
    if (await action.run(() => authApi.enableAccount(account.id))) reload();
  };

  return (
    <section className="admin-section" data-testid="accounts-section">
      <h2>{t("admin.accounts")}</h2>
      <CommandErrorView error={error} context="accounts" />
      {issued && (
        <OneTimePassword
          name={issued.name}
          password={issued.password}
          onDone={() => setIssued(null)}
        />
      )}
      {answer && (
        <>
          <CommandErrorView
            error={action.error}
            context="accountAction"
            onDismiss={action.clearError}
          />
          <AdminTable
            testId="accounts-table"
            headings={[
              t("admin.name"),
              t("admin.displayName"),
              t("admin.role"),
              t("admin.districts"),
              t("admin.unit"),
              t("admin.created"),
              "",
            ]}
          >
            {answer.accounts.map((a) => (
              <tr key={a.id} data-disabled={a.disabled}>
                <td>
                  <code>{a.name}</code>
                </td>
                <td>{a.displayName}</td>
                <td>{t(`role.${a.role}`)}</td>
                <td>{a.districts.map((d) => names.district(d)).join(" · ")}</td>
                <td>{a.unit ?? ""}</td>
                <td className="nowrap">{format.dateTime(a.createdAt)}</td>
                <td className="admin-actions">
                  {a.disabled ? (
                    <>
                      <span className="muted">{t("admin.disabled")}</span>
                      <button
                        type="button"
                        className="primary"
                        disabled={action.busy}
                        onClick={() => void enable(a)}
                        data-testid={`account-enable-${a.name}`}
                      >
                        {t("admin.enable")}
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        disabled={action.busy}
                        onClick={() => void reset(a)}
                        data-testid={`account-reset-${a.name}`}
                      >
                        {t("admin.resetPassword")}
                      </button>
                      {a.id !== self && (
                        <button
                          type="button"
                          className="danger"
                          disabled={action.busy}
                          onClick={() => void disable(a)}
                          data-testid={`account-disable-${a.name}`}
                        >
                          {t("admin.disable")}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </AdminTable>
          <AccountForm
            onCreated={(account, password) => {
              setIssued({ name: account.name, password });
              reload();
            }}
          />
        </>
      )}
    </section>
  );
}
