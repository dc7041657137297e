import type { z } from "zod";
import { describeValue, finishMessage } from "@muster/plan";
import { formatPath } from "@muster/protocol";

/**
 * Plain "expected …, got …" sentences for people who write scenario files
 * by hand, instead of zod's "Invalid input".
 */

type RawIssue = z.core.$ZodRawIssue;

const KINDS: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  tuple: "a list",
  object: "a mapping",
  record: "a mapping",
};

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

/** `≥ 1`, `> 0`, `≤ 90`: the bound a too_small or too_big issue names. */
function bound(
  issue: { inclusive?: boolean; minimum?: unknown; maximum?: unknown },
  side: "<" | ">",
): string {
  const value = side === ">" ? issue.minimum : issue.maximum;
  const sign = issue.inclusive ? (side === ">" ? "≥" : "≤") : side;
  return `${sign} ${String(value)}`;
}

/** A per-parse error map; messages written into the schema win over it. */
export function scenarioErrorMap(issue: RawIssue): string | undefined {
  const got = describeValue(issue.input);
  switch (issue.code) {
    case "invalid_type": {
      const kind = KINDS[issue.expected] ?? issue.expected;
      return issue.input === undefined
        ? `missing: expected ${kind}`
        : `expected ${kind}, got ${got}`;
    }
    case "too_small":
      if (issue.origin === "array") {
        return `expected at least ${String(issue.minimum)} items, got ${got}`;
      }
      if (issue.origin === "string") return `expected non-empty text`;
      return `expected a number ${bound(issue, ">")}, got ${got}`;
    case "too_big":
      if (issue.origin === "string") {
        return `expected at most ${String(issue.maximum)} characters`;
      }
      if (issue.origin === "array") {
        return `expected at most ${String(issue.maximum)} items, got ${got}`;
      }
      return `expected a number ${bound(issue, "<")}, got ${got}`;
    case "invalid_value":
      return `expected ${quoteAll(issue.values)}, got ${got}`;
    case "invalid_format":
      return `expected ${issue.format}, got ${got}`;
    case "invalid_key":
      return `invalid key ${got}`;
    default:
      return undefined;
  }
}

/** One problem in a file: where it is and what was expected. */
export interface Problem {
  path: string;
  message: string;
}

/**
 * Turns zod issues into problems, one per unknown field, with the value
 * found added to messages the schema set without it (as plan files do).
 */
export function problemsOf(error: z.ZodError): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({
          path: formatPath([...issue.path, key]),
          message: "unknown field",
        });
      }
      continue;
    }
    out.push({ path: formatPath(issue.path), message: finishMessage(issue) });
  }
  return out;
}
