import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import {
  incidentReport,
  reportCsv,
  reportHtml,
  reportJson,
  reportLangs,
  type ReportLang,
} from "@muster/drill";
import type { Plan } from "@muster/plan";
import { IncidentId, MusterError, badRequest } from "@muster/protocol";
import type { EventStore } from "@muster/store";
import type { Guard } from "./access/guard.ts";
import { allow } from "./access/httpAccess.ts";
import { refuse } from "./refuse.ts";

const Params = z.strictObject({
  id: IncidentId,
  format: z.enum(["json", "html", "csv"]),
});
const Query = z.object({ lang: z.enum(reportLangs).default("zh-CN") });

/**
 * `GET /api/incidents/:id/report.json|html|csv`: the after-action report
 * of a closed incident, built from its events in the store, the same as
 * a drill's. `?lang=en` for the HTML; zh-CN by default.
 */
export function registerReportRoutes(
  app: FastifyInstance,
  options: { plan: Plan; store: EventStore; guard: Guard },
): void {
  app.get("/api/incidents/:id/report.:format", async (request, reply) => {
    const params = Params.safeParse(request.params);
    const query = Query.safeParse(request.query);
    if (!params.success) return refuse(reply, badRequest(params.error));
    if (!query.success) return refuse(reply, badRequest(query.error, "query"));
    const { id, format } = params.data;

    allow(options.guard, request, "report.read", {}, { incidentId: id });
    const events = await options.store.readIncident(id);
    allow(
      options.guard,
      request,
      "report.read",
      options.guard.historyTarget(events),
      {
        incidentId: id,
      },
    );
    if (events.length === 0) {
      return refuse(
        reply,
        new MusterError("NOT_FOUND", `no incident ${id}`, { path: "id" }),
      );
    }
    if (events.at(-1)?.type !== "incident.closed") {
      // The report judges a finished response; an open one is still moving.
      return refuse(
        reply,
        new MusterError(
          "COMMAND_REJECTED",
          `incident ${id} is not closed yet; its report comes at closing`,
          { path: "id" },
        ),
      );
    }
    const report = incidentReport({ plan: options.plan, events });
    const name = `${id}-report.${format}`;
    void reply.header("content-disposition", `inline; filename="${name}"`);
    return sendReport(reply, report, options.plan, format, query.data.lang);
  });
}

/** A report (an incident's or a drill's) in the format asked for. */
export function sendReport(
  reply: FastifyReply,
  report: Parameters<typeof reportJson>[0],
  plan: Plan,
  format: "json" | "html" | "csv",
  lang: ReportLang,
): FastifyReply {
  if (format === "json") {
    return reply
      .type("application/json; charset=utf-8")
      .send(reportJson(report));
  }
  if (format === "csv") {
    return reply.type("text/csv; charset=utf-8").send(reportCsv(report));
  }
  return reply
    .type("text/html; charset=utf-8")
    .send(reportHtml(report, plan, { lang }));
}
