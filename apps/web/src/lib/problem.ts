import type { TFunction } from "i18next";

/**
 * Where a refusal was met: the same code says different things on the
 * sign-in page ("wrong name or password") and on the console ("not for
 * your role"). Each has its headlines under `problem.<context>` in the
 * locales; a code without one there falls back to `errors.<code>`.
 */
export type ProblemContext =
  | "command"
  | "signIn"
  | "enrol"
  | "password"
  | "signedOut"
  | "accounts"
  | "createAccount"
  | "accountAction"
  | "devices"
  | "enrolmentCode"
  | "revoke"
  | "audit"
  | "drill"
  | "signOut";

/** A refusal as a page shows it: a headline and, smaller, the detail. */
export interface Problem {
  code: string;
  /** In the reader's language, chosen by the code, never by the message. */
  headline: string;
  /** The server's own words (they name the field or the reason). */
  detail: string | null;
}

/**
 * The headline for a refusal, chosen by its CODE: clients branch on
 * codes, never on message text (packages/protocol errors.ts).
 */
export function problemOf(
  t: TFunction,
  /** A WireError, or a drill answer's error that may name no path. */
  error: { code: string; path?: string; message: string },
  context: ProblemContext = "command",
): Problem {
  const headline = t([
    `problem.${context}.${error.code}`,
    `errors.${error.code}`,
    "errors.INTERNAL",
  ]);
  const message = error.message.trim();
  const detail = message
    ? error.path && !message.startsWith(error.path)
      ? `${error.path}: ${message}`
      : message
    : null;
  return { code: error.code, headline, detail };
}

/** A problem the page found itself (a password too short): no detail. */
export function localProblem(headline: string): Problem {
  return { code: "LOCAL", headline, detail: null };
}
