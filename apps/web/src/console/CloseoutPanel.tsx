import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { RightsNote } from "../components/RightsNote.tsx";
import { useLiveRights, type Control } from "../lib/useRights.ts";
import type { Send } from "./types.ts";

/**
 * The end of an incident: resolved on the scene, or handed to follow-up
 * under "three fixed" (lead unit, responsible person, measures) when the
 * dispute is not settled there (domain brief §6); then closed.
 */
export function CloseoutPanel({
  incident,
  send,
}: {
  incident: IncidentState;
  send: Send;
}) {
  const { t } = useTranslation();
  const { phase, incidentId } = incident;
  const [note, setNote] = useState("");
  const allowed = useLiveRights().control("incident.closeout");

  return (
    <section className="subpanel closeout">
      <h3>{t("console.closeout")}</h3>
      <RightsNote action="incident.closeout" />
      {(phase === "watch" || phase === "responding") && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (allowed.disabled) return;
            const trimmed = note.trim();
            void send({
              type: "incident.resolve",
              incidentId,
              ...(trimmed ? { note: trimmed } : {}),
            });
          }}
        >
          <input
            data-testid="resolve-note"
            {...allowed}
            placeholder={t("console.resolveNote")}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" data-testid="btn-resolve" {...allowed}>
            {t("console.resolve")}
          </button>
        </form>
      )}
      {(phase === "watch" || phase === "responding") && (
        <FollowUpForm incident={incident} send={send} allowed={allowed} />
      )}
      {(phase === "resolved" || phase === "followUp") && (
        <button
          type="button"
          data-testid="btn-close"
          {...allowed}
          onClick={() => void send({ type: "incident.close", incidentId })}
        >
          {t("console.close")}
        </button>
      )}
      {incident.followUp && (
        <p className="follow-up" data-testid="follow-up">
          {t("console.followUpSummary", incident.followUp)}
        </p>
      )}
    </section>
  );
}

function FollowUpForm({
  incident,
  send,
  allowed,
}: {
  incident: IncidentState;
  send: Send;
  allowed: Control;
}) {
  const { t } = useTranslation();
  const [leadUnit, setLeadUnit] = useState("");
  const [person, setPerson] = useState("");
  const [measures, setMeasures] = useState("");
  const ready = [leadUnit, person, measures].every((v) => v.trim() !== "");

  return (
    <form
      className="follow-up-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready || allowed.disabled) return;
        void send({
          type: "incident.handToFollowUp",
          incidentId: incident.incidentId,
          leadUnit: leadUnit.trim(),
          responsiblePerson: person.trim(),
          measures: measures.trim(),
        });
      }}
    >
      <fieldset
        className="plain-fieldset"
        disabled={allowed.disabled}
        title={allowed.title}
      >
        <TextField
          label={t("console.leadUnit")}
          testId="followup-lead"
          value={leadUnit}
          onChange={setLeadUnit}
        />
        <TextField
          label={t("console.responsiblePerson")}
          testId="followup-person"
          value={person}
          onChange={setPerson}
        />
        <TextField
          label={t("console.measures")}
          testId="followup-measures"
          value={measures}
          onChange={setMeasures}
          long
        />
        <button
          type="submit"
          data-testid="btn-followup"
          disabled={!ready || allowed.disabled}
          title={allowed.title}
        >
          {t("console.handToFollowUp")}
        </button>
      </fieldset>
    </form>
  );
}

/** One labelled line of text, or a box of it when `long`. */
function TextField({
  label,
  testId,
  value,
  onChange,
  long = false,
}: {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  long?: boolean;
}) {
  const Field = long ? "textarea" : "input";
  return (
    <label>
      {label}
      <Field
        data-testid={testId}
        maxLength={long ? 500 : 120}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
