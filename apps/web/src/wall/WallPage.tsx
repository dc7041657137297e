import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppHeader } from "../components/AppHeader.tsx";
import { ConnectionBanner } from "../components/ConnectionBanner.tsx";
import { ExerciseBanner } from "../components/ExerciseBanner.tsx";
import { Timeline } from "../components/Timeline.tsx";
import { useSnapshot } from "../lib/client.ts";
import {
  byGravity,
  currentDispatches,
  openIncidents,
} from "../lib/incidents.ts";
import { useNow } from "../lib/useNow.ts";
import { CommandPostPanel } from "./CommandPostPanel.tsx";
import { ForceLadder } from "./ForceLadder.tsx";
import { IncidentHeading } from "./IncidentHeading.tsx";
import { IncidentList } from "./IncidentList.tsx";
import { WallMap } from "./WallMap.tsx";

/**
 * The big screen: read-only, never scrolls. `?incident=<id>` pins the
 * incident shown in detail; otherwise the gravest one is.
 */
export function WallPage() {
  const { t } = useTranslation();
  const snapshot = useSnapshot();
  const now = useNow();
  const [picked, setPicked] = useState(() =>
    new URLSearchParams(window.location.search).get("incident"),
  );

  const incidents = useMemo(
    () => openIncidents(snapshot.incidents).sort(byGravity),
    [snapshot.incidents],
  );
  const dispatches = useMemo(
    () => currentDispatches(snapshot.incidents),
    [snapshot.incidents],
  );
  const selected =
    incidents.find((i) => i.incidentId === picked) ?? incidents[0] ?? null;
  const onSelect = useCallback((id: string) => setPicked(id), []);

  return (
    <div className="wall" data-testid="wall">
      <AppHeader title={t("wall.title")} clock={now} />
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
          onSelect={onSelect}
        />
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
              <Timeline
                events={snapshot.timelines.get(selected.incidentId) ?? []}
                limit={12}
              />
            </div>
          )}
        </aside>
      </main>
    </div>
  );
}
