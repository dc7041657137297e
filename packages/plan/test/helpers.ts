import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MusterError } from "@muster/protocol";
import { afterAll } from "vitest";

/**
 * The MusterError `work` throws; any other error is rethrown, and a
 * `work` that returns fails the test, naming `what` was not refused.
 */
export function refusal(work: () => unknown, what: string): MusterError {
  try {
    work();
  } catch (err) {
    if (err instanceof MusterError) return err;
    throw err;
  }
  throw new Error(`expected ${what} to be refused`);
}

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
