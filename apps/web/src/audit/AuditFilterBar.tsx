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
      <TypedFilter
        label={t("audit.incident")}
        value={draft.incident}
        onChange={(v) => set("incident", v)}
        placeholder="2026-0042"
        testId="audit-incident"
      />
      <TypedFilter
        label={t("audit.actor")}
        value={draft.actor}
        onChange={(v) => set("actor", v)}
        testId="audit-actor"
      />
      <TypedFilter
        label={t("audit.from")}
        value={draft.from}
        onChange={(v) => set("from", v)}
        time
        testId="audit-from"
      />
      <TypedFilter
        label={t("audit.to")}
        value={draft.to}
        onChange={(v) => set("to", v)}
        time
        testId="audit-to"
      />
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

/** A filter typed in; a `time` one takes seconds, as the trail shows them. */
function TypedFilter({
  label,
  value,
  onChange,
  time = false,
  placeholder,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  time?: boolean;
  placeholder?: string;
  testId: string;
}) {
  return (
    <label>
      {label}
      <input
        type={time ? "datetime-local" : undefined}
        step={time ? 1 : undefined}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}
