import type { Level } from "@muster/protocol";
import type { Plan } from "@muster/plan";

/** The numeral shown beside every level colour, never the colour alone. */
export const levelNumerals: Record<Exclude<Level, "watch">, string> = {
  I: "Ⅰ",
  II: "Ⅱ",
  III: "Ⅲ",
};

/** The level's colour from the plan, grey if the plan lacks it. */
export function levelColour(plan: Plan, level: Level): string {
  return plan.levels.find((l) => l.id === level)?.colour ?? "#9e9e9e";
}

/** Black or white, whichever reads better on `hex`. */
export function textOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  const luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  return luminance > 0.55 ? "#000000" : "#ffffff";
}
