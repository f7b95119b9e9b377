/**
 * A cap's pace in the interim stage (review-cycle.md section 3): at the average monthly
 * spending so far, a projected overrun is a warning naming the month the cap would be
 * crossed; otherwise one progress info with the figures. Nothing once the spending is over
 * the cap (the rule's error says so) or at the final stage.
 */
import { fill, type Text } from "../../i18n";
import type { EvidenceRow, PayeeTotal } from "../../evidence";
import { capPace, monthText } from "../../pace";
import type { RuleContext, RuleFinding } from "../types";

export interface CapPaceInput {
  actual: number;
  cap: number;
  /** What is spent, e.g. { zh: '人力成本', en: 'Personnel cost' }. */
  what: Text;
  /** The limit's name before its figure: 上限, 本类预算, 合同金额. */
  limit: Text;
  at: Pick<RuleFinding, "sheet" | "cell" | "target">;
  evidence?: EvidenceRow[];
  byPayee?: PayeeTotal[];
  /** The limit's key in the figures, as the rule's other findings name it (cap, planned, limit). */
  capKey?: string;
  /** Figures beside the pace, e.g. the category of BUD-OVERRUN. */
  figures?: Record<string, number | string>;
}

/** The pace figures of a cap, for its findings (left out of fingerprints). */
export function capPaceFigures(ctx: RuleContext, actual: number, cap: number) {
  const pace = capPace(ctx.stage, actual, cap);
  if (!pace) return {};
  return {
    headroom: pace.headroom,
    ...(pace.projected !== null ? { projected: pace.projected } : {}),
    ...(pace.crossMonth ? { crossMonth: pace.crossMonth } : {}),
  };
}

export function capPaceFinding(ctx: RuleContext, input: CapPaceInput): RuleFinding | null {
  const { actual, cap, what, limit } = input;
  const pace = capPace(ctx.stage, actual, cap);
  if (!pace || actual > cap) return null;
  const en = what.en.charAt(0).toLowerCase() + what.en.slice(1);
  const params = {
    actual,
    cap,
    headroom: pace.headroom,
    average: pace.average ?? 0,
    projected: pace.projected ?? 0,
    over: Math.round(((pace.projected ?? 0) - cap) * 100) / 100,
    why: actual === 0 ? "" : "（不足一个整月，暂不推算）",
    whyEn: actual === 0 ? "" : " (less than a whole month: no projection yet)",
  };
  const extra = {
    ...(input.evidence ? { evidence: input.evidence } : {}),
    ...(input.byPayee ? { byPayee: input.byPayee } : {}),
  };
  const figures = {
    ...input.figures,
    actual,
    [input.capKey ?? "cap"]: cap,
    headroom: pace.headroom,
    ...(pace.projected !== null ? { projected: pace.projected } : {}),
    ...(pace.crossMonth ? { crossMonth: pace.crossMonth } : {}),
  };
  if (pace.projectedOver && pace.crossMonth) {
    const month = monthText(pace.crossMonth);
    return {
      severity: "warning",
      ...input.at,
      message: {
        zh: fill(
          `按目前进度将超支：${what.zh}累计支出 {actual} 元，月均 {average} 元，照此至合同期末将达 {projected} 元，比${limit.zh} {cap} 元多 {over} 元，预计 ${month.zh}突破${limit.zh}。`,
          params
        ),
        en: fill(
          `Heading over: ${en} stands at {actual} yuan, {average} yuan a month; at this rate it reaches {projected} yuan by the contract end, {over} yuan above ${limit.en} of {cap} yuan, crossing it in ${month.en}.`,
          params
        ),
      },
      figures,
      ...extra,
    };
  }
  return {
    severity: "info",
    status: "progress",
    ...input.at,
    message:
      pace.projected === null || actual === 0
        ? {
            zh: fill(
              `进度：${what.zh}累计支出 {actual} 元，距${limit.zh} {cap} 元尚余 {headroom} 元{why}。`,
              params
            ),
            en: fill(
              `Progress: ${en} {actual} yuan, {headroom} yuan left under ${limit.en} of {cap} yuan{whyEn}.`,
              params
            ),
          }
        : {
            zh: fill(
              `进度：${what.zh}累计支出 {actual} 元，距${limit.zh} {cap} 元尚余 {headroom} 元；按月均 {average} 元推算，至合同期末约 {projected} 元。`,
              params
            ),
            en: fill(
              `Progress: ${en} {actual} yuan, {headroom} yuan left under ${limit.en} of {cap} yuan; at {average} yuan a month, about {projected} yuan by the contract end.`,
              params
            ),
          },
    figures,
    ...extra,
  };
}
