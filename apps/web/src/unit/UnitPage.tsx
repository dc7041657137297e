import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { AppHeader } from "../components/AppHeader.tsx";
import { CommandErrorView } from "../components/CommandErrorView.tsx";
import { ConnectionBanner } from "../components/ConnectionBanner.tsx";
import { ExerciseBanner } from "../components/ExerciseBanner.tsx";
import { useSnapshot } from "../lib/client.ts";
import { useFormat } from "../lib/format.ts";
import { currentDispatches } from "../lib/incidents.ts";
import { usePlan } from "../lib/PlanContext.tsx";
import { useNow } from "../lib/useNow.ts";
import { useSend } from "../lib/useSend.ts";
import { DrillDispatch } from "../drill/DrillDispatch.tsx";
import { useAlarm, useOnDuty } from "./alarm.ts";
import { AssemblyMap } from "./AssemblyMap.tsx";
import { DeclineForm } from "./DeclineForm.tsx";
import { DeliveryState } from "./DeliveryState.tsx";
import { DispatchAlert } from "./DispatchAlert.tsx";
import { DispatchCard } from "./DispatchCard.tsx";
import { OnDutyBar } from "./OnDutyBar.tsx";
import { PositionToggle } from "./PositionToggle.tsx";
import { StandingBy } from "./StandingBy.tsx";
import { StatusButtons, type StatusStep } from "./StatusButtons.tsx";
import { registerTabletWorker } from "./tabletWorker.ts";
import { rememberUnit } from "./UnitChooser.tsx";
import {
  dispatchCommands,
  lastRelease,
  shownProgress,
} from "./unitProgress.ts";
import { usePositionReports } from "./usePositionReports.ts";
import { useWakeLock } from "./useWakeLock.ts";

/** The tablet of one unit: its current dispatch and its status buttons. */
export function UnitPage({ callsign }: { callsign: string }) {
  const { t } = useTranslation();
  const { plan } = usePlan();
  const format = useFormat();
  const snapshot = useSnapshot();
  const now = useNow();
  const { send, error, clearError } = useSend();
  const { audio, goOnDuty } = useOnDuty();

  const unit = plan.units.find((u) => u.callsign === callsign);
  const dispatch = useMemo(
    () => currentDispatches(snapshot.incidents).get(callsign),
    [snapshot.incidents, callsign],
  );
  const released = useMemo(
    () => (dispatch ? null : lastRelease(snapshot.incidents, callsign)),
    [dispatch, snapshot.incidents, callsign],
  );
  const commands = dispatch
    ? dispatchCommands(
        snapshot.commands,
        dispatch.incident.incidentId,
        dispatch.assignment,
        snapshot.clockOffsetMs ?? 0,
      )
    : [];
  const presses = commands.filter(
    (c) => c.command.type !== "unit.reportPosition",
  );
  const progress = dispatch
    ? shownProgress(dispatch.assignment, commands)
    : null;
  // Taps kept on the device from an earlier opening, shown even before
  // the dispatch they belong to is back from the command post.
  const unsent = dispatch
    ? []
    : [...snapshot.commands.values()].filter(
        (c) =>
          c.state === "pending" &&
          c.command.type !== "unit.reportPosition" &&
          "callsign" in c.command &&
          c.command.callsign === callsign,
      );
  const declining = presses.some(
    (c) => c.command.type === "unit.decline" && c.state !== "failed",
  );
  // Until acknowledged or declined, the dispatch takes the whole screen.
  const alerting = dispatch !== undefined && progress === 0 && !declining;

  const reports = usePositionReports(
    dispatch && progress === 2
      ? { incidentId: dispatch.incident.incidentId, callsign }
      : null,
  );
  useAlarm(alerting, audio);
  // On duty the screen stays on, so that a dispatch is seen at once:
  // there is no push service to wake a sleeping tablet.
  useWakeLock(audio !== null || dispatch !== undefined);
  useEffect(() => {
    registerTabletWorker();
  }, []);
  useEffect(() => {
    if (unit) rememberUnit(unit.callsign);
  }, [unit]);

  if (!unit) {
    return (
      <div className="unit-page" data-testid="unit-unknown">
        <AppHeader title={callsign} />
        <p className="standing-by-title">{t("unit.unknown", { callsign })}</p>
      </div>
    );
  }

  const step = (type: StatusStep | "unit.decline", reason?: string) => {
    if (!dispatch) return;
    const base = {
      incidentId: dispatch.incident.incidentId,
      callsign,
      // The tap's own time: the server counts it when this device's clock
      // is known to be close enough (domain brief §3).
      deviceAt: new Date().toISOString(),
      // Measured at connection; without it the arrival time counts.
      ...(snapshot.clockOffsetMs === null
        ? {}
        : { clockOffsetMs: snapshot.clockOffsetMs }),
    };
    void send(
      type === "unit.decline"
        ? { type, ...base, reason: reason ?? "" }
        : { type, ...base },
    );
  };

  const from = reports.last ?? dispatch?.assignment.position ?? unit.home;
  const tier = dispatch?.incident.tiers.find(
    (x) => x.tier === dispatch.assignment.tier,
  );
  const point = tier?.assemblyPoint ?? dispatch?.incident.place.position;
  const card = dispatch && (
    <DispatchCard dispatch={dispatch} unit={unit} from={from} now={now} />
  );
  const map = point && <AssemblyMap from={from} to={point} />;
  const decline = (
    <DeclineForm
      disabled={progress === null || progress > 1}
      onDecline={(reason) => step("unit.decline", reason)}
    />
  );

  return (
    <div className="unit-page" data-testid="unit-page" data-callsign={callsign}>
      <AppHeader
        title={`${callsign} · ${format.name(unit.name)}`}
        clock={now}
      />
      <ExerciseBanner incidents={dispatch ? [dispatch.incident] : []} />
      <ConnectionBanner
        connection={snapshot.connection}
        lastEventAt={snapshot.lastEventAt}
        restored={snapshot.restored}
      />
      <OnDutyBar onDuty={audio !== null} onGoOnDuty={goOnDuty} />
      {alerting ? (
        <DispatchAlert>
          <div className="unit-columns">
            <div className="unit-column">
              {card}
              {map}
            </div>
            <div className="unit-column">
              <button
                type="button"
                className="big-button alert-acknowledge"
                data-testid="btn-acknowledge"
                onClick={() => step("unit.acknowledge")}
              >
                {t("unit.acknowledge")}
              </button>
              {decline}
            </div>
          </div>
        </DispatchAlert>
      ) : dispatch ? (
        <main className="unit-body unit-columns">
          <div className="unit-column">
            {card}
            {map}
          </div>
          <div className="unit-column">
            <StatusButtons progress={progress} onStep={(s) => step(s)} />
            {progress === 2 && <PositionToggle reports={reports} />}
            {decline}
            <DeliveryState presses={presses} connection={snapshot.connection} />
            <CommandErrorView error={error} onDismiss={clearError} />
          </div>
        </main>
      ) : (
        <>
          <StandingBy
            released={released}
            // A copy kept on the device cannot say there is no dispatch.
            inTouch={
              snapshot.connection.kind === "live" ||
              (snapshot.position > 0 && !snapshot.restored)
            }
          />
          <DeliveryState presses={unsent} connection={snapshot.connection} />
        </>
      )}
      <DrillDispatch callsign={callsign} />
    </div>
  );
}
