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

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** A wall-clock reading, to the second. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What the clocks in `timeZone` read at instant `ms`. */
export function wallClockIn(timeZone: string, ms: number): WallClock {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    clockFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const n = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: n("year"),
    month: n("month"),
    day: n("day"),
    hour: n("hour"),
    minute: n("minute"),
    second: n("second"),
  };
}

/** How far `timeZone`'s clocks are ahead of UTC at instant `ms`. */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  const c = wallClockIn(timeZone, ms);
  const wall = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return wall - Math.floor(ms / 1000) * 1000;
}
