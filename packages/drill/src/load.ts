import { readFileSync } from "node:fs";
import { MusterError } from "@muster/protocol";
import type { Plan } from "@muster/plan";
import { parseDocument, type YAMLError } from "yaml";
import { parseScenario } from "./parse.ts";
import type { Scenario } from "./scenario.ts";

function syntaxError(file: string, error: YAMLError): MusterError {
  const position = error.linePos?.[0];
  const where = position ? `${file}:${position.line}:${position.col}` : file;
  // The yaml package ends its message with a code frame; keep the sentence.
  const sentence = error.message
    .split("\n")[0]
    ?.replace(/ at line \d+, column \d+:?$/, "");
  return new MusterError(
    "SCENARIO_INVALID",
    `scenario ${file} is not valid YAML:\n${where}: ${sentence ?? error.code}`,
    { cause: error },
  );
}

/**
 * Reads, parses and validates a scenario file (Node only), checking it
 * against the plan when one is given. Every failure is `SCENARIO_INVALID`
 * naming the file; YAML syntax errors name the line and column.
 *
 * @example
 * const scenario = loadScenario("scenarios/drills/level-iii-wage-dispute.yaml", plan);
 */
export function loadScenario(file: string, plan?: Plan): Scenario {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? "unreadable";
    throw new MusterError(
      "SCENARIO_INVALID",
      `cannot read scenario ${file} (${reason})`,
      { cause: err },
    );
  }
  const doc = parseDocument(text, { prettyErrors: true });
  const error = doc.errors[0];
  if (error) throw syntaxError(file, error);
  return parseScenario(doc.toJS(), file, plan);
}
