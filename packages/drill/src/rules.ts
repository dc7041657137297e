import type {
  Evaluation,
  Finding,
  IncidentFigures,
  TierFigures,
  UnitFigures,
} from "./figures.ts";
import { minutesBetween } from "./minutes.ts";

/** The figures the rules read: an evaluation before its findings. */
export type Figures = Omit<Evaluation, "strengths" | "improvements"> & {
  incident: IncidentFigures;
};

/** A rule turning figures into strengths or items to improve. */
export interface Rule {
  id: string;
  kind: "strength" | "improve";
  /** The rule in one sentence, as the report's reader may check it. */
  statement: string;
  apply(figures: Figures): Finding[];
}

// Thresholds the plan does not give: the evaluation's own, named here so
// that a reader of the report can check them.
/** A group lead acknowledging later than this is worth improving. */
export const GROUP_ACK_MINUTES = 5;
/** Activating the command post within this of grading is a strength. */
export const COMMAND_POST_MINUTES = 1;
/** A replacement dispatched later than this after its offer is slow. */
export const REPLACEMENT_MINUTES = 2;
/** A tier assembled within this share of its clock is a strength. */
export const QUICK_SHARE = 0.5;

function say(rule: string, zh: string, en: string): Finding {
  return { rule, text: { zh, en } };
}

const took = (t: TierFigures) => t.minutesToAssembled ?? 0;

function replacedBy(u: UnitFigures): { zh: string; en: string } {
  return u.replacedBy
    ? { zh: `，由${u.replacedBy}替补`, en: `; replaced by ${u.replacedBy}` }
    : { zh: "，未替补", en: "; not replaced" };
}

/** The rules, in the order their findings are listed. */
export const rules: readonly Rule[] = [
  {
    id: "level.matched",
    kind: "strength",
    statement: "the incident reached the level the scenario expects",
    apply: ({ incident: i }) =>
      i.levelMatched
        ? [
            say(
              "level.matched",
              `定级达到预期的${i.expectedLevel}级`,
              `reached the expected level ${i.expectedLevel}`,
            ),
          ]
        : [],
  },
  {
    id: "level.missed",
    kind: "improve",
    statement: "the incident did not reach the level the scenario expects",
    apply: ({ incident: i }) =>
      i.levelMatched
        ? []
        : [
            say(
              "level.missed",
              `定级为${i.levelReached}，预期为${i.expectedLevel}`,
              `reached level ${i.levelReached}; ` +
                `the scenario expects ${i.expectedLevel}`,
            ),
          ],
  },
  {
    id: "tiers.allOnTime",
    kind: "strength",
    statement: "every tier dispatched assembled at or before its deadline",
    apply: ({ tiers }) => {
      const n = tiers.length;
      if (n === 0 || !tiers.every((t) => t.result === "onTime")) return [];
      return [
        say(
          "tiers.allOnTime",
          `全部${n}个梯次按时集结到位`,
          `every tier assembled on time (${n} of ${n})`,
        ),
      ];
    },
  },
  {
    id: "tier.quick",
    kind: "strength",
    statement: `a tier assembled within ${QUICK_SHARE * 100}% of its clock`,
    apply: ({ tiers }) =>
      tiers
        .filter(
          (t) =>
            t.msToAssembled !== null &&
            t.msToAssembled <= t.clockMinutes * 60_000 * QUICK_SHARE,
        )
        .map((t) =>
          say(
            "tier.quick",
            `${t.name.zh}${took(t)}分钟集结到位（时限${t.clockMinutes}分钟）`,
            `${t.name.en} assembled in ${took(t)} min ` +
              `against a ${t.clockMinutes} min clock`,
          ),
        ),
  },
  {
    id: "tier.late",
    kind: "improve",
    statement: "a tier assembled after its deadline",
    apply: ({ tiers }) =>
      tiers
        .filter((t) => t.result === "late")
        .map((t) =>
          say(
            "tier.late",
            `${t.name.zh}超时${t.minutesLate}分钟` +
              `（用时${took(t)}分钟，时限${t.clockMinutes}分钟）`,
            `${t.name.en} late by ${t.minutesLate} min ` +
              `(${took(t)} min against a ${t.clockMinutes} min clock)`,
          ),
        ),
  },
  {
    id: "tier.never",
    kind: "improve",
    statement: "a tier had not assembled when the drill ended",
    apply: ({ tiers }) =>
      tiers
        .filter((t) => t.result === "never")
        .map((t) =>
          say(
            "tier.never",
            `${t.name.zh}直至演练结束未集结到位（时限${t.clockMinutes}分钟）`,
            `${t.name.en} never assembled (${t.clockMinutes} min clock)`,
          ),
        ),
  },
  {
    id: "commandPost.prompt",
    kind: "strength",
    statement:
      `the command post stood up within ${COMMAND_POST_MINUTES} min ` +
      "of grading",
    apply: ({ incident: i }) => {
      if (i.gradedAt === null || i.commandPostActivatedAt === null) return [];
      const m = minutesBetween(i.gradedAt, i.commandPostActivatedAt);
      if (m > COMMAND_POST_MINUTES) return [];
      return [
        say(
          "commandPost.prompt",
          `定级后${COMMAND_POST_MINUTES}分钟内成立指挥部`,
          `command post stood up within ${COMMAND_POST_MINUTES} min ` +
            "of grading",
        ),
      ];
    },
  },
  {
    id: "groups.prompt",
    kind: "strength",
    statement:
      `every group lead acknowledged within ${GROUP_ACK_MINUTES} min ` +
      "of activation",
    apply: ({ groups }) => {
      const n = groups.length;
      const prompt = (m: number | null) => m !== null && m <= GROUP_ACK_MINUTES;
      if (n === 0 || !groups.every((g) => prompt(g.minutesToAcknowledge))) {
        return [];
      }
      return [
        say(
          "groups.prompt",
          `全部${n}个工作组在${GROUP_ACK_MINUTES}分钟内确认启动`,
          `all ${n} groups acknowledged within ${GROUP_ACK_MINUTES} min`,
        ),
      ];
    },
  },
  {
    id: "group.slow",
    kind: "improve",
    statement:
      `a group lead acknowledged more than ${GROUP_ACK_MINUTES} min ` +
      "after activation",
    apply: ({ groups }) =>
      groups.flatMap((g) => {
        const m = g.minutesToAcknowledge;
        if (m === null || m <= GROUP_ACK_MINUTES) return [];
        return [
          say(
            "group.slow",
            `${g.name.zh}${m}分钟后才确认启动`,
            `${g.name.en} acknowledged after ${m} min`,
          ),
        ];
      }),
  },
  {
    id: "group.never",
    kind: "improve",
    statement: "a group lead never acknowledged activation",
    apply: ({ groups }) =>
      groups
        .filter((g) => g.acknowledgedAt === null)
        .map((g) =>
          say(
            "group.never",
            `${g.name.zh}始终未确认启动`,
            `${g.name.en} never acknowledged`,
          ),
        ),
  },
  {
    id: "unit.declined",
    kind: "improve",
    statement: "a dispatched unit declined",
    apply: ({ units }) =>
      units
        .filter((u) => u.answer === "declined")
        .map((u) => {
          const by = replacedBy(u);
          const reason = u.declineReason ?? "";
          return say(
            "unit.declined",
            `${u.callsign}拒绝出动（${reason}）${by.zh}`,
            `${u.callsign} declined (${reason})${by.en}`,
          );
        }),
  },
  {
    id: "unit.neverAnswered",
    kind: "improve",
    statement: "a dispatched unit never acknowledged",
    apply: ({ units }) =>
      units
        .filter((u) => u.answer === "never")
        .map((u) => {
          const by = replacedBy(u);
          return say(
            "unit.neverAnswered",
            `${u.callsign}始终未应答${by.zh}`,
            `${u.callsign} never acknowledged${by.en}`,
          );
        }),
  },
  {
    id: "unit.answeredLate",
    kind: "improve",
    statement: "a unit acknowledged after its acknowledgement deadline",
    apply: ({ units }) =>
      units.flatMap((u) => {
        if (u.answer !== "late" || u.acknowledgedAt === null) return [];
        const m = minutesBetween(u.ackDeadline, u.acknowledgedAt);
        return [
          say(
            "unit.answeredLate",
            `${u.callsign}超过应答时限${m}分钟才应答`,
            `${u.callsign} acknowledged ${m} min after its deadline`,
          ),
        ];
      }),
  },
  {
    id: "replacement.slow",
    kind: "improve",
    statement:
      `a replacement was dispatched more than ${REPLACEMENT_MINUTES} min ` +
      "after it was offered",
    apply: ({ replacements }) =>
      replacements.flatMap((r) => {
        const m = r.minutesToDispatch;
        if (m === null || m <= REPLACEMENT_MINUTES) return [];
        return [
          say(
            "replacement.slow",
            `替补${r.replaces}的${r.callsign}在提出后${m}分钟才派出`,
            `replacement ${r.callsign} for ${r.replaces} ` +
              `dispatched ${m} min after the offer`,
          ),
        ];
      }),
  },
  {
    id: "replacement.missing",
    kind: "improve",
    statement: "a unit offered for replacement was never replaced",
    apply: ({ replacements, units }) =>
      replacements
        .filter((r) => r.dispatchedAt === null)
        // A late answer withdraws the offer; only units still out count.
        .filter((r) => {
          const unit = units.find((u) => u.callsign === r.replaces);
          return unit === undefined || unit.acknowledgedAt === null;
        })
        .map((r) =>
          r.candidate === null
            ? say(
                "replacement.missing",
                `${r.replaces}无同梯次空闲力量可替补`,
                `no free unit of the tier to replace ${r.replaces}`,
              )
            : say(
                "replacement.missing",
                `${r.replaces}的替补（${r.candidate}）未被接受`,
                `replacement ${r.candidate} for ${r.replaces} ` +
                  "was never accepted",
              ),
        ),
  },
  {
    id: "mutualAid.onTime",
    kind: "strength",
    statement: "every partner-district unit that set out assembled on time",
    apply: ({ units }) => {
      const partners = units.filter((u) => u.partner && u.arrival !== null);
      if (partners.length === 0) return [];
      if (!partners.every((u) => u.arrival === "onTime")) return [];
      const list = partners.map((u) => u.callsign).join(", ");
      return [
        say(
          "mutualAid.onTime",
          `片区联动力量（${list}）按时集结到位`,
          `partner-district units (${list}) assembled on time`,
        ),
      ];
    },
  },
  {
    id: "steps.onTime",
    kind: "strength",
    statement: "every required playbook step was done by its due time",
    apply: ({ steps }) => {
      const required = steps.filter((s) => s.required);
      if (required.length === 0) return [];
      if (!required.every((s) => s.result === "done")) return [];
      return [
        say(
          "steps.onTime",
          `处置流程的 ${required.length} 个必做步骤均按时完成`,
          `all ${required.length} required playbook steps done on time`,
        ),
      ];
    },
  },
  {
    id: "step.late",
    kind: "improve",
    statement: "a playbook step done after its due time",
    apply: ({ steps }) =>
      steps
        .filter((s) => s.result === "late")
        .map((s) =>
          say(
            "step.late",
            `步骤“${s.title.zh}”（${s.group}）晚了 ${s.minutesLate} 分钟`,
            `step "${s.title.en}" (${s.group}) was done ` +
              `${s.minutesLate} min late`,
          ),
        ),
  },
  {
    id: "step.skipped",
    kind: "improve",
    statement: "a required playbook step never done",
    apply: ({ steps }) =>
      steps
        .filter((s) => s.result === "skipped")
        .map((s) =>
          say(
            "step.skipped",
            `必做步骤“${s.title.zh}”（${s.group}）未完成`,
            `required step "${s.title.en}" (${s.group}) was skipped`,
          ),
        ),
  },
];

/** Runs every rule over the figures: strengths and items to improve. */
export function applyRules(
  figures: Figures,
): Pick<Evaluation, "strengths" | "improvements"> {
  const strengths: Finding[] = [];
  const improvements: Finding[] = [];
  for (const rule of rules) {
    const found = rule.apply(figures);
    (rule.kind === "strength" ? strengths : improvements).push(...found);
  }
  return { strengths, improvements };
}
