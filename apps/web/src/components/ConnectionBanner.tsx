import { useTranslation } from "react-i18next";
import type { ConnectionState } from "@muster/client";
import { useFormat } from "../lib/format.ts";

interface Props {
  connection: ConnectionState;
  lastEventAt: string | null;
}

/**
 * Says plainly when the screen may be behind: offline since when, or
 * catching up, and the time of the last event it knows.
 */
export function ConnectionBanner({ connection, lastEventAt }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  if (connection.kind === "live") return null;

  const last = t("connection.lastEvent", { time: format.time(lastEventAt) });
  return (
    <div
      className={`connection-banner connection-${connection.kind}`}
      data-testid="connection-banner"
      data-state={connection.kind}
      role="status"
    >
      {connection.kind === "offline"
        ? t("connection.offline", { since: format.time(connection.since) })
        : t("connection.catchingUp")}
      <span className="connection-last">{last}</span>
    </div>
  );
}
