/**
 * The verdict of a target rule at the project's stage (rules.md "Stage"): at the final
 * stage a shortfall is an error; in the interim, behind target x elapsed is a warning, and
 * anything else an info showing progress.
 */
import type { Text } from "../../i18n";
import { fill } from "../../i18n";
import type { RuleContext, RuleFinding } from "../types";
import { withNote } from "./shown";
import { isDateReason, type EvidenceRow } from "../../evidence";
import { monthsLeft, neededPerMonth, projectedAtEnd } from "../../pace";

export interface TargetInput {
  actual: number;
  target: number;
  /** What is counted, e.g. { zh: '专业服务活动', en: 'professional service activities' }. */
  what: Text;
  /** Unit after numbers, e.g. { zh: '场', en: '' }. */
  unit: Text;
  at: Pick<RuleFinding, "sheet" | "cell" | "target">;
  /** Records left out because they fall outside the contract period up to AsOfDate. */
  excluded?: number;
  /** Extra figures to show beside actual / target / expected. */
  figures?: Record<string, number | string>;
  /** A sentence after the verdict, e.g. why the workbook shows another figure. */
  note?: Text | null;
  /** The rows behind the figure: counted, and left out with a reason. */
  evidence?: EvidenceRow[];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * What is due by now, as a figure people can reach: target x elapsed rounded up to a whole
 * number (5 家, not 4.17 家; 13,334 元, not 13,333.33 元). For whole counts, "behind" against
 * this figure is exactly rules.md's actual < target x elapsed.
 */
export function expectedByNow(ctx: RuleContext, target: number): number {
  return wholeDue(target, ctx.stage.elapsed);
}

export function wholeDue(target: number, elapsed: number): number {
  // The product carries float noise (10 x 0.7 = 7.000000000000001): round it off first.
  return Math.ceil(Math.round(target * elapsed * 1e6) / 1e6);
}

export function targetVerdict(ctx: RuleContext, input: TargetInput): RuleFinding[] {
  const { actual, target, what, unit, at } = input;
  const findings: RuleFinding[] = [];
  const u = (s: Text) => ({ zh: s.zh, en: s.en ? ` ${s.en}` : "" });
  const units = u(unit);
  if (ctx.stage.kind === "final") {
    if (actual < target) {
      findings.push({
        severity: "error",
        ...at,
        message: {
          zh: fill(
            `项目末期${what.zh}为 {actual}${units.zh}，未达到目标 {target}${units.zh}（差 {gap}${units.zh}）。`,
            {
              actual,
              target,
              gap: round(target - actual),
            }
          ),
          en: fill(
            `At the final stage ${what.en} stand at {actual}${units.en}, short of the target of {target}${units.en} (by {gap}).`,
            {
              actual,
              target,
              gap: round(target - actual),
            }
          ),
        },
        figures: { actual, target, ...input.figures },
      });
    }
  } else {
    const expected = expectedByNow(ctx, target);
    const behind = actual < target * ctx.stage.elapsed - 1e-9;
    const months = { elapsed: ctx.stage.monthsElapsed, total: ctx.stage.monthsTotal };
    const needed = neededPerMonth(ctx.stage, actual, target);
    const projected = projectedAtEnd(ctx.stage, actual);
    findings.push({
      severity: behind ? "warning" : "info",
      ...(behind ? {} : { status: "progress" as const }),
      ...at,
      message: behind
        ? {
            zh: fill(
              `中期进度滞后：${what.zh}目前为 {actual}${units.zh}，按已过 {elapsed}/{total} 个月应达到 {expected}${units.zh}（全年目标 {target}${units.zh}）。`,
              {
                actual,
                expected,
                target,
                ...months,
              }
            ),
            en: fill(
              `Behind schedule: ${what.en} stand at {actual}${units.en}; {expected} expected after {elapsed} of {total} months (target {target}).`,
              {
                actual,
                expected,
                target,
                ...months,
              }
            ),
          }
        : {
            zh: fill(
              `进度：${what.zh} {actual} / {target}${units.zh}，按已过 {elapsed}/{total} 个月应达到 {expected}${units.zh}。`,
              {
                actual,
                expected,
                target,
                ...months,
              }
            ),
            en: fill(
              `Progress: ${what.en} {actual} / {target}{unitEn}; {expected} expected after {elapsed} of {total} months.`,
              {
                actual,
                expected,
                target,
                unitEn: units.en,
                ...months,
              }
            ),
          },
      figures: {
        actual,
        target,
        expected,
        ...input.figures,
        neededPerMonth: needed,
        ...(projected !== null ? { projected } : {}),
      },
    });
    findings[0].message = withNote(
      findings[0].message,
      neededNote(needed, monthsLeft(ctx.stage), target - actual, units)
    );
  }
  if (input.evidence && findings.length) findings[0].evidence = input.evidence;
  if (input.note && findings.length)
    findings[0].message = withNote(findings[0].message, input.note);
  if (input.excluded) {
    // The rows the info speaks of, when the evidence gives exactly those (each row has one reason).
    const dated = input.evidence?.filter((e) => !e.counted && isDateReason(e.reason));
    findings.push(
      excludedInfo(input.excluded, what, at, dated?.length === input.excluded ? dated : undefined)
    );
  }
  return findings;
}

/** "此后每月需完成 2 场（剩余 6 个月）。": the rate the target needs from now on. */
function neededNote(needed: number, left: number, gap: number, units: Text): Text | null {
  if (needed <= 0) return null;
  if (left <= 0)
    return {
      zh: fill(`合同期内还需完成 {gap}${units.zh}。`, { gap: round(gap) }),
      en: fill(`{gap}${units.en} still due before the contract ends.`, { gap: round(gap) }),
    };
  return {
    zh: fill(`此后每月需完成 {needed}${units.zh}（剩余 {left} 个月）。`, { needed, left }),
    en: fill(`{needed}${units.en} a month needed from now on ({left} months left).`, {
      needed,
      left,
    }),
  };
}

export function excludedInfo(
  excluded: number,
  what: Text,
  at: TargetInput["at"],
  evidence?: EvidenceRow[]
): RuleFinding {
  return {
    severity: "info",
    ...at,
    ...(evidence?.length ? { evidence } : {}),
    message: {
      zh: `有 ${excluded} 条记录日期为空、早于合同开始日期或晚于报告截止日期，未计入${what.zh}。`,
      en: `${excluded} records without a date, dated before the contract start or after the reporting date, were not counted toward ${what.en}.`,
    },
    figures: { excluded },
  };
}
