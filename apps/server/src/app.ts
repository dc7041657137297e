import { existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyHttpOptions,
  type FastifyInstance,
  type RawServerDefault,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import { Server } from "socket.io";
import type { Logger as PinoLogger } from "pino";
import { z } from "zod";
import { MusterError, badRequest, errorCatalogue } from "@muster/protocol";
import type { AccessDirectory, AuditTrail } from "@muster/auth";
import type { IncidentService } from "@muster/engine";
import type { Plan } from "@muster/plan";
import type { EventStore } from "@muster/store";
import { registerAccessRoutes } from "./access/accessRoutes.ts";
import { Guard } from "./access/guard.ts";
import { allow, registerHttpIdentity, signedIn } from "./access/httpAccess.ts";
import { guardSockets, registerHttpDefences } from "./defences.ts";
import { attachGateway, runCommand } from "./gateway.ts";
import { refuse } from "./refuse.ts";
import { registerReportRoutes } from "./reportRoutes.ts";
import type { DrillHost } from "./drills/drillHost.ts";
import { registerDrillRoutes } from "./drills/drillRoutes.ts";

export interface AppOptions {
  /** Hosted drills, kept apart from live work; none: no /api/drill. */
  drills?: DrillHost;
  plan: Plan;
  store: EventStore;
  /** Accounts, sessions, devices and the audit trail. */
  access: { directory: AccessDirectory; audit: AuditTrail };
  service: IncidentService;
  logger: PinoLogger;
  /** The built web app; pages answer 503 with a hint when it is missing. */
  webDir: string;
  tileUrl: string | null;
  demo: boolean;
  /** Origins besides the server's own that browsers may connect from. */
  allowedOrigins?: string[];
  /** Messages a second one socket may send. */
  socketRate?: number;
  /** Sign-in and enrolment attempts a minute per address; 30 and 20 by default. */
  signInRate?: number;
  enrolRate?: number;
  /** PEM certificate and key: serve HTTPS instead of HTTP. */
  https?: { cert: Buffer; key: Buffer } | null;
}

/** Largest command or body accepted, in bytes. */
const MAX_MESSAGE_BYTES = 64 * 1024;

const pages = [
  "/console",
  "/wall",
  "/drill",
  "/unit",
  "/login",
  "/enrol",
  "/audit",
  "/admin",
];

/**
 * Builds the Fastify app with Socket.IO on the same HTTP server: the API,
 * the live gateway and the web app's pages.
 */
export async function buildApp(options: AppOptions): Promise<{
  app: FastifyInstance;
  io: Server;
}> {
  const { plan, store, service, logger } = options;
  // Typed as the base logger so routes and plugins see the usual instance.
  const app = Fastify<
    RawServerDefault,
    IncomingMessage,
    ServerResponse,
    FastifyBaseLogger
  >({
    loggerInstance: logger,
    bodyLimit: MAX_MESSAGE_BYTES,
    // One line per request would drown the events that matter.
    logController: new LogController({ disableRequestLogging: true }),
    // Typed as HTTP: an https.Server serves the same API to Fastify and
    // Socket.IO, and one type keeps every route and test the same.
    ...(options.https ? { https: options.https } : {}),
  } as FastifyHttpOptions<RawServerDefault, FastifyBaseLogger>);
  const io = new Server(app.server, {
    // Socket.IO can only hang up on a frame over its buffer; frames up to
    // 1 MiB are read so that one over the message limit gets an answer.
    maxHttpBufferSize: 1024 * 1024,
    serveClient: false,
  });
  const defences = {
    allowedOrigins: options.allowedOrigins ?? [],
    ...(options.socketRate ? { socketRate: options.socketRate } : {}),
    tileUrl: options.tileUrl ?? plan.map?.tileUrl ?? null,
  };
  await registerHttpDefences(app, defences);
  void app.register(fastifyCookie);
  const { directory, audit } = options.access;
  const guard = new Guard(plan, service, audit);
  registerHttpIdentity(app, directory);
  // No answer leaves before the audit lines of what it answers are on
  // disk: a crash right after cannot lose a line of an answered action.
  app.addHook("onSend", async (request, _reply, payload) => {
    if (request.url.startsWith("/api/")) await audit.durable();
    return payload;
  });
  const admit = guardSockets(io, defences, logger);
  attachGateway(io, service, store, logger, { directory, guard }, admit);

  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      ok: false,
      error: {
        code: "NOT_FOUND",
        path: "",
        message: `no route ${request.method} ${request.url.split("?")[0]}`,
      },
    });
  });

  app.setErrorHandler((err, request, reply) => {
    // A coded refusal (not signed in, not allowed, too many) is an answer.
    if (err instanceof MusterError && err.code !== "INTERNAL") {
      void refuse(reply, err);
      return;
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    const message = err instanceof Error ? err.message : String(err);
    if (status < 500) {
      const code = status === 404 ? "NOT_FOUND" : "BAD_REQUEST";
      void reply.status(status).send({
        ok: false,
        error: { code, path: "", message },
      });
      return;
    }
    request.log.error({ err }, "request failed");
    void refuse(reply, err);
  });

  app.get("/healthz", () => ({ ok: true }));
  app.get("/api/plan", (request) => {
    signedIn(guard, request);
    return plan;
  });
  // Public: the sign-in and enrolment pages need the plan's name and
  // languages and whether this is a demo before anyone signs in.
  app.get("/api/config", () => ({
    tileUrl: options.tileUrl ?? plan.map?.tileUrl ?? null,
    tileDatum: plan.map?.tileDatum ?? "wgs84",
    demo: options.demo,
    name: plan.name,
  }));
  app.get("/api/incidents", (request) => {
    const identity = allow(guard, request, "live.read");
    const all = guard.seesAll(identity);
    return {
      ok: true,
      incidents: service
        .incidents()
        .filter((i) => all || guard.sees(identity, i.incidentId)),
    };
  });

  const EventsQuery = z.object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(1000),
  });
  app.get("/api/events", async (request, reply) => {
    const parsed = EventsQuery.safeParse(request.query);
    if (!parsed.success) {
      return refuse(reply, badRequest(parsed.error, "query"));
    }
    const { after, limit } = parsed.data;
    const identity = allow(guard, request, "live.read");
    const events = await store.readAfter(after, limit);
    if (guard.seesAll(identity)) return { ok: true, events };
    // Only whole incidents it may see; no placeholders over plain HTTP.
    return {
      ok: true,
      events: events.filter((e) => guard.sees(identity, e.incidentId)),
    };
  });

  app.post("/api/commands", async (request, reply) => {
    signedIn(guard, request);
    const result = await runCommand(
      service,
      guard,
      request.caller,
      request.body,
      logger,
    );
    const status = result.ok ? 200 : errorCatalogue[result.error.code].status;
    return reply.status(status).send(result);
  });

  registerAccessRoutes(app, {
    directory,
    guard,
    plan,
    demo: options.demo,
    secure: Boolean(options.https),
    signInRate: options.signInRate ?? 30,
    enrolRate: options.enrolRate ?? 20,
  });
  registerReportRoutes(app, { plan, store, guard });
  if (options.drills) registerDrillRoutes(app, options.drills, plan, guard);
  serveWeb(app, options.webDir);
  return { app, io };
}

function serveWeb(app: FastifyInstance, webDir: string): void {
  const routes = ["/", ...pages, "/unit/:callsign"];
  if (!existsSync(join(webDir, "index.html"))) {
    const hint =
      "The web app is not built. Run `pnpm build`, then restart the server.";
    const missing = (_req: FastifyRequest, reply: FastifyReply) =>
      reply.code(503).type("text/plain; charset=utf-8").send(hint);
    for (const route of routes) app.get(route, missing);
    return;
  }
  void app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
  });
  const sendIndex = (_req: FastifyRequest, reply: FastifyReply) =>
    reply.sendFile("index.html");
  for (const route of routes) app.get(route, sendIndex);
}
