import type { IncidentState } from "@muster/engine";
import type { StoredEvent } from "@muster/protocol";
import { useTranslation } from "react-i18next";
import { Timeline } from "../components/Timeline.tsx";
import { gradingReason } from "../lib/gradingReason.ts";
import { usePlan } from "../lib/PlanContext.tsx";
import { CommandPostPanel } from "../wall/CommandPostPanel.tsx";
import { ForceLadder } from "../wall/ForceLadder.tsx";
import { IncidentHeading } from "../wall/IncidentHeading.tsx";
import { AlertsPanel } from "./AlertsPanel.tsx";
import { CloseoutPanel } from "./CloseoutPanel.tsx";
import { GroupsPanel } from "./GroupsPanel.tsx";
import { OffersPanel } from "./OffersPanel.tsx";
import { PlaybookPanel } from "./PlaybookPanel.tsx";
import type { Send } from "./types.ts";
import { UnitsPanel } from "./UnitsPanel.tsx";
import { UpdateForm } from "./UpdateForm.tsx";

interface Props {
  incident: IncidentState;
  events: readonly StoredEvent[];
  now: number;
  send: Send;
}

/** Everything the operator can see and do about one incident. */
export function IncidentPanel({ incident, events, now, send }: Props) {
  const { t } = useTranslation();
  const { plan } = usePlan();
  const open = incident.phase !== "closed";

  return (
    <section
      className="panel incident-panel"
      data-testid={`incident-panel-${incident.incidentId}`}
      data-phase={incident.phase}
      data-level={incident.level}
    >
      <IncidentHeading incident={incident} />
      <p className="muted">
        {incident.incidentId} · {t(`phase.${incident.phase}`)}
        {incident.band && ` · ${gradingReason(incident, plan, t)}`}
      </p>
      <AlertsPanel incident={incident} send={send} />
      {open && (
        <UpdateForm
          key={`${incident.incidentId}-${incident.headcount}-${incident.conduct}`}
          incident={incident}
          send={send}
        />
      )}
      <CommandPostPanel incident={incident} />
      <GroupsPanel incident={incident} send={send} />
      <PlaybookPanel incident={incident} now={now} send={send} />
      <ForceLadder incident={incident} now={now} />
      <OffersPanel incident={incident} send={send} />
      <UnitsPanel incident={incident} send={send} />
      {open && <CloseoutPanel incident={incident} send={send} />}
      <h3>{t("console.timeline")}</h3>
      <Timeline events={events} limit={200} />
    </section>
  );
}
