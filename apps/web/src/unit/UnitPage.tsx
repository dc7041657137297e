import { useMemo } from "react";
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
import { DeclineForm } from "./DeclineForm.tsx";
import { DeliveryState } from "./DeliveryState.tsx";
import { DispatchCard } from "./DispatchCard.tsx";
import { StandingBy } from "./StandingBy.tsx";
import { StatusButtons, type StatusStep } from "./StatusButtons.tsx";
import { dispatchCommands, shownProgress } from "./unitProgress.ts";

/** The tablet of one unit: its current dispatch and its status buttons. */
export function UnitPage({ callsign }: { callsign: string }) {
  const { t } = useTranslation();
  const { plan } = usePlan();
  const format = useFormat();
  const snapshot = useSnapshot();
  const now = useNow();
  const { send, error, clearError } = useSend();

  const unit = plan.units.find((u) => u.callsign === callsign);
  const dispatch = useMemo(
    () => currentDispatches(snapshot.incidents).get(callsign),
    [snapshot.incidents, callsign],
  );
  const commands = dispatch
    ? dispatchCommands(
        snapshot.commands,
        dispatch.incident.incidentId,
        dispatch.assignment,
        snapshot.clockOffsetMs ?? 0,
      )
    : [];
  const progress = dispatch
    ? shownProgress(dispatch.assignment, commands)
    : null;

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
      />
      {dispatch ? (
        <main className="unit-body">
          <DispatchCard dispatch={dispatch} unit={unit} now={now} />
          <StatusButtons progress={progress} onStep={(s) => step(s)} />
          <DeclineForm
            disabled={progress === null || progress > 1}
            onDecline={(reason) => step("unit.decline", reason)}
          />
          <DeliveryState
            last={commands.at(-1)}
            connection={snapshot.connection}
          />
          <CommandErrorView error={error} onDismiss={clearError} />
        </main>
      ) : (
        <StandingBy />
      )}
    </div>
  );
}
