/**
 * Offsets and durations in scenario files: "0s", "90s", "4m", "1m30s",
 * "1h5m", "300001ms". Whole numbers only, units in falling order, so that
 * every offset is an exact number of milliseconds.
 */

const PATTERN = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;

const UNIT_MS = [3_600_000, 60_000, 1000, 1] as const;

/** Milliseconds of an offset like "1m30s", or null when it is not one. */
export function parseDuration(text: string): number | null {
  const match = PATTERN.exec(text.trim());
  if (!match || text.trim() === "") return null;
  let ms = 0;
  for (let i = 0; i < UNIT_MS.length; i++) {
    const part = match[i + 1];
    if (part !== undefined) ms += Number(part) * UNIT_MS[i]!;
  }
  return Number.isSafeInteger(ms) ? ms : null;
}

/** Writes milliseconds back as the shortest offset, e.g. 90000 → "1m30s". */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  let rest = Math.round(ms);
  let out = "";
  const names = ["h", "m", "s", "ms"];
  for (let i = 0; i < UNIT_MS.length; i++) {
    const n = Math.floor(rest / UNIT_MS[i]!);
    rest -= n * UNIT_MS[i]!;
    if (n > 0) out += `${n}${names[i]!}`;
  }
  return out;
}
