import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "@muster/protocol";
import { AdminTable } from "../admin/AdminTable.tsx";
import { AppHeader } from "../components/AppHeader.tsx";
import { CommandErrorView } from "../components/CommandErrorView.tsx";
import { authApi } from "../lib/authApi.ts";
import { useFormat } from "../lib/format.ts";
import { usePlan } from "../lib/PlanContext.tsx";
import { useAnswer } from "../lib/useAnswer.ts";
import "../styles/admin.css";
import { AuditFilterBar } from "./AuditFilterBar.tsx";
import { auditQuery, noFilters, type AuditFilters } from "./auditQuery.ts";

/**
 * Who did what, when, from where, and whether the server let them: the
 * audit trail with its filters, and the same rows as CSV.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const { plan } = usePlan();
  const [filters, setFilters] = useState<AuditFilters>(() => ({
    ...noFilters,
    // A link from an incident can open its trail.
    incident: new URLSearchParams(window.location.search).get("incident") ?? "",
  }));
  const query = useMemo(
    () => auditQuery(filters, plan.timezone),
    [filters, plan.timezone],
  );
  const load = useCallback(() => authApi.audit(query), [query]);
  const { answer, error, loading } = useAnswer(load);
  const entries = answer?.entries ?? [];

  return (
    <div className="admin-page" data-testid="audit-page">
      <AppHeader title={t("audit.title")} />
      <main className="admin-body">
        <AuditFilterBar initial={filters} onApply={setFilters} />
        <CommandErrorView error={error} context="audit" />
        <p className="audit-summary">
          <span data-testid="audit-count">
            {loading
              ? t("audit.loading")
              : t("audit.count", { n: entries.length })}
          </span>
          {!loading && entries.length >= filters.limit && (
            <span className="muted"> {t("audit.limited")}</span>
          )}
          <a
            className="audit-export"
            href={`/api/audit.csv?${query.toString()}`}
            download
            data-testid="audit-export"
          >
            {t("audit.export")}
          </a>
        </p>
        <AuditTable entries={entries} />
      </main>
    </div>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();

  return (
    <AdminTable
      className="audit-table"
      testId="audit-table"
      headings={[
        t("audit.time"),
        t("audit.actor"),
        t("audit.role"),
        t("audit.address"),
        t("audit.action"),
        t("audit.incident"),
        t("audit.outcome"),
        t("audit.code"),
        t("audit.message"),
      ]}
    >
      {entries.map((e) => (
        <tr key={e.id} data-outcome={e.outcome}>
          <td className="nowrap">{format.stamp(e.at)}</td>
          <td>
            {e.actorName ?? t("audit.anonymous")}
            {e.actorKind === "device" && (
              <span className="muted"> · {t("audit.device")}</span>
            )}
          </td>
          <td>{e.role ? t(`role.${e.role}`) : ""}</td>
          <td className="nowrap">{e.from}</td>
          <td>
            <code>{e.action}</code>
          </td>
          <td className="nowrap">{e.incidentId ?? ""}</td>
          <td className={`audit-${e.outcome}`}>{t(`audit.${e.outcome}`)}</td>
          <td>{e.code ?? ""}</td>
          <td>{e.message ?? ""}</td>
        </tr>
      ))}
    </AdminTable>
  );
}
