import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import type { Conduct } from "@muster/protocol";
import { ConductSelect, HeadcountInput } from "./FigureFields.tsx";
import { RightsNote } from "../components/RightsNote.tsx";
import { useLiveRights } from "../lib/useRights.ts";
import type { Send } from "./types.ts";

/**
 * A new headcount and conduct for the incident; the server re-grades.
 * The parent keys it by the incident's figures, so a new report resets it.
 */
export function UpdateForm({
  incident,
  send,
}: {
  incident: IncidentState;
  send: Send;
}) {
  const { t } = useTranslation();
  const [headcount, setHeadcount] = useState(incident.headcount);
  const [conduct, setConduct] = useState<Conduct>(incident.conduct);
  const allowed = useLiveRights().control("incident.update");

  return (
    <form
      className="update-form"
      data-testid="update-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (allowed.disabled) return;
        void send({
          type: "incident.update",
          incidentId: incident.incidentId,
          headcount,
          conduct,
        });
      }}
    >
      <fieldset
        className="plain-fieldset"
        disabled={allowed.disabled}
        title={allowed.title}
      >
        <HeadcountInput
          value={headcount}
          onChange={setHeadcount}
          testId="update-headcount"
        />
        <ConductSelect
          value={conduct}
          onChange={setConduct}
          testId="update-conduct"
        />
        <button type="submit" data-testid="update-submit" title={allowed.title}>
          {t("console.update")}
        </button>
      </fieldset>
      <RightsNote action="incident.update" />
    </form>
  );
}
