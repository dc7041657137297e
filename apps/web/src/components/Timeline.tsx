import { useTranslation } from "react-i18next";
import type { StoredEvent } from "@muster/protocol";
import { describeEvent } from "../lib/describeEvent.ts";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";

interface Props {
  events: readonly StoredEvent[];
  /** Newest events shown; the rest are left off, never scrolled to. */
  limit?: number;
}

/** An incident's events, newest first. */
export function Timeline({ events, limit = 50 }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const newest = events.slice(-limit).reverse();

  return (
    <ol className="timeline" data-testid="timeline">
      {newest.map((event) => (
        <li
          key={event.position}
          className={`timeline-item timeline-${event.type.replace(".", "-")}`}
          data-testid={`timeline-${event.position}`}
          data-type={event.type}
        >
          <time>{format.time(event.at)}</time>
          <span>{describeEvent(event, t, names)}</span>
        </li>
      ))}
      {newest.length === 0 && <li className="muted">{t("timeline.empty")}</li>}
    </ol>
  );
}
