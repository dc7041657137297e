import { useTranslation } from "react-i18next";
import type { CommandStatus, ConnectionState } from "@muster/client";
import { useFormat } from "../lib/format.ts";

/**
 * Each press on this dispatch, with the time of the tap and whether the
 * command post has it yet. Presses left over from a closed page are
 * here too: the outbox restores them from the device.
 */
export function DeliveryState({
  presses,
  connection,
}: {
  presses: CommandStatus[];
  connection: ConnectionState;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (presses.length === 0) return null;

  return (
    <ul className="deliveries" aria-live="polite">
      {presses.map((press) => {
        const { command } = press;
        const step = t(`command.${command.type}`);
        const tappedAt = "deviceAt" in command ? command.deviceAt : undefined;
        const text =
          press.state === "confirmed"
            ? t("unit.confirmed", { step })
            : press.state === "failed"
              ? t("unit.failed", { step })
              : connection.kind === "offline"
                ? t("unit.pendingOffline", { step })
                : t("unit.pending", { step });
        return (
          <li
            key={command.commandId}
            className={`delivery delivery-${press.state}`}
            data-testid="unit-command-status"
            data-command={command.type}
            data-state={press.state}
          >
            <time className="delivery-time">
              {format.time(tappedAt ?? press.queuedAt)}
            </time>
            <span>{text}</span>
          </li>
        );
      })}
    </ul>
  );
}
