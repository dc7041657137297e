import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppHeader } from "../components/AppHeader.tsx";
import { ConnectionBanner } from "../components/ConnectionBanner.tsx";
import { ExerciseBanner } from "../components/ExerciseBanner.tsx";
import { PlaybookSummary } from "../components/PlaybookSummary.tsx";
import { Timeline } from "../components/Timeline.tsx";
import { wallTimelineLines } from "../lib/client.ts";
import { useNow } from "../lib/useNow.ts";
import { useOpenIncidents } from "../lib/useOpenIncidents.ts";
import { CommandPostPanel } from "./CommandPostPanel.tsx";
import { ForceLadder } from "./ForceLadder.tsx";
import { IncidentHeading } from "./IncidentHeading.tsx";
import { IncidentList } from "./IncidentList.tsx";
import { openAlerts } from "./openAlerts.ts";
import { PinToggle, usePinned } from "./PinToggle.tsx";
import { MuteToggle, SoundGate, useMuted } from "./SoundControls.tsx";
import { UnitLegend } from "./UnitLegend.tsx";
import { useFocus } from "./useFocus.ts";
import { useWallScale } from "./useWallScale.ts";
import { useWallSnapshot } from "./useWallSnapshot.ts";
import { WallAlerts } from "./WallAlerts.tsx";
import { WallMap } from "./WallMap.tsx";

/**
 * The big screen: read-only, never scrolls. `?incident=<id>` picks the
 * incident shown in detail; otherwise the gravest one is, until a new or
 * escalated incident turns the wall to itself (unless pinned).
 */
export function WallPage() {
  const { t } = useTranslation();
  const snapshot = useWallSnapshot();
  const now = useNow();
  const scale = useWallScale();
  const [pinned, togglePinned] = usePinned();
  const [muted, toggleMuted] = useMuted();
  const [picked, setPicked] = useState(() =>
    new URLSearchParams(window.location.search).get("incident"),
  );

  const { incidents, dispatches } = useOpenIncidents(snapshot.incidents);
  const alerts = useMemo(() => openAlerts(incidents), [incidents]);
  const focus = useFocus(incidents, snapshot.connection.kind === "live");
  useEffect(() => {
    if (focus && !pinned) setPicked(focus.incidentId);
    // A pinned wall keeps its selection; only a new focus moves it.
  }, [focus]);

  const selected =
    incidents.find((i) => i.incidentId === picked) ?? incidents[0] ?? null;
  const onSelect = useCallback((id: string) => setPicked(id), []);

  return (
    <div className="wall" data-testid="wall">
      <AppHeader title={t("wall.title")} clock={now}>
        <PinToggle pinned={pinned} onToggle={togglePinned} />
        <MuteToggle muted={muted} onToggle={toggleMuted} />
      </AppHeader>
      <ExerciseBanner incidents={incidents} />
      <ConnectionBanner
        connection={snapshot.connection}
        lastEventAt={snapshot.lastEventAt}
      />
      <main className="wall-body">
        <WallMap
          incidents={incidents}
          dispatches={dispatches}
          selectedId={selected?.incidentId ?? null}
          now={now}
          scale={scale}
          focus={focus}
          pinned={pinned}
          onSelect={onSelect}
        >
          <WallAlerts alerts={alerts} muted={muted} />
          <UnitLegend />
          <SoundGate />
        </WallMap>
        <aside className="wall-side">
          <IncidentList
            incidents={incidents}
            selectedId={selected?.incidentId ?? null}
            now={now}
            onSelect={onSelect}
          />
          {selected && (
            <div className="wall-detail">
              <IncidentHeading incident={selected} />
              <CommandPostPanel incident={selected} />
              <ForceLadder incident={selected} now={now} />
              <PlaybookSummary incident={selected} now={now} />
              <Timeline
                // The wall's client keeps only these lines, without
                // position reports (lib/client.ts).
                events={snapshot.timelines.get(selected.incidentId) ?? []}
                limit={wallTimelineLines}
              />
            </div>
          )}
        </aside>
      </main>
    </div>
  );
}
