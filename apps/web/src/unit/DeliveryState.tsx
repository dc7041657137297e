import { useTranslation } from "react-i18next";
import type { CommandStatus, ConnectionState } from "@muster/client";

/** Whether the command post has the unit's last status yet. */
export function DeliveryState({
  last,
  connection,
}: {
  last: CommandStatus | undefined;
  connection: ConnectionState;
}) {
  const { t } = useTranslation();
  if (!last) return null;

  const step = t(`command.${last.command.type}`);
  const text =
    last.state === "confirmed"
      ? t("unit.confirmed", { step })
      : last.state === "failed"
        ? t("unit.failed", { step })
        : connection.kind === "offline"
          ? t("unit.pendingOffline", { step })
          : t("unit.pending", { step });

  return (
    <p
      className={`delivery delivery-${last.state}`}
      data-testid="unit-command-status"
      data-state={last.state}
      role="status"
    >
      {text}
    </p>
  );
}
