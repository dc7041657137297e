import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { CommandErrorView } from "../components/CommandErrorView.tsx";
import { authApi, type DeviceView } from "../lib/authApi.ts";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";
import { mayEnrolDevices } from "../lib/roles.ts";
import { useSession } from "../lib/session.tsx";
import { useAction, useAnswer } from "../lib/useAnswer.ts";
import { AdminTable } from "./AdminTable.tsx";
import { EnrolmentCodeForm } from "./EnrolmentCodeForm.tsx";

/**
 * The enrolled tablets and walls: codes to enrol more (the commander's,
 * so only a commander sees that form), and revoking one that is lost or
 * retired. The server still decides; its refusal is shown in words.
 */
export function DevicesSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const load = useCallback(() => authApi.devices(), []);
  const { answer, error, reload } = useAnswer(load);
  const action = useAction();
  const { session } = useSession();
  const enrols =
    session.status === "signedIn" && mayEnrolDevices(session.identity.role);

  const revoke = async (device: DeviceView) => {
    const label = `${shownLabel(device)} (${t(`admin.kindShort.${device.kind}`)})`;
    if (!window.confirm(t("admin.confirmRevoke", { label }))) {
      return;
    }
    if (await action.run(() => authApi.revokeDevice(device.id))) reload();
  };
  // A wall's label is its district's id unless someone named it.
  const shownLabel = (d: DeviceView) =>
    d.kind === "display" && d.label === d.district
      ? names.district(d.district)
      : d.label;
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
      <CommandErrorView error={error} context="devices" />
      {answer && (
        <>
          <CommandErrorView
            error={action.error}
            context="revoke"
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
                <td data-testid={`device-label-${d.id}`}>
                  {shownLabel(d)}
                  <span className="device-kind">
                    {t(`admin.kindShort.${d.kind}`)}
                  </span>
                </td>
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
          {enrols && <EnrolmentCodeForm />}
        </>
      )}
    </section>
  );
}
