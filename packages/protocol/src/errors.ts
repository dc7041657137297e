import type { ZodError } from "zod";

/**
 * The catalogue of error codes. Clients branch on these, never on message
 * text; `errors.test.ts` keeps this table and the README in step.
 */
export const errorCatalogue = {
  BAD_REQUEST: { status: 400, summary: "a message or body failed validation" },
  PLAN_INVALID: { status: 500, summary: "the plan file is missing or invalid" },
  SCENARIO_INVALID: { status: 400, summary: "a scenario file is invalid" },
  COMMAND_REJECTED: {
    status: 409,
    summary: "the command is not allowed in the incident's current state",
  },
  COMMAND_ID_REUSED: {
    status: 409,
    summary: "a command id was sent again with a different body",
  },
  NOT_FOUND: { status: 404, summary: "no such incident, unit or resource" },
  SEQ_CONFLICT: {
    status: 409,
    summary: "the incident changed while the command was being decided",
  },
  UNAUTHENTICATED: {
    status: 401,
    summary: "no valid sign-in or enrolment: sign in or enrol again",
  },
  NOT_AUTHORISED: { status: 403, summary: "the actor may not do this" },
  RATE_LIMITED: {
    status: 429,
    summary: "too many requests or messages from one client",
  },
  INTERNAL: { status: 500, summary: "an unexpected failure; see the log" },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** The error shape on the wire: `{ ok: false, error: WireError }`. */
export interface WireError {
  code: ErrorCode;
  /** Dotted path of the offending field, e.g. `tiers[3].clockMinutes`. */
  path: string;
  message: string;
}

/** The one error class of Muster: a stable code, a path and a cause. */
export class MusterError extends Error {
  readonly code: ErrorCode;
  readonly path: string;

  constructor(
    code: ErrorCode,
    message: string,
    options: { path?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "MusterError";
    this.code = code;
    this.path = options.path ?? "";
  }

  toWire(): WireError {
    return { code: this.code, path: this.path, message: this.message };
  }
}

/** Turns anything thrown into a MusterError, keeping the original as cause. */
export function toMusterError(err: unknown): MusterError {
  if (err instanceof MusterError) return err;
  return new MusterError("INTERNAL", "internal error", { cause: err });
}

/** Formats a zod issue path as `tiers[3].clockMinutes`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One readable line per zod issue: `path: message`. */
export function describeZodIssues(error: ZodError): string[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    return path === "" ? issue.message : `${path}: ${issue.message}`;
  });
}

/** Builds a BAD_REQUEST error from the first zod issue. */
export function badRequest(error: ZodError, prefix = ""): MusterError {
  const first = error.issues[0];
  const inner = first ? formatPath(first.path) : "";
  const path = [prefix, inner].filter(Boolean).join(".");
  const message = first
    ? `${path || "message"}: ${first.message}`
    : "invalid message";
  return new MusterError("BAD_REQUEST", message, { path, cause: error });
}
