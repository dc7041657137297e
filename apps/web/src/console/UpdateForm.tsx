import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import type { Conduct } from "@muster/protocol";
import { ConductSelect, HeadcountInput } from "./FigureFields.tsx";
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

  return (
    <form
      className="update-form"
      data-testid="update-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send({
          type: "incident.update",
          incidentId: incident.incidentId,
          headcount,
          conduct,
        });
      }}
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
      <button type="submit" data-testid="update-submit">
        {t("console.update")}
      </button>
    </form>
  );
}
