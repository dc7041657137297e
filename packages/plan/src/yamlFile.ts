import { readFileSync } from "node:fs";
import { MusterError, type ErrorCode } from "@muster/protocol";
import { parseDocument, type YAMLError } from "yaml";

/** How a file's failures are reported: the code and what the file is. */
export interface YamlFileKind {
  code: ErrorCode;
  /** "plan", "playbook", "scenario": the word the messages use. */
  what: string;
}

function syntaxError(
  file: string,
  error: YAMLError,
  { code, what }: YamlFileKind,
): MusterError {
  const position = error.linePos?.[0];
  const where = position ? `${file}:${position.line}:${position.col}` : file;
  // yaml's message ends with a code frame; the first line is the sentence.
  const sentence = error.message
    .split("\n")[0]
    ?.replace(/ at line \d+, column \d+:?$/, "");
  return new MusterError(
    code,
    `${what} ${file} is not valid YAML:\n${where}: ${sentence ?? error.code}`,
    { cause: error },
  );
}

/**
 * YAML text as plain data; a syntax error throws `kind.code` naming the
 * file, line and column.
 */
export function parseYamlText(
  text: string,
  file: string,
  kind: YamlFileKind,
): unknown {
  const doc = parseDocument(text, { prettyErrors: true });
  const error = doc.errors[0];
  if (error) throw syntaxError(file, error, kind);
  return doc.toJS();
}

/**
 * Reads a YAML file (Node only) as plain data. A missing or unreadable
 * file and a syntax error both throw `kind.code` naming the file.
 *
 * @example
 * const raw = readYamlFile(file, { code: "PLAN_INVALID", what: "plan" });
 */
export function readYamlFile(file: string, kind: YamlFileKind): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? "unreadable";
    throw new MusterError(
      kind.code,
      `cannot read ${kind.what} ${file} (${reason})`,
      { cause: err },
    );
  }
  return parseYamlText(text, file, kind);
}
