import { escapeHtml } from "./escape.ts";
import type { TierFigures } from "./figures.ts";
import { pick, stringsFor, type ReportLang } from "./i18n.ts";

const WIDTH = 720;
const LABEL_WIDTH = 150;
const RIGHT_PAD = 120;
const ROW = 34;
const TOP = 28;
const BAR = 14;

type Attrs = Record<string, string | number>;

/** One SVG element; numbers are written with one decimal at most. */
function el(tag: string, attrs: Attrs, text?: string): string {
  const list = Object.entries(attrs)
    .map(([k, v]) => {
      const value = typeof v === "number" ? String(Math.round(v * 10) / 10) : v;
      return ` ${k}="${escapeHtml(value)}"`;
    })
    .join("");
  return text === undefined
    ? `<${tag}${list}/>`
    : `<${tag}${list}>${escapeHtml(text)}</${tag}>`;
}

/** A tick step in minutes that gives at most ten ticks over the span. */
function tickStep(spanMinutes: number): number {
  for (const step of [1, 2, 5, 10, 15, 30, 60, 120]) {
    if (spanMinutes / step <= 10) return step;
  }
  return 240;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

const HATCHES = [
  // Late: dense red stripes, readable in black and white as stripes.
  ["late-hatch", 45, "#fde0dc", "#b71c1c", 3],
  // Never assembled: thin grey stripes the other way.
  ["never-hatch", -45, "#f5f5f5", "#757575", 1.5],
] as const;

function defs(): string {
  const patterns = HATCHES.map(([id, angle, ground, ink, stroke]) =>
    [
      `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"`,
      ` patternTransform="rotate(${angle})">`,
      el("rect", { width: 6, height: 6, fill: ground }),
      el("line", {
        x1: 0,
        y1: 0,
        x2: 0,
        y2: 6,
        stroke: ink,
        "stroke-width": stroke,
      }),
      "</pattern>",
    ].join(""),
  );
  return `<defs>${patterns.join("")}</defs>`;
}

/**
 * The assembly timeline as inline SVG: one row per tier from dispatch to
 * assembled, the deadline as an upright line, the late part hatched and
 * labelled in words, so that it reads in black and white too.
 */
export function timelineSvg(
  tiers: readonly TierFigures[],
  options: { originAt: string; endAt: string; lang: ReportLang },
): string {
  const t = stringsFor(options.lang);
  const origin = Date.parse(options.originAt);
  const minutesOf = (iso: string) => (Date.parse(iso) - origin) / 60_000;
  const endMinutes = minutesOf(options.endAt);

  let span = 1;
  for (const tier of tiers) {
    span = Math.max(span, minutesOf(tier.deadline));
    if (tier.assembledAt) span = Math.max(span, minutesOf(tier.assembledAt));
  }
  const step = tickStep(span);
  span = Math.ceil(span / step) * step;
  const plot = WIDTH - LABEL_WIDTH - RIGHT_PAD;
  const x = (m: number) => LABEL_WIDTH + (Math.min(m, span) / span) * plot;
  const height = TOP + tiers.length * ROW + 24;

  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}"` +
      ` width="100%" role="img" aria-label="${escapeHtml(t.timeline)}"` +
      ` class="timeline">`,
    defs(),
  ];

  // Axis: minutes from the first report, with a light grid.
  for (let m = 0; m <= span; m += step) {
    const gx = x(m);
    out.push(
      el("line", {
        x1: gx,
        y1: TOP - 6,
        x2: gx,
        y2: height - 20,
        stroke: "#e0e0e0",
      }),
      el(
        "text",
        { x: gx, y: TOP - 10, "text-anchor": "middle", class: "tick" },
        `${m}′`,
      ),
    );
  }

  tiers.forEach((tier, i) => {
    const y = TOP + i * ROW + (ROW - BAR) / 2;
    const mid = y + BAR / 2 + 4;
    out.push(...tierRow(tier, { x, y, mid, minutesOf, endMinutes, options }));
  });

  out.push(
    el(
      "text",
      { x: LABEL_WIDTH, y: height - 6, class: "caption" },
      t.timelineCaption,
    ),
    "</svg>",
  );
  return out.join("\n");
}

interface RowGeometry {
  x: (minutes: number) => number;
  y: number;
  mid: number;
  minutesOf: (iso: string) => number;
  endMinutes: number;
  options: { lang: ReportLang };
}

function tierRow(tier: TierFigures, g: RowGeometry): string[] {
  const t = stringsFor(g.options.lang);
  const { x, y, mid } = g;
  const start = x(g.minutesOf(tier.dispatchedAt));
  const deadline = x(g.minutesOf(tier.deadline));
  const label = `${pick(tier.name, g.options.lang)} (${tier.clockMinutes}′)`;
  const bar = (from: number, to: number, attrs: Attrs) =>
    el("rect", {
      x: from,
      y,
      width: Math.max(1, to - from),
      height: BAR,
      ...attrs,
    });
  const verdict = (at: number, text: string, cls: string) =>
    el("text", { x: at + 6, y: mid, class: cls }, text);

  const out = [
    el(
      "text",
      { x: LABEL_WIDTH - 8, y: mid, "text-anchor": "end", class: "label" },
      label,
    ),
  ];
  if (tier.assembledAt === null) {
    const end = x(Math.max(g.minutesOf(tier.dispatchedAt), g.endMinutes));
    out.push(
      bar(start, end, {
        fill: "url(#never-hatch)",
        stroke: "#424242",
        "stroke-dasharray": "4 2",
      }),
      verdict(end, `✗ ${t.never}`, "verdict"),
    );
  } else {
    const done = x(g.minutesOf(tier.assembledAt));
    out.push(bar(start, Math.min(done, deadline), { fill: "#2e7d32" }));
    if (tier.result === "late") {
      const late = `✗ ${t.late} +${fmt(tier.minutesLate ?? 0)}′`;
      out.push(
        bar(deadline, done, { fill: "url(#late-hatch)", stroke: "#b71c1c" }),
        verdict(done, late, "verdict late"),
      );
    } else {
      const took = `✓ ${fmt(tier.minutesToAssembled ?? 0)}′`;
      out.push(verdict(done, took, "verdict"));
    }
    out.push(
      el("circle", {
        cx: done,
        cy: y + BAR / 2,
        r: 3.5,
        fill: "#fff",
        stroke: "#212121",
      }),
    );
  }
  // The deadline: an upright line across the row, not only a colour.
  out.push(
    el("line", {
      x1: deadline,
      y1: y - 5,
      x2: deadline,
      y2: y + BAR + 5,
      stroke: "#212121",
      "stroke-width": 2,
    }),
  );
  return out;
}
