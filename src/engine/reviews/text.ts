/** A finding's explanation and decision in words, for the CLI, the summary and the annotated copy. */
import type { Finding } from "../findings";
import type { Lang, Text } from "../i18n";
import type { FindingReview, ReviewDecision } from "./model";

export const DECISION_TEXT: Record<ReviewDecision, Text> = {
  认可: { zh: "认可", en: "accepted" },
  不认可: { zh: "不认可", en: "not accepted" },
  需整改: { zh: "需整改", en: "to be corrected" },
};

/** "已认可" beside a finding's severity. */
export const ACCEPTED: Text = { zh: "已认可", en: "accepted" };

/** "（王建华，2024-12-20）": who decided and when, as far as the row says. */
function who(r: FindingReview, lang: Lang): string {
  const parts = [r.by, r.date].filter(Boolean).join(lang === "zh" ? "，" : ", ");
  if (!parts) return "";
  return lang === "zh" ? `（${parts}）` : ` (${parts})`;
}

/** The decision in one line: "处理意见：认可（王建华，2024-12-20）；理由：…". */
export function decisionLine(r: FindingReview, lang: Lang): string | null {
  if (!r.decision) return null;
  const d = `${DECISION_TEXT[r.decision][lang]}${who(r, lang)}`;
  if (lang === "en") return `Decision: ${d}${r.reason ? `; reason: ${r.reason}` : ""}`;
  return `处理意见：${d}${r.reason ? `；理由：${r.reason}` : ""}`;
}

export function explanationLine(r: FindingReview, lang: Lang): string | null {
  if (!r.explanation) return null;
  return lang === "zh" ? `情况说明：${r.explanation}` : `Explanation: ${r.explanation}`;
}

/** What stands under a finding: its explanation, its decision, or that an earlier one lapsed. */
export function reviewLines(f: Pick<Finding, "review" | "earlierReview">, lang: Lang): string[] {
  const lines: string[] = [];
  if (f.review) {
    const e = explanationLine(f.review, lang);
    const d = decisionLine(f.review, lang);
    if (e) lines.push(e);
    if (d) lines.push(d);
  } else if (f.earlierReview) {
    const r = f.earlierReview;
    const then = r.decision
      ? lang === "zh"
        ? `此前的处理意见「${DECISION_TEXT[r.decision].zh}」${who(r, lang)}`
        : `The earlier decision, ${DECISION_TEXT[r.decision].en}${who(r, lang)},`
      : lang === "zh"
        ? "此前的情况说明"
        : "The earlier explanation";
    lines.push(
      lang === "zh"
        ? `${then}针对的是另一组数字；数字已变化，需重新处理。`
        : `${then} was for other figures; the figures have changed, so it needs to be given again.`
    );
  }
  return lines;
}
