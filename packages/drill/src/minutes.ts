/** Rounds to 2 decimals, never giving -0. */
export function round2(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

/** Exact minutes from `from` to `to` (ISO instants), rounded to 2 decimals. */
export function minutesBetween(from: string, to: string): number {
  return round2((Date.parse(to) - Date.parse(from)) / 60_000);
}
