import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { useNames } from "../lib/names.ts";
import { RightsNote } from "../components/RightsNote.tsx";
import { useLiveRights } from "../lib/useRights.ts";
import type { Send } from "./types.ts";

/** Replacements offered for units that declined or did not answer. */
export function OffersPanel({
  incident,
  send,
}: {
  incident: IncidentState;
  send: Send;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const allowed = useLiveRights().control("replacement.accept");
  if (incident.offers.length === 0) return null;

  return (
    <section className="subpanel" data-testid="offers">
      <h3>{t("console.offers")}</h3>
      <RightsNote action="replacement.accept" />
      <ul className="rows">
        {incident.offers.map((offer) => (
          <li key={`${offer.tier}-${offer.replaces}`}>
            <span>
              {t("console.offer", {
                tier: names.tier(offer.tier),
                replaces: offer.replaces,
                candidate: offer.candidate ?? t("event.noCandidate"),
              })}
            </span>
            <button
              type="button"
              data-testid={`offer-accept-${offer.replaces}`}
              disabled={allowed.disabled || offer.candidate === null}
              title={allowed.title}
              onClick={() =>
                void send({
                  type: "replacement.accept",
                  incidentId: incident.incidentId,
                  replaces: offer.replaces,
                })
              }
            >
              {t("console.acceptOffer")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
