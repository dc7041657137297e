const yearFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar year at `instant` (ms or ISO text) in `timeZone`, e.g.
 * 2026. The formatter of each zone is built once: building one costs far
 * more than using it.
 */
export function yearIn(timeZone: string, instant: number | string): number {
  let format = yearFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en", { timeZone, year: "numeric" });
    yearFormats.set(timeZone, format);
  }
  const ms = typeof instant === "string" ? Date.parse(instant) : instant;
  return Number(format.format(ms));
}
