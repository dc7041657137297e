import type { z } from "zod";

/**
 * Turns zod's issues into plain "expected …, got …" sentences for people who
 * edit plan files by hand.
 */

type RawIssue = z.core.$ZodRawIssue;

/** The few parts of a zod schema's internals that the messages read. */
interface SchemaDef {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  innerType?: Schema;
  shape?: Record<string, unknown>;
  entries?: Record<string, string | number>;
  items?: unknown[];
}
interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  format?: string;
  minimum?: number;
}
interface Schema {
  _zod: { def: SchemaDef };
}

function isSchema(value: unknown): value is Schema {
  if (typeof value !== "object" || value === null) return false;
  const internals = (value as { _zod?: { def?: { type?: unknown } } })._zod;
  return typeof internals?.def?.type === "string";
}

/** Describes a value from the file the way its author would name it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    const text = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(text);
  }
  if (Array.isArray(value)) return `a list of ${plural(value.length, "item")}`;
  if (typeof value === "object") return "a mapping";
  // Only numbers, booleans, bigints and the like are left here.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(value);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Lower bound of a number schema, e.g. `> 0` or `≥ 1`. */
function lowerBound(def: SchemaDef): string {
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === "greater_than") {
      return ` ${c.inclusive ? "≥" : ">"} ${String(c.value)}`;
    }
  }
  return "";
}

function upperBound(def: SchemaDef): string {
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === "less_than") {
      return ` ${c.inclusive ? "≤" : "<"} ${String(c.value)}`;
    }
  }
  return "";
}

function isWhole(def: SchemaDef): boolean {
  return (def.checks ?? []).some((check) => {
    const c = check._zod.def;
    return c.check === "number_format" && /int/.test(c.format ?? "");
  });
}

/**
 * What a schema expects, in words. Only the lower bound of a number is named:
 * someone who wrote text where a number goes needs the kind and the floor.
 */
export function describeSchema(schema: unknown): string {
  if (!isSchema(schema)) return "a valid value";
  const def = schema._zod.def;

  switch (def.type) {
    case "number":
      return `${isWhole(def) ? "a whole number" : "a number"}${lowerBound(def)}`;
    case "string":
      return "text";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "tuple":
      return `a list of ${plural(def.items?.length ?? 0, "item")}`;
    case "object":
    case "record":
      return "a mapping";
    case "enum":
      return `one of ${quoteAll(Object.values(def.entries ?? {}))}`;
    case "nullable":
      return `${describeSchema(def.innerType)} or null`;
    case "optional":
    case "default":
    case "prefault":
      return describeSchema(def.innerType);
    default:
      return def.type;
  }
}

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

/** The schema an issue belongs to, whether a schema or a check raised it. */
function ownerOf(issue: RawIssue): unknown {
  return issue.schema ?? (isSchema(issue.inst) ? issue.inst : undefined);
}

function closest(key: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3; // further than two edits is a different word
  for (const candidate of candidates) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function unknownFields(issue: RawIssue, keys: readonly string[]): string {
  const owner = ownerOf(issue);
  const known = isSchema(owner) ? Object.keys(owner._zod.def.shape ?? {}) : [];
  return keys
    .map((key) => {
      const guess = closest(key, known);
      const hint = guess ? ` (did you mean "${guess}"?)` : "";
      return `unknown field "${key}"${hint}`;
    })
    .join("; ");
}

function tooSmall(issue: RawIssue & { code: "too_small" }): string {
  const got = describeValue(issue.input);
  const min = Number(issue.minimum);
  switch (issue.origin) {
    case "array":
    case "set": {
      const count = Array.isArray(issue.input) ? issue.input.length : 0;
      const bound = issue.exact ? "exactly" : "at least";
      return `expected ${bound} ${plural(min, "item")}, got ${count}`;
    }
    case "string":
      return min === 1
        ? `expected non-empty text, got ${got}`
        : `expected at least ${plural(min, "character")}, got ${got}`;
    default: {
      const owner = ownerOf(issue);
      const expected = isSchema(owner)
        ? describeSchema(owner)
        : `a number ${issue.inclusive ? "≥" : ">"} ${min}`;
      return `expected ${expected}, got ${got}`;
    }
  }
}

function tooBig(issue: RawIssue & { code: "too_big" }): string {
  const max = Number(issue.maximum);
  switch (issue.origin) {
    case "array":
    case "set": {
      const count = Array.isArray(issue.input) ? issue.input.length : 0;
      const bound = issue.exact ? "exactly" : "at most";
      return `expected ${bound} ${plural(max, "item")}, got ${count}`;
    }
    case "string":
      return `expected at most ${plural(max, "character")}`;
    default: {
      const owner = ownerOf(issue);
      const bound = isSchema(owner)
        ? upperBound(owner._zod.def)
        : ` ${issue.inclusive ? "≤" : "<"} ${max}`;
      return `expected a number${bound}, got ${describeValue(issue.input)}`;
    }
  }
}

/**
 * A per-parse zod error map. Schema-level messages (a regex's "expected a
 * lower-case id like x.fire") win over it in zod 4; `finishMessage` adds the
 * offending value to those afterwards.
 */
export function planErrorMap(issue: RawIssue): string | undefined {
  const got = describeValue(issue.input);

  switch (issue.code) {
    case "invalid_type": {
      const expected = describeSchema(ownerOf(issue));
      return issue.input === undefined
        ? `missing; expected ${expected}`
        : `expected ${expected}, got ${got}`;
    }
    case "too_small":
      return tooSmall(issue);
    case "too_big":
      return tooBig(issue);
    case "invalid_value":
      return `expected one of ${quoteAll(issue.values)}, got ${got}`;
    case "invalid_format":
      return issue.format === "regex"
        ? `expected text matching ${issue.pattern ?? "the pattern"}, got ${got}`
        : `expected ${issue.format === "url" ? "a URL" : issue.format}, got ${got}`;
    case "unrecognized_keys":
      return unknownFields(issue, issue.keys);
    case "invalid_key":
      return `invalid key ${got}`;
    case "invalid_union":
      return `expected ${describeSchema(ownerOf(issue))}, got ${got}`;
    case "not_multiple_of":
      return `expected a multiple of ${issue.divisor}, got ${got}`;
    default:
      return undefined;
  }
}

/**
 * The final text of an issue: messages set in the schema itself name what
 * was expected but not what was found, so the found value is added.
 */
export function finishMessage(issue: z.core.$ZodIssue): string {
  const { message } = issue;
  const complete = /\bgot\b|^missing|^unknown field/.test(message);
  if (complete || issue.input === undefined) return message;
  return `${message}, got ${describeValue(issue.input)}`;
}
