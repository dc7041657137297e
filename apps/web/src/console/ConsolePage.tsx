import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LatLon } from "@muster/protocol";
import { AppHeader } from "../components/AppHeader.tsx";
import { CommandErrorView } from "../components/CommandErrorView.tsx";
import { ConnectionBanner } from "../components/ConnectionBanner.tsx";
import { ExerciseBanner } from "../components/ExerciseBanner.tsx";
import { ReadOnlyNotice } from "../components/RightsNote.tsx";
import { useSnapshot } from "../lib/client.ts";
import { useNow } from "../lib/useNow.ts";
import { useOpenIncidents } from "../lib/useOpenIncidents.ts";
import { useLiveRights } from "../lib/useRights.ts";
import { useSend } from "../lib/useSend.ts";
import { ConsoleIncidentList } from "./ConsoleIncidentList.tsx";
import { ConsoleMap } from "./ConsoleMap.tsx";
import { IncidentPanel } from "./IncidentPanel.tsx";
import { ReportForm } from "./ReportForm.tsx";

/** The operator's desk: map, new reports, and the selected incident. */
export function ConsolePage() {
  const { t } = useTranslation();
  const snapshot = useSnapshot();
  const now = useNow();
  const { send, error, clearError } = useSend();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [picked, setPicked] = useState<LatLon | null>(null);
  const reports = useLiveRights().may("incident.report");

  const { incidents, dispatches } = useOpenIncidents(snapshot.incidents);
  // Until the operator picks one, the gravest open incident is shown.
  const selected =
    incidents.find((i) => i.incidentId === selectedId) ?? incidents[0];
  const onSelect = useCallback((id: string) => setSelectedId(id), []);
  const pending = [...snapshot.commands.values()].filter(
    (c) => c.state === "pending",
  ).length;

  return (
    <div className="console" data-testid="console">
      <AppHeader title={t("console.title")} clock={now}>
        {pending > 0 && (
          <span className="pending-count" data-testid="pending-commands">
            {t("console.pending", { n: pending })}
          </span>
        )}
      </AppHeader>
      <ExerciseBanner incidents={incidents} />
      <ConnectionBanner
        connection={snapshot.connection}
        lastEventAt={snapshot.lastEventAt}
      />
      <ReadOnlyNotice />
      <CommandErrorView error={error} onDismiss={clearError} />
      <main className="console-body">
        <ConsoleMap
          incidents={incidents}
          dispatches={dispatches}
          selectedId={selected?.incidentId ?? null}
          picked={picked}
          now={now}
          onSelect={onSelect}
          onPick={reports ? setPicked : undefined}
        />
        <div className="console-side">
          <ReportForm
            picked={picked}
            send={send}
            onReported={(id) => {
              setPicked(null);
              setSelectedId(id);
            }}
          />
          <ConsoleIncidentList
            incidents={incidents}
            selectedId={selected?.incidentId ?? null}
            onSelect={onSelect}
          />
        </div>
        <div className="console-detail">
          {selected ? (
            <IncidentPanel
              incident={selected}
              events={snapshot.timelines.get(selected.incidentId) ?? []}
              now={now}
              send={send}
            />
          ) : (
            <p className="muted panel">{t("console.selectHint")}</p>
          )}
        </div>
      </main>
    </div>
  );
}
