/**
 * REV-STALE: a row of 审核意见 that applies to no finding of this check. It depends on every
 * other finding, so the review step (engine/reviews/apply.ts) reports it after all rules have
 * run, with the finding built here; the rule's own check gives nothing.
 */
import { defineRule, type RuleFinding } from "../types";
import type { Text } from "../../i18n";
import type { ReviewRow, ReviewSheet } from "../../reviews/model";
import { rangeA1 } from "../../util/address";

export default defineRule({
  id: "REV-STALE",
  area: "data",
  kind: "always",
  severities: ["info"],
  clause: "工作簿约定",
  title: { zh: "审核意见不对应问题", en: "Review row without a finding" },
  fix: {
    zh: "问题已纠正的，此行可留作记录；数字已变化的，请对该问题重新填写情况说明或处理意见。",
    en: "If the problem was put right, keep the row for the record; if its figures changed, explain or decide on the finding again.",
  },
  describe: () => ({
    zh: "「审核意见」表的每一行应对应本次检查的一个问题；不对应任何问题的行（问题已纠正，或数字已变化）给出提示。",
    en: "Each row of 审核意见 should apply to a finding of this check; a row that applies to none (the problem was put right, or its figures changed) gives an info.",
  }),
  needs: [],
  check: () => [],
});

/**
 * The info on a stale row, across the row. `changed`: a finding of the same rule stands at the
 * same place with other figures; `title`: the rule's name, when the row names a known rule.
 */
export function staleFinding(
  sheet: ReviewSheet,
  row: ReviewRow,
  changed: boolean,
  title: Text | undefined
): RuleFinding {
  const what = {
    zh: title?.zh ?? row.rule ?? "",
    en: title?.en ?? row.rule ?? "",
  };
  const where = row.location ?? "";
  const message: Text = changed
    ? {
        zh: `第 ${row.row + 1} 行的审核意见（${what.zh}，位置 ${where}）是针对另一组数字填写的：该处的问题数字已变化，原情况说明或处理意见不再适用，需重新处理。`,
        en: `The review in row ${row.row + 1} (${what.en} at ${where}) was written for other figures: the finding there has changed, so the earlier explanation or decision no longer applies and needs to be given again.`,
      }
    : {
        zh: `第 ${row.row + 1} 行的审核意见（${what.zh}，位置 ${where}）不对应本次检查的任何问题：问题可能已纠正，或其数字已变化。`,
        en: `The review in row ${row.row + 1} (${what.en} at ${where}) applies to no finding of this check: the problem may have been put right, or its figures changed.`,
      };
  return {
    severity: "info",
    sheet: sheet.sheet,
    cell: rangeA1({
      start: { row: row.row, col: sheet.span.first },
      end: { row: row.row, col: sheet.span.last },
    }),
    message,
  };
}
