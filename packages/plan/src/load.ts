import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MusterError } from "@muster/protocol";
import { parseDocument, type YAMLError } from "yaml";
import { parsePlan } from "./parse.ts";
import type { Plan } from "./schema.ts";

/**
 * Absolute path of the default plan, `scenarios/wanghai.plan.yaml` at the
 * repository root, found from this file so the working directory is moot.
 */
export const defaultPlanFile = fileURLToPath(
  new URL("../../../scenarios/wanghai.plan.yaml", import.meta.url),
);

function syntaxError(file: string, error: YAMLError): MusterError {
  const position = error.linePos?.[0];
  const where = position ? `${file}:${position.line}:${position.col}` : file;
  // yaml's message ends with a code frame; the first line is the sentence.
  const sentence = error.message
    .split("\n")[0]
    ?.replace(/ at line \d+, column \d+:?$/, "");
  return new MusterError(
    "PLAN_INVALID",
    `plan ${file} is not valid YAML:\n${where}: ${sentence ?? error.code}`,
    { path: "", cause: error },
  );
}

/**
 * Reads, parses and validates a plan file (Node only). Errors of every kind,
 * from a missing file to an overlapping band, are `PLAN_INVALID` naming the
 * file; YAML syntax errors also name the line and column.
 *
 * @example
 * const plan = loadPlan(defaultPlanFile);
 */
export function loadPlan(file: string): Plan {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? "unreadable";
    throw new MusterError(
      "PLAN_INVALID",
      `cannot read plan ${file} (${reason})`,
      {
        cause: err,
      },
    );
  }

  const doc = parseDocument(text, { prettyErrors: true });
  const error = doc.errors[0];
  if (error) throw syntaxError(file, error);

  return parsePlan(doc.toJS(), file);
}
