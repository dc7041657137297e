import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { CommandErrorView } from "../components/CommandErrorView.tsx";
import { authApi, type DeviceView } from "../lib/authApi.ts";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";
import { useAction, useAnswer } from "../lib/useAnswer.ts";
import { AdminTable } from "./AdminTable.tsx";
import { EnrolmentCodeForm } from "./EnrolmentCodeForm.tsx";

/**
 * The enrolled tablets and walls: codes to enrol more, and revoking one
 * that is lost or retired. Whether this person may is the server's call;
 * its refusal is shown as it gave it.
 */
export function DevicesSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const load = useCallback(() => authApi.devices(), []);
  const { answer, error, reload } = useAnswer(load);
  const action = useAction();

  const revoke = async (device: DeviceView) => {
    if (!window.confirm(t("admin.confirmRevoke", { label: device.label }))) {
      return;
    }
    if (await action.run(() => authApi.revokeDevice(device.id))) reload();
  };
  const serves = (d: DeviceView) =>
    d.kind === "unit"
      ? (d.unit ?? "")
      : t("admin.wallOf", { district: names.district(d.district ?? "") });

  return (
    <section className="admin-section" data-testid="devices-section">
      <h2>
        {t("admin.devices")}{" "}
        <button type="button" onClick={reload}>
          {t("admin.refresh")}
        </button>
      </h2>
      <CommandErrorView error={error} />
      {answer && (
        <>
          <CommandErrorView
            error={action.error}
            onDismiss={action.clearError}
          />
          <AdminTable
            testId="devices-table"
            headings={[
              t("admin.deviceKind"),
              t("admin.serves"),
              t("admin.label"),
              t("admin.enrolled"),
              t("admin.lastSeen"),
              "",
            ]}
          >
            {answer.devices.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {t("admin.noDevices")}
                </td>
              </tr>
            )}
            {answer.devices.map((d) => (
              <tr key={d.id} data-revoked={d.revokedAt !== null}>
                <td>{t(`admin.kind.${d.kind}`)}</td>
                <td>{serves(d)}</td>
                <td>{d.label}</td>
                <td className="nowrap">{format.dateTime(d.enrolledAt)}</td>
                <td className="nowrap">{format.dateTime(d.lastSeenAt)}</td>
                <td className="admin-actions">
                  {d.revokedAt ? (
                    <span className="muted">
                      {t("admin.revokedAt", {
                        time: format.dateTime(d.revokedAt),
                      })}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="danger"
                      disabled={action.busy}
                      onClick={() => void revoke(d)}
                    >
                      {t("admin.revoke")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </AdminTable>
          <EnrolmentCodeForm />
        </>
      )}
    </section>
  );
}
