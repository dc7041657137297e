import { useTranslation } from "react-i18next";
import type { ConnectionState } from "@muster/client";
import { useFormat } from "../lib/format.ts";

interface Props {
  connection: ConnectionState;
  lastEventAt: string | null;
  /** What is shown was kept on this device, not yet caught up since. */
  restored?: boolean;
}

/**
 * Says plainly when the screen may be behind: offline since when, or
 * catching up, and the time of the last event it knows (and that it
 * knows it from the device's copy, when it does).
 */
export function ConnectionBanner({
  connection,
  lastEventAt,
  restored = false,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  if (connection.kind === "live") return null;

  const time = format.time(lastEventAt);
  const last = restored
    ? t("connection.restored", { time })
    : t("connection.lastEvent", { time });
  return (
    <div
      className={`connection-banner connection-${connection.kind}`}
      data-testid="connection-banner"
      data-state={connection.kind}
      data-restored={restored}
      role="status"
    >
      {connection.kind === "offline"
        ? t("connection.offline", { since: format.time(connection.since) })
        : connection.kind === "signedOut"
          ? t("connection.signedOut")
          : t("connection.catchingUp")}
      <span className="connection-last">{last}</span>
    </div>
  );
}
