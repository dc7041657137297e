import type { Plan } from "@muster/plan";
import type { Level } from "@muster/protocol";
import { escapeHtml as h } from "./escape.ts";
import type { Finding } from "./figures.ts";
import { pick, stringsFor, type ReportLang } from "./i18n.ts";
import type { DrillReport, ReportEvent } from "./report.ts";
import { reportCss } from "./reportCss.ts";
import { timelineSvg } from "./timeline.ts";

/** How to write the HTML report. */
export interface ReportHtmlOptions {
  /** zh-CN by default. */
  lang?: ReportLang;
}

/** What every section of the page needs: words, formats, the data. */
interface Page {
  report: DrillReport;
  plan: Plan;
  lang: ReportLang;
  t: ReturnType<typeof stringsFor>;
  /** A time of day in the plan's zone, or a dash. */
  at: (iso: string | null) => string;
  /** Minutes with their unit, or a dash. */
  mins: (n: number | null) => string;
}

/** A table cell: HTML, and how to lay it out. */
type Cell = string | { html: string; num?: boolean; wrap?: boolean };

function page(report: DrillReport, plan: Plan, lang: ReportLang): Page {
  const t = stringsFor(lang);
  // Times only through Intl with an explicit zone and locale, so the page
  // reads the same on any machine, whatever its TZ and LANG.
  const time = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", {
    timeZone: report.timezone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  return {
    report,
    plan,
    lang,
    t,
    at: (iso) => (iso === null ? "—" : time.format(Date.parse(iso))),
    mins: (n) => (n === null ? "—" : `${n} ${t.min}`),
  };
}

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no
 * external resources, marked EXERCISE, A4 when printed, times in the
 * plan's time zone.
 *
 * @example
 * writeFileSync("report.html", reportHtml(report, plan, { lang: "en" }));
 */
export function reportHtml(
  report: DrillReport,
  plan: Plan,
  options: ReportHtmlOptions = {},
): string {
  const p = page(report, plan, options.lang ?? "zh-CN");
  const title = pick(report.scenario.title, p.lang);
  // Only a live incident's report goes without the EXERCISE mark.
  const mark = report.exercise ? p.t.exercise : p.t.liveNote;
  const heading = report.exercise ? p.t.reportTitle : p.t.liveTitle;
  const sections = [
    header(p),
    summary(p),
    clocks(p),
    findings(p),
    groups(p),
    units(p),
    replacements(p),
    steps(p),
    notes(p),
    rulesAndEvents(p),
  ];
  return [
    "<!doctype html>",
    `<html lang="${p.lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(`${mark} · ${heading} · ${title}`)}</title>`,
    `<style>${reportCss}</style>`,
    "</head>",
    "<body>",
    ...sections.flat(),
    `<footer>${h(mark)} · ${h(report.drillRunId)} · ` +
      `${h(p.t.generated)}</footer>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function header({ report, plan, lang, t, at }: Page): string[] {
  const title = pick(report.scenario.title, lang);
  const date = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", {
    timeZone: report.timezone,
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "short",
  });
  const playbook = plan.playbooks.find(
    (pb) => pb.id === report.scenario.playbook,
  );
  const meta: [string, string][] = [
    [t.scenario, h(title)],
    [t.playbook, h(playbook ? pick(playbook.name, lang) : "other")],
    [t.place, h(report.scenario.place.name)],
    [t.date, h(date.format(Date.parse(report.run.startedAt)))],
    [t.timezone, h(report.timezone)],
    [t.plan, h(`${pick(report.plan.name, lang)} ${report.plan.version}`)],
    [t.runId, h(report.drillRunId)],
    [t.seed, String(report.run.seed)],
    [
      t.ended,
      `${at(report.run.endedAt)} — ${h(t.endReason[report.run.endReason])}`,
    ],
  ];
  const colon = lang === "en" ? ": " : "：";
  const banner = report.exercise
    ? [
        `<div class="exercise" role="banner">${h(t.exercise)}` +
          `<small>${h(t.exerciseNote)}</small></div>`,
        `<div class="print-mark" aria-hidden="true">${h(t.exercise)}</div>`,
      ]
    : [];
  const heading = report.exercise ? t.reportTitle : t.liveTitle;
  return [
    ...banner,
    `<h1>${h(heading)}${colon}${h(title)}</h1>`,
    `<dl class="meta">` +
      meta.map(([k, v]) => `<dt>${h(k)}</dt><dd>${v}</dd>`).join("") +
      "</dl>",
  ];
}

function summary({ report, plan, lang, t, at, mins }: Page): string[] {
  const i = report.incident;
  if (!i) return [];
  const level = (id: Level) => {
    const info = plan.levels.find((l) => l.id === id);
    return `<span class="level">${h(info ? pick(info.name, lang) : id)}</span>`;
  };
  const matched = i.levelMatched
    ? `✓ ${h(t.matched)}`
    : `<span class="late">✗ ${h(t.notMatched)}</span>`;
  const rows: [string, string][] = [
    [t.incident, h(i.incidentId)],
    [
      t.levelReached,
      `${level(i.levelReached)} ${h(t.expectedLevel)} ` +
        `${level(i.expectedLevel)} — ${matched}`,
    ],
    [t.toGrading, `${mins(i.minutesToGrading)} (${at(i.gradedAt)})`],
    [
      t.toCommandPost,
      `${mins(i.minutesToCommandPost)} (${at(i.commandPostActivatedAt)})`,
    ],
    [t.countyLed, i.countyLed ? t.yes : t.no],
    [t.mutualAid, i.mutualAidRequested ? t.yes : t.no],
  ];
  const trs = rows.map(
    ([k, v]) => `<tr><th scope="row">${h(k)}</th><td>${v}</td></tr>`,
  );
  return [
    `<h2>${h(t.summary)}</h2>`,
    `<table><tbody>${trs.join("")}</tbody></table>`,
  ];
}

function clocks({ report, lang, t, at }: Page): string[] {
  const i = report.incident;
  if (!i || report.tiers.length === 0) return [];
  const result = (r: "onTime" | "late" | "never") =>
    r === "onTime"
      ? `✓ ${h(t.onTime)}`
      : `<span class="${r === "late" ? "late" : "never"}">✗ ${h(t[r])}</span>`;
  const rows = report.tiers.map((tier): Cell[] => [
    h(pick(tier.name, lang)),
    { html: `${tier.clockMinutes} ${t.min}`, num: true },
    at(tier.dispatchedAt),
    at(tier.deadline),
    at(tier.assembledAt),
    {
      html:
        tier.minutesToAssembled === null
          ? "—"
          : `${tier.minutesToAssembled} ${t.min}`,
      num: true,
    },
    result(tier.result),
    {
      html:
        tier.minutesLate === null
          ? "—"
          : `<span class="late">+${tier.minutesLate} ${t.min}</span>`,
      num: true,
    },
  ]);
  return [
    `<h2>${h(t.timeline)}</h2>`,
    timelineSvg(report.tiers, {
      originAt: i.reportedAt,
      endAt: report.run.endedAt,
      lang,
    }),
    `<h2>${h(t.clocks)}</h2>`,
    table(
      [
        t.tier,
        t.clock,
        t.dispatched,
        t.deadline,
        t.assembled,
        t.used,
        t.result,
        t.lateBy,
      ],
      rows,
    ),
  ];
}

function findings({ report, lang, t }: Page): string[] {
  const list = (items: Finding[]) =>
    items.length === 0
      ? `<p>${h(t.none)}</p>`
      : `<ul class="findings">` +
        items
          .map(
            (f) =>
              `<li>${h(pick(f.text, lang))} ` +
              `<span class="rule">${h(f.rule)}</span></li>`,
          )
          .join("") +
        "</ul>";
  return [
    '<div class="columns">',
    `<section><h2>${h(t.strengths)}</h2>${list(report.strengths)}</section>`,
    `<section><h2>${h(t.improvements)}</h2>` +
      `${list(report.improvements)}</section>`,
    "</div>",
  ];
}

function groups({ report, lang, t, at, mins }: Page): string[] {
  if (report.groups.length === 0) return [];
  const rows = report.groups.map((g): Cell[] => [
    h(pick(g.name, lang)),
    at(g.activatedAt),
    g.acknowledgedAt === null
      ? `<span class="never">✗ ${h(t.answerText.never)}</span>`
      : at(g.acknowledgedAt),
    { html: mins(g.minutesToAcknowledge), num: true },
  ]);
  return [
    `<h2>${h(t.groups)}</h2>`,
    table([t.group, t.activated, t.acknowledged, t.used], rows),
  ];
}

function units({ report, lang, t, at, mins }: Page): string[] {
  if (report.units.length === 0) return [];
  const rows = report.units.map((u): Cell[] => {
    const tier = report.tiers.find((x) => x.tier === u.tier);
    const tags = [u.partner ? t.partner : "", u.live ? t.live : ""];
    const tagLine = tags.filter(Boolean).join("; ");
    return [
      {
        html:
          `<b>${h(u.callsign)}</b> ${h(pick(u.name, lang))}` +
          (tagLine ? `<br><small>${h(tagLine)}</small>` : ""),
        wrap: true,
      },
      { html: h(tier ? pick(tier.name, lang) : u.tier), wrap: true },
      at(u.dispatchedAt),
      verdict(t.answerText[u.answer], u.answer === "inTime"),
      at(u.assembledAt),
      { html: mins(u.minutesToAssembled), num: true },
      u.arrival === null ? "—" : verdict(t[u.arrival], u.arrival === "onTime"),
      h(u.replacedBy ?? "—"),
    ];
  });
  return [
    `<h2>${h(t.units)}</h2>`,
    table(
      [
        t.unit,
        t.tier,
        t.dispatched,
        t.answer,
        t.assembled,
        t.used,
        t.arrival,
        t.replacedBy,
      ],
      rows,
    ),
  ];
}

function replacements({ report, t, at, mins }: Page): string[] {
  if (report.replacements.length === 0) return [];
  const rows = report.replacements.map((r): Cell[] => [
    h(r.replaces),
    at(r.offeredAt),
    h(r.candidate ?? "—"),
    r.callsign === null ? "—" : `${h(r.callsign)} ${at(r.dispatchedAt)}`,
    { html: mins(r.minutesToDispatch), num: true },
  ]);
  return [
    `<h2>${h(t.replacements)}</h2>`,
    table([t.replaces, t.offered, t.candidate, t.dispatched, t.used], rows),
  ];
}

function steps({ report, lang, t, at, mins }: Page): string[] {
  if (report.steps.length === 0) return [];
  const rows = report.steps.map((s): Cell[] => [
    { html: h(pick(s.title, lang)), wrap: true },
    h(s.group),
    s.required ? h(t.yes) : h(t.no),
    at(s.dueAt),
    at(s.completedAt),
    s.result === "late"
      ? verdict(`${t.stepResult.late} +${mins(s.minutesLate)}`, false)
      : s.result === "notDone"
        ? h(t.stepResult.notDone)
        : verdict(t.stepResult[s.result], s.result === "done"),
  ]);
  return [
    `<h2>${h(t.steps)}</h2>`,
    table([t.step, t.group, t.required, t.due, t.completed, ""], rows),
  ];
}

function notes({ report, t, at }: Page): string[] {
  if (report.run.notes.length === 0) return [];
  const items = report.run.notes.map(
    (n) => `<li>${at(n.at)} ${h(n.text)}</li>`,
  );
  return [`<h2>${h(t.notes)}</h2>`, `<ul>${items.join("")}</ul>`];
}

function rulesAndEvents({ report, t, at }: Page): string[] {
  const rules = report.rules.map((r) => {
    const kind = r.kind === "strength" ? t.strengthRule : t.improveRule;
    return (
      `<li><span class="rule">${h(r.id)}</span> (${h(kind)}) ` +
      `${h(r.statement)}</li>`
    );
  });
  const events = report.events.map((e): Cell[] => [
    at(e.at),
    `<code>${h(e.type)}</code>`,
    { html: h(describe(e)), wrap: true },
  ]);
  return [
    `<h2>${h(t.rules)}</h2>`,
    `<ul class="findings">${rules.join("")}</ul>`,
    `<h2>${h(t.events)}</h2>`,
    table([t.time, t.type, t.details], events),
  ];
}

function verdict(text: string, good: boolean): string {
  return good ? `✓ ${h(text)}` : `<span class="late">✗ ${h(text)}</span>`;
}

function table(head: string[], rows: Cell[][]): string {
  const td = (cell: Cell) => {
    if (typeof cell === "string") return `<td>${cell}</td>`;
    const cls = [cell.num ? "num" : "", cell.wrap ? "wrap" : ""];
    const attr = cls.filter(Boolean).join(" ");
    return `<td${attr ? ` class="${attr}"` : ""}>${cell.html}</td>`;
  };
  const th = head.map((c) => `<th>${h(c)}</th>`).join("");
  const trs = rows.map((r) => `<tr>${r.map(td).join("")}</tr>`);
  return (
    `<table><thead><tr>${th}</tr></thead><tbody>\n` +
    `${trs.join("\n")}\n</tbody></table>`
  );
}

/** A short line of an event's payload: the fields a reader looks for. */
export function describe(event: ReportEvent): string {
  const data = event.data as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of DESCRIBED) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    parts.push(`${key} ${valueText(value)}`);
  }
  return parts.join(" · ");
}

const DESCRIBED = [
  "callsign",
  "tier",
  "group",
  "level",
  "headcount",
  "conduct",
  "replaces",
  "candidate",
  "reason",
  "minutes",
  "onTime",
  "missing",
  "note",
  "alertId",
  "step",
  "playbook",
] as const;

function valueText(value: unknown): string {
  if (typeof value === "number") return String(Math.round(value * 100) / 100);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.map(String).join(", ");
  return JSON.stringify(value);
}
