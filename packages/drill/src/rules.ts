import type {
  Evaluation,
  Finding,
  IncidentFigures,
  TierFigures,
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

// Thresholds the plan does not give; they are the evaluation's own and
// named here so that a reader of the report can check them.
/** A group lead acknowledging later than this is worth improving. */
export const GROUP_ACK_MINUTES = 5;
/** Activating the command post within this of grading is a strength. */
export const COMMAND_POST_MINUTES = 1;
/** A replacement dispatched later than this after its offer is slow. */
export const REPLACEMENT_MINUTES = 2;
/** A tier assembled within this share of its clock is a strength. */
export const QUICK_SHARE = 0.5;

const num = (n: number) => String(n);
const zhTier = (t: TierFigures) => t.name.zh;
const enTier = (t: TierFigures) => t.name.en;

function finding(rule: string, zh: string, en: string): Finding {
  return { rule, text: { zh, en } };
}

/** The rules, in the order their findings are listed. */
export const rules: readonly Rule[] = [
  {
    id: "level.matched",
    kind: "strength",
    statement: "the incident reached the level the scenario expects",
    apply: ({ incident: i }) =>
      i.levelMatched
        ? [finding("level.matched", `定级达到预期的${i.expectedLevel}级`, `reached the expected level ${i.expectedLevel}`)]
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
            finding(
              "level.missed",
              `定级为${i.levelReached}，预期为${i.expectedLevel}`,
              `reached level ${i.levelReached}; the scenario expects ${i.expectedLevel}`,
            ),
          ],
  },
  {
    id: "tiers.allOnTime",
    kind: "strength",
    statement: "every tier dispatched assembled at or before its deadline",
    apply: ({ tiers }) =>
      tiers.length > 0 && tiers.every((t) => t.result === "onTime")
        ? [
            finding(
              "tiers.allOnTime",
              `全部${tiers.length}个梯次按时集结到位`,
              `every tier assembled on time (${tiers.length} of ${tiers.length})`,
            ),
          ]
        : [],
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
          finding(
            "tier.quick",
            `${zhTier(t)}${num(t.minutesToAssembled!)}分钟集结到位（时限${t.clockMinutes}分钟）`,
            `${enTier(t)} assembled in ${num(t.minutesToAssembled!)} min against a ${t.clockMinutes} min clock`,
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
          finding(
            "tier.late",
            `${zhTier(t)}超时${num(t.minutesLate!)}分钟（用时${num(t.minutesToAssembled!)}分钟，时限${t.clockMinutes}分钟）`,
            `${enTier(t)} late by ${num(t.minutesLate!)} min (${num(t.minutesToAssembled!)} min against a ${t.clockMinutes} min clock)`,
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
          finding(
            "tier.never",
            `${zhTier(t)}直至演练结束未集结到位（时限${t.clockMinutes}分钟）`,
            `${enTier(t)} never assembled (${t.clockMinutes} min clock)`,
          ),
        ),
  },
  {
    id: "commandPost.prompt",
    kind: "strength",
    statement: `the command post stood up within ${COMMAND_POST_MINUTES} min of grading`,
    apply: ({ incident: i }) =>
      i.gradedAt !== null &&
      i.commandPostActivatedAt !== null &&
      minutesBetween(i.gradedAt, i.commandPostActivatedAt) <= COMMAND_POST_MINUTES
        ? [
            finding(
              "commandPost.prompt",
              `定级后${COMMAND_POST_MINUTES}分钟内成立指挥部`,
              `command post stood up within ${COMMAND_POST_MINUTES} min of grading`,
            ),
          ]
        : [],
  },
  {
    id: "groups.prompt",
    kind: "strength",
    statement: `every group lead acknowledged within ${GROUP_ACK_MINUTES} min of activation`,
    apply: ({ groups }) =>
      groups.length > 0 &&
      groups.every(
        (g) =>
          g.minutesToAcknowledge !== null &&
          g.minutesToAcknowledge <= GROUP_ACK_MINUTES,
      )
        ? [
            finding(
              "groups.prompt",
              `全部${groups.length}个工作组在${GROUP_ACK_MINUTES}分钟内确认启动`,
              `all ${groups.length} groups acknowledged within ${GROUP_ACK_MINUTES} min`,
            ),
          ]
        : [],
  },
  {
    id: "group.slow",
    kind: "improve",
    statement: `a group lead acknowledged more than ${GROUP_ACK_MINUTES} min after activation`,
    apply: ({ groups }) =>
      groups
        .filter(
          (g) =>
            g.minutesToAcknowledge !== null &&
            g.minutesToAcknowledge > GROUP_ACK_MINUTES,
        )
        .map((g) =>
          finding(
            "group.slow",
            `${g.name.zh}${num(g.minutesToAcknowledge!)}分钟后才确认启动`,
            `${g.name.en} acknowledged after ${num(g.minutesToAcknowledge!)} min`,
          ),
        ),
  },
  {
    id: "group.never",
    kind: "improve",
    statement: "a group lead never acknowledged activation",
    apply: ({ groups }) =>
      groups
        .filter((g) => g.acknowledgedAt === null)
        .map((g) =>
          finding(
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
        .map((u) =>
          finding(
            "unit.declined",
            `${u.callsign}拒绝出动（${u.declineReason ?? ""}）${u.replacedBy ? `，由${u.replacedBy}替补` : "，未替补"}`,
            `${u.callsign} declined (${u.declineReason ?? ""})${u.replacedBy ? `; replaced by ${u.replacedBy}` : "; not replaced"}`,
          ),
        ),
  },
  {
    id: "unit.neverAnswered",
    kind: "improve",
    statement: "a dispatched unit never acknowledged",
    apply: ({ units }) =>
      units
        .filter((u) => u.answer === "never")
        .map((u) =>
          finding(
            "unit.neverAnswered",
            `${u.callsign}始终未应答${u.replacedBy ? `，由${u.replacedBy}替补` : "，未替补"}`,
            `${u.callsign} never acknowledged${u.replacedBy ? `; replaced by ${u.replacedBy}` : "; not replaced"}`,
          ),
        ),
  },
  {
    id: "unit.answeredLate",
    kind: "improve",
    statement: "a unit acknowledged after its acknowledgement deadline",
    apply: ({ units }) =>
      units
        .filter((u) => u.answer === "late")
        .map((u) =>
          finding(
            "unit.answeredLate",
            `${u.callsign}超过应答时限${num(minutesBetween(u.ackDeadline, u.acknowledgedAt!))}分钟才应答`,
            `${u.callsign} acknowledged ${num(minutesBetween(u.ackDeadline, u.acknowledgedAt!))} min after its deadline`,
          ),
        ),
  },
  {
    id: "replacement.slow",
    kind: "improve",
    statement: `a replacement was dispatched more than ${REPLACEMENT_MINUTES} min after it was offered`,
    apply: ({ replacements }) =>
      replacements
        .filter(
          (r) =>
            r.minutesToDispatch !== null &&
            r.minutesToDispatch > REPLACEMENT_MINUTES,
        )
        .map((r) =>
          finding(
            "replacement.slow",
            `替补${r.replaces}的${r.callsign}在提出后${num(r.minutesToDispatch!)}分钟才派出`,
            `replacement ${r.callsign} for ${r.replaces} dispatched ${num(r.minutesToDispatch!)} min after the offer`,
          ),
        ),
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
          finding(
            "replacement.missing",
            r.candidate === null
              ? `${r.replaces}无同梯次空闲力量可替补`
              : `${r.replaces}的替补（${r.candidate}）未被接受`,
            r.candidate === null
              ? `no free unit of the tier to replace ${r.replaces}`
              : `replacement ${r.candidate} for ${r.replaces} was never accepted`,
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
        finding(
          "mutualAid.onTime",
          `片区联动力量（${list}）按时集结到位`,
          `partner-district units (${list}) assembled on time`,
        ),
      ];
    },
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
