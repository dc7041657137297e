import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  AccountName,
  AuditExportQuery,
  AuditQuery,
  ChangePassword,
  CreateAccount,
  CreateEnrolmentCode,
  Enrol,
  MusterError,
  SignIn,
  badRequest,
  cookieName,
  type SpeakAs,
} from "@muster/protocol";
import {
  auditCsv,
  viewOf,
  type AccessDirectory,
  type Identity,
} from "@muster/auth";
import type { Plan } from "@muster/plan";
import type { z } from "zod";
import type { Guard } from "./guard.ts";
import { allow, signedIn } from "./httpAccess.ts";

export interface AccessRouteOptions {
  directory: AccessDirectory;
  guard: Guard;
  plan: Plan;
  demo: boolean;
  /** Cookies carry `Secure` when the server speaks HTTPS. */
  secure: boolean;
  /** Sign-in tries a minute per address and name; enrolments per address. */
  signInRate: number;
  enrolRate: number;
}

/** A browser keeps a device's cookie this long: its maximum, 400 days. */
const DEVICE_COOKIE_SECONDS = 400 * 24 * 3600;

/**
 * Sign-in and sign-out, password changes, accounts (administrator),
 * enrolment codes and devices (commander), and the audit trail.
 */
export function registerAccessRoutes(
  app: FastifyInstance,
  options: AccessRouteOptions,
): void {
  const { directory, guard, plan } = options;
  const setCookie = (
    reply: FastifyReply,
    as: SpeakAs,
    token: string,
    maxAgeSeconds: number,
  ) =>
    reply.setCookie(cookieName(as), token, {
      httpOnly: true,
      sameSite: "strict",
      secure: options.secure,
      path: "/",
      maxAge: maxAgeSeconds,
    });

  app.get("/api/me", (request) => {
    const identity = signedIn(guard, request, { audit: false });
    return { ok: true, identity: viewOf(identity), demo: options.demo };
  });

  app.post(
    "/api/session",
    {
      config: {
        // Guessing passwords: a few tries a minute per address, whatever
        // the names tried (each try costs the server an argon2 hash).
        rateLimit: { max: options.signInRate, timeWindow: "1 minute" },
      },
    },
    async (request, reply) => {
      const { name, password } = parse(SignIn, request.body);
      const session = await directory.signIn(name, password, request.ip);
      if (!session.ok) {
        const error = new MusterError("UNAUTHENTICATED", session.reason);
        // The name tried — who was being guessed at — when it is a name;
        // anything else may be a password typed into the wrong box.
        guard.refused(request.caller, "session.signIn", error, {
          detail: AccountName.safeParse(name).success
            ? `as ${name}`
            : "as something that is not a sign-in name",
        });
        request.log.warn({ from: request.ip }, "sign-in refused");
        throw error;
      }
      const caller = { identity: session.identity, from: request.ip };
      guard.accepted(caller, "session.signIn");
      const seconds = Math.floor(
        ((session.identity.expiresAt ?? Date.now()) - Date.now()) / 1000,
      );
      setCookie(reply, "person", session.token, seconds);
      return {
        ok: true,
        identity: viewOf(session.identity),
        // For scripts and tests; a page never reads it (the cookie does).
        token: session.token,
      };
    },
  );

  app.delete("/api/session", (request, reply) => {
    const identity = signedIn(guard, request);
    if (identity.kind === "person") {
      directory.signOut(identity.sessionId);
      guard.accepted(request.caller, "session.signOut");
      void reply.clearCookie(cookieName("person"), { path: "/" });
    }
    return { ok: true };
  });

  app.post("/api/session/password", async (request) => {
    const identity = signedIn(guard, request);
    const { current, next } = parse(ChangePassword, request.body);
    if (identity.kind !== "person") {
      throw new MusterError("NOT_AUTHORISED", "a device has no password");
    }
    try {
      await directory.changePassword(identity, current, next);
    } catch (err) {
      if (err instanceof MusterError) {
        guard.refused(request.caller, "session.changePassword", err);
      }
      throw err;
    }
    guard.accepted(request.caller, "session.changePassword");
    return { ok: true };
  });

  app.get("/api/accounts", (request) => {
    allow(guard, request, "account.manage");
    return { ok: true, accounts: directory.accounts() };
  });

  app.post("/api/accounts", async (request) => {
    signedIn(guard, request);
    const input = parse(CreateAccount, request.body);
    const by = allow(
      guard,
      request,
      "account.manage",
      {},
      {
        auditAs: "account.create",
      },
    );
    checkPlanReferences(plan, input.districts, input.unit);
    const created = await directory.createAccount(input, by);
    guard.accepted(request.caller, "account.create", {
      message:
        `${input.name} as ${input.role} in ${input.districts.join(", ")}` +
        (input.unit ? ` for ${input.unit}` : ""),
    });
    return { ok: true, ...created };
  });

  app.post("/api/accounts/:id/reset-password", async (request) => {
    allow(guard, request, "account.manage", {}, { auditAs: "account.reset" });
    const { id } = request.params as { id: string };
    const oneTimePassword = await directory.resetPassword(id);
    guard.accepted(request.caller, "account.reset", {
      message: directory.account(id)?.name ?? id,
    });
    return { ok: true, oneTimePassword };
  });

  app.post("/api/accounts/:id/enable", (request) => {
    allow(guard, request, "account.manage", {}, { auditAs: "account.enable" });
    const { id } = request.params as { id: string };
    directory.enableAccount(id);
    guard.accepted(request.caller, "account.enable", {
      message: directory.account(id)?.name ?? id,
    });
    return { ok: true };
  });

  app.post("/api/accounts/:id/disable", (request) => {
    const by = allow(
      guard,
      request,
      "account.manage",
      {},
      {
        auditAs: "account.disable",
      },
    );
    const { id } = request.params as { id: string };
    if (id === by.id) {
      throw new MusterError(
        "COMMAND_REJECTED",
        "an administrator cannot disable their own account",
      );
    }
    directory.disableAccount(id);
    guard.accepted(request.caller, "account.disable", {
      message: directory.account(id)?.name ?? id,
    });
    return { ok: true };
  });

  app.post("/api/enrolment-codes", (request) => {
    signedIn(guard, request);
    const input = parse(CreateEnrolmentCode, request.body);
    const district =
      input.kind === "unit" ? unitDistrict(plan, input.unit) : input.district;
    if (!plan.districts.some((d) => d.id === district)) {
      throw new MusterError(
        "NOT_FOUND",
        `no district ${district} in the plan`,
        {
          path: "district",
        },
      );
    }
    const by = allow(
      guard,
      request,
      "device.enrol",
      { district },
      {
        auditAs: "device.code",
      },
    );
    const code = directory.createEnrolmentCode(input, district, by);
    guard.accepted(request.caller, "device.code", {
      message:
        input.kind === "unit"
          ? `tablet of ${input.unit}`
          : `wall of ${district}`,
    });
    const origin = `${request.protocol}://${request.host}`;
    return {
      ok: true,
      ...code,
      link: `${origin}/enrol?code=${code.code}`,
    };
  });

  app.post(
    "/api/devices/enrol",
    {
      config: { rateLimit: { max: options.enrolRate, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { code, label } = parse(Enrol, request.body);
      let enrolled: Awaited<ReturnType<AccessDirectory["enrol"]>>;
      try {
        enrolled = await directory.enrol(code, label, request.ip);
      } catch (err) {
        if (err instanceof MusterError) {
          guard.refused(request.caller, "device.enrol", err);
        }
        throw err;
      }
      const { device, token, identity } = enrolled;
      guard.accepted({ identity, from: request.ip }, "device.enrol", {
        message: device.unit ?? device.district,
      });
      const as: SpeakAs =
        device.kind === "unit"
          ? (`unit:${device.unit ?? ""}` as SpeakAs)
          : "display";
      setCookie(reply, as, token, DEVICE_COOKIE_SECONDS);
      return { ok: true, device, identity: viewOf(identity), token };
    },
  );

  app.get("/api/devices", (request) => {
    const identity = allowDevices(request);
    return {
      ok: true,
      devices: directory.devices().filter((d) => inScope(identity, d.district)),
    };
  });

  app.post("/api/devices/:id/revoke", (request) => {
    signedIn(guard, request);
    const { id } = request.params as { id: string };
    const device = directory.device(id);
    if (!device)
      throw new MusterError("NOT_FOUND", `no device ${id}`, { path: "id" });
    const by = allow(
      guard,
      request,
      "device.revoke",
      {
        district: device.district,
      },
      { auditAs: "device.revoke" },
    );
    directory.revokeDevice(id, by);
    guard.accepted(request.caller, "device.revoke", {
      message: `${device.label} (${device.unit ?? device.district})`,
    });
    request.log.info({ deviceId: id }, "device revoked");
    return { ok: true };
  });

  const auditEntries = (
    request: FastifyRequest,
    schema: typeof AuditQuery | typeof AuditExportQuery,
  ) => {
    // The trail is this server's, that is the home district's.
    allow(guard, request, "audit.read", { district: guard.homeDistrict });
    return guard.audit.query(parse(schema, request.query, "query"));
  };
  app.get("/api/audit", (request) => ({
    ok: true,
    entries: auditEntries(request, AuditQuery),
  }));
  app.get(
    "/api/audit.csv",
    { config: { rateLimit: { max: 6, timeWindow: "1 minute" } } },
    (request, reply) =>
      reply
        .type("text/csv; charset=utf-8")
        .header(
          "content-disposition",
          'attachment; filename="muster-audit.csv"',
        )
        .send(auditCsv(auditEntries(request, AuditExportQuery))),
  );

  function allowDevices(request: FastifyRequest): Identity {
    // Commanders enrol and revoke; the administrator revokes: both list.
    const identity = signedIn(guard, request);
    const action = identity.role === "admin" ? "device.revoke" : "device.enrol";
    return allow(guard, request, action, {}, { auditAs: "device.list" });
  }

  function inScope(identity: Identity, district: string): boolean {
    return identity.role === "admin" || identity.districts.includes(district);
  }
}

/** The body or query as the schema has it; BAD_REQUEST naming the field if not. */
function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where = "",
): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw badRequest(parsed.error, where);
  return parsed.data;
}

function unitDistrict(plan: Plan, callsign: string): string {
  const unit = plan.units.find((u) => u.callsign === callsign);
  if (!unit) {
    throw new MusterError("NOT_FOUND", `no unit ${callsign} in the plan`, {
      path: "unit",
    });
  }
  return unit.district;
}

function checkPlanReferences(
  plan: Plan,
  districts: readonly string[],
  unit: string | undefined,
): void {
  districts.forEach((district, i) => {
    if (!plan.districts.some((d) => d.id === district)) {
      throw new MusterError(
        "NOT_FOUND",
        `no district ${district} in the plan`,
        {
          path: `districts[${i}]`,
        },
      );
    }
  });
  if (unit === undefined) return;
  const home = unitDistrict(plan, unit);
  if (!districts.includes(home)) {
    throw new MusterError(
      "BAD_REQUEST",
      `unit ${unit} belongs to ${home}: its leader's districts must include ${home}`,
      { path: "districts" },
    );
  }
}
