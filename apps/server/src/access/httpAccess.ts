import type { FastifyInstance, FastifyRequest } from "fastify";
import { MusterError } from "@muster/protocol";
import type { AccessDirectory, Action, Identity, Target } from "@muster/auth";
import type { Caller, Guard } from "./guard.ts";
import { bearerOf, identify } from "./identify.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** Who sent the request, or null with `signInProblem` saying why not. */
    caller: Caller;
    signInProblem: string;
  }
}

/**
 * Works out who is behind every request before its route runs. Nothing
 * is refused here: public routes (sign-in, enrolment, pages) need nobody;
 * every other route asks `allow` for its action.
 */
export function registerHttpIdentity(
  app: FastifyInstance,
  directory: AccessDirectory,
): void {
  app.decorateRequest("caller", null as unknown as Caller);
  app.decorateRequest("signInProblem", "");
  app.addHook("onRequest", async (request) => {
    request.caller = { identity: null, from: request.ip };
    if (!(request.routeOptions.url ?? request.url).startsWith("/api/")) {
      return;
    }
    const as = request.headers["x-muster-as"];
    try {
      const identity = await identify(directory, {
        bearer: bearerOf(request.headers.authorization),
        cookie: request.headers.cookie,
        as: Array.isArray(as) ? as[0] : as,
      });
      request.caller = { identity, from: request.ip };
      if (identity.kind === "device") directory.touchDevice(identity.id);
    } catch (err) {
      request.signInProblem =
        err instanceof MusterError ? err.message : "not signed in";
    }
  });
}

/**
 * The identity behind a request, if its role may do the action here;
 * throws UNAUTHENTICATED or NOT_AUTHORISED otherwise (and the refusal
 * is in the audit trail).
 */
export function allow(
  guard: Guard,
  request: FastifyRequest,
  action: Action,
  target: Target = {},
  what: { auditAs?: string; incidentId?: string } = {},
): Identity {
  if (!request.caller.identity) {
    const error = new MusterError(
      "UNAUTHENTICATED",
      request.signInProblem || "not signed in: sign in, or enrol this device",
    );
    guard.refused(request.caller, what.auditAs ?? action, error, what);
    throw error;
  }
  return guard.require(request.caller, action, target, what);
}

/**
 * The identity behind a request, whatever its role; throws if nobody.
 * `audit: false` for a page asking who it is: a question, not an attempt.
 */
export function signedIn(
  guard: Guard,
  request: FastifyRequest,
  options: { audit?: boolean } = {},
): Identity {
  const identity = request.caller.identity;
  if (identity) return identity;
  const error = new MusterError(
    "UNAUTHENTICATED",
    request.signInProblem || "not signed in: sign in, or enrol this device",
  );
  if (options.audit ?? true) {
    guard.refused(
      request.caller,
      `${request.method} ${routeOf(request)}`,
      error,
    );
  }
  throw error;
}

function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? request.url.split("?")[0] ?? "";
}
