import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AuditFilters } from "./auditQuery.ts";

const LIMITS = [100, 500, 1000, 5000];

/** The audit trail's filters; applied together, on submit. */
export function AuditFilterBar({
  initial,
  onApply,
}: {
  initial: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };

  return (
    <form
      className="audit-filters"
      data-testid="audit-filters"
      onSubmit={submit}
    >
      <label>
        {t("audit.incident")}
        <input
          value={draft.incident}
          placeholder="2026-0042"
          onChange={(e) => set("incident", e.target.value)}
          data-testid="audit-incident"
        />
      </label>
      <label>
        {t("audit.actor")}
        <input
          value={draft.actor}
          onChange={(e) => set("actor", e.target.value)}
          data-testid="audit-actor"
        />
      </label>
      <label>
        {t("audit.from")}
        <input
          type="datetime-local"
          step={1}
          value={draft.from}
          onChange={(e) => set("from", e.target.value)}
          data-testid="audit-from"
        />
      </label>
      <label>
        {t("audit.to")}
        <input
          type="datetime-local"
          step={1}
          value={draft.to}
          onChange={(e) => set("to", e.target.value)}
          data-testid="audit-to"
        />
      </label>
      <label>
        {t("audit.outcome")}
        <select
          value={draft.outcome}
          onChange={(e) =>
            set("outcome", e.target.value as AuditFilters["outcome"])
          }
          data-testid="audit-outcome"
        >
          <option value="">{t("audit.any")}</option>
          <option value="accepted">{t("audit.accepted")}</option>
          <option value="refused">{t("audit.refused")}</option>
        </select>
      </label>
      <label>
        {t("audit.limit")}
        <select
          value={draft.limit}
          onChange={(e) => set("limit", Number(e.target.value))}
        >
          {LIMITS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" data-testid="audit-apply">
        {t("audit.apply")}
      </button>
    </form>
  );
}
