import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";
import { RightsNote } from "../components/RightsNote.tsx";
import { useLiveRights } from "../lib/useRights.ts";
import type { Send } from "./types.ts";

/** The command post's groups; a group lead's answer is taken here. */
export function GroupsPanel({
  incident,
  send,
}: {
  incident: IncidentState;
  send: Send;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const allowed = useLiveRights().control("group.acknowledge");
  if (incident.groups.length === 0) return null;

  return (
    <section className="subpanel">
      <h3>{t("console.groups")}</h3>
      {incident.groups.some((g) => g.acknowledgedAt === null) && (
        <RightsNote action="group.acknowledge" />
      )}
      <ul className="rows">
        {incident.groups.map((group) => (
          <li key={group.group} data-testid={`console-group-${group.group}`}>
            <span>{names.group(group.group)}</span>
            {group.acknowledgedAt ? (
              <span className="ok">✔ {format.time(group.acknowledgedAt)}</span>
            ) : (
              <button
                type="button"
                data-testid={`group-ack-${group.group}`}
                {...allowed}
                onClick={() =>
                  void send({
                    type: "group.acknowledge",
                    incidentId: incident.incidentId,
                    group: group.group,
                  })
                }
              >
                {t("console.acknowledgeGroup")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
