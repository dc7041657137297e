import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { reportLangs } from "@muster/drill";
import { yearIn, type Plan } from "@muster/plan";
import {
  Callsign,
  Command,
  MusterError,
  badRequest,
  type CommandResult,
} from "@muster/protocol";
import { actionOf } from "@muster/auth";
import type { Guard } from "../access/guard.ts";
import { allow, signedIn } from "../access/httpAccess.ts";
import { refuse } from "../refuse.ts";
import { sendReport } from "../reportRoutes.ts";
import type { DrillHost } from "./drillHost.ts";

const Speed = z.union([z.literal("max"), z.number().positive().max(1000)]);
const Start = z.strictObject({
  scenario: z.string().min(1).max(200),
  speed: Speed.default(1),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
});
const SetSpeed = z.strictObject({ speed: Speed });
/** A hand inject: any incident command, without ids (the host adds them). */
const Inject = z.looseObject({ type: z.string() });

/**
 * The hosted drill's API, apart from live work: `/api/drill/*` controls
 * the one drill and reads its state, scoring and reports; tablets read
 * their drill assignment at `/api/drill/units/:callsign` and send their
 * statuses to `/api/drill/commands`. Nothing here touches live incidents.
 */
export function registerDrillRoutes(
  app: FastifyInstance,
  host: DrillHost,
  plan: Plan,
  guard: Guard,
): void {
  const home = { district: plan.homeDistrict };
  // Every read of drills needs the right to see them. The matched route
  // decides, not the raw URL, which may spell the same path otherwise.
  app.addHook("onRequest", (request, _reply, done) => {
    const route = request.routeOptions.url ?? "";
    if (request.method === "POST" || !route.startsWith("/api/drill")) {
      return done();
    }
    try {
      allow(guard, request, "drill.read", home);
      done();
    } catch (err) {
      done(err as Error);
    }
  });
  app.get("/api/drill/scenarios", () => ({
    ok: true,
    scenarios: host.scenarios(),
  }));
  app.get("/api/drill", async () => ({ ok: true, ...(await host.status()) }));

  const Year = z.object({
    year: z.coerce.number().int().min(2000).max(9999).optional(),
  });
  app.get("/api/drill/programme", async (request, reply) => {
    const parsed = Year.safeParse(request.query);
    if (!parsed.success)
      return refuse(reply, badRequest(parsed.error, "query"));
    const year = parsed.data.year ?? yearIn(plan.timezone, Date.now());
    return { ok: true, ...host.programme(year) };
  });

  const control = (path: string, act: (body: unknown) => unknown) =>
    app.post(`/api/drill/${path}`, async (request, reply) => {
      const action = `drill.${path}`;
      try {
        allow(guard, request, "drill.run", home, { auditAs: action });
        const result = await act(request.body ?? {});
        // What was asked (scenario, speed, the inject), for the record.
        const asked = JSON.stringify(request.body ?? {});
        const message = asked === "{}" ? "" : asked.slice(0, 300);
        // An inject the drill's incident could not take is a refusal.
        const answer = (result as { result?: CommandResult } | undefined)
          ?.result;
        if (answer && !answer.ok) {
          guard.refused(
            request.caller,
            action,
            new MusterError(answer.error.code, answer.error.message),
            { detail: message },
          );
        } else {
          guard.accepted(request.caller, action, { message });
        }
        return { ok: true, ...(result as object | undefined) };
      } catch (err) {
        return refuse(reply, err);
      }
    });

  control("start", (body) => {
    const parsed = Start.safeParse(body);
    if (!parsed.success) throw badRequest(parsed.error);
    host.start(parsed.data);
  });
  control("pause", () => host.pause());
  control("resume", () => host.resume());
  control("end", () => host.end());
  control("speed", (body) => {
    const parsed = SetSpeed.safeParse(body);
    if (!parsed.success) throw badRequest(parsed.error);
    host.setSpeed(parsed.data.speed);
  });
  control("inject", async (body) => {
    const parsed = Inject.safeParse(body);
    if (!parsed.success) throw badRequest(parsed.error);
    const result = await host.inject(parsed.data);
    return { result };
  });
  // A tablet or a member of staff acting inside the drill, as they would
  // in earnest; the unit scope keeps a tablet to its own unit.
  app.post("/api/drill/commands", async (request, reply) => {
    try {
      signedIn(guard, request);
      const parsed = Command.safeParse(request.body ?? {});
      if (!parsed.success) throw badRequest(parsed.error);
      const command = parsed.data;
      const target = {
        ...home,
        ...("callsign" in command ? { unit: command.callsign } : {}),
      };
      const identity = allow(guard, request, "drill.command", target, {
        auditAs: `drill ${command.type}`,
      });
      // In a drill each takes the part they have in earnest; the drill
      // coordinator plays every part the scenario leaves to people.
      if (identity.role !== "drillCoordinator") {
        guard.require(request.caller, actionOf(command), target, {
          auditAs: `drill ${command.type}`,
          commandId: command.commandId,
        });
      }
      const result = await host.command(command);
      guard.commandAnswered(
        request.caller,
        command,
        result,
        `drill ${command.type}`,
      );
      return { ok: true, result };
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.get("/api/drill/units/:callsign", async (request, reply) => {
    const parsed = Callsign.safeParse(
      (request.params as { callsign?: unknown }).callsign,
    );
    if (!parsed.success)
      return refuse(reply, badRequest(parsed.error, "callsign"));
    return { ok: true, drill: await host.unitView(parsed.data) };
  });

  const Report = z.object({
    format: z.enum(["json", "html", "csv"]),
    lang: z.enum(reportLangs).default("zh-CN"),
  });
  app.get("/api/drill/report.:format", async (request, reply) => {
    const parsed = Report.safeParse({
      ...(request.params as object),
      ...(request.query as object),
    });
    if (!parsed.success) return refuse(reply, badRequest(parsed.error));
    const report = await host.report();
    if (!report) {
      return refuse(
        reply,
        new MusterError("NOT_FOUND", "no drill has run yet"),
      );
    }
    const { format, lang } = parsed.data;
    return sendReport(reply, report, plan, format, lang);
  });
}
