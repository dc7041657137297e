import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { useFormat } from "../lib/format.ts";

/**
 * No dispatch: a calm screen that says so, and the last release by the
 * command post, so that the leader sees why the dispatch went away.
 */
export function StandingBy({
  released,
  inTouch,
}: {
  released: { incident: IncidentState; at: string } | null;
  /** False until the command post has been heard from since opening. */
  inTouch: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!inTouch) {
    return (
      <section className="standing-by" data-testid="unit-no-contact">
        <p className="standing-by-title no-contact">{t("unit.noContact")}</p>
        <p className="muted">{t("unit.noContactHint")}</p>
      </section>
    );
  }

  return (
    <section className="standing-by" data-testid="unit-standing-by">
      <p className="standing-by-title">{t("unit.standingBy")}</p>
      {released && (
        <p className="released" data-testid="unit-released">
          {t("unit.released", {
            place: released.incident.place.name,
            time: format.time(released.at),
          })}
        </p>
      )}
      <p className="muted">{t("unit.standingByHint")}</p>
    </section>
  );
}
