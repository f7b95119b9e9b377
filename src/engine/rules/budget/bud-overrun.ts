import { fill } from "../../i18n";
import { defineRule, type RuleFinding } from "../types";
import { atCell } from "../_shared/where";
import { differenceNote, withNote } from "../_shared/shown";
import { CATEGORIES, budgetRow, crossingRow, spendingRows, total } from "../_shared/ledger";
import { ledgerEvidence } from "../_shared/evidence";
import { capPaceFigures, capPaceFinding } from "../_shared/cap-pace";
import { spendingCell } from "../_shared/cap";

const CATEGORY_EN: Record<(typeof CATEGORIES)[number], string> = {
  人力成本: "Personnel",
  服务性支出: "Service",
  评估及其他: "Evaluation and other",
};

export default defineRule({
  id: "BUD-OVERRUN",
  area: "budget",
  kind: "cap",
  severities: ["warning"],
  clause: "三.2",
  title: { zh: "超出本类预算", en: "Category over its plan" },
  fix: {
    zh: "核对本类支出是否记错类别；确需超支的，按程序报批调整预算。",
    en: "Check the rows' categories; if the overspend is real, have the budget change approved.",
  },
  describe: () => ({
    zh: "各类别实际支出不应超过本项目预算中该类别的计划金额。",
    en: "A category's actual spending should not exceed its own planned amount.",
  }),
  needs: ["Budget.category", "Budget.planned", "Ledger.category", "Ledger.amount"],
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const category of CATEGORIES) {
      const plan = budgetRow(ctx, category);
      if (!plan || typeof plan.v.planned !== "number") continue;
      const planned = plan.v.planned;
      const rows = spendingRows(ctx, category);
      const crossing = crossingRow(rows, planned);
      const actual = total(rows);
      const evidence = ledgerEvidence(ctx, category);
      if (!crossing) {
        // A category planned at nothing has no pace to show.
        const pace =
          planned > 0 &&
          capPaceFinding(ctx, {
            actual,
            cap: planned,
            what: { zh: `「${category}」`, en: `${CATEGORY_EN[category]} spending` },
            limit: { zh: "本类预算", en: "its plan" },
            at: spendingCell(ctx, category),
            evidence,
            capKey: "planned",
            figures: { category },
          });
        if (pace) findings.push(pace);
        continue;
      }
      findings.push({
        severity: "warning",
        ...atCell(ctx.table("Ledger"), crossing, "amount"),
        message: withNote(
          {
            zh: fill(
              `「{category}」实际支出 {actual} 元，超过本类预算 {planned} 元（超出 {excess} 元）；本行支出后首次超出。`,
              {
                category,
                actual,
                planned: plan.v.planned,
                excess: actual - plan.v.planned,
              }
            ),
            en: fill(
              `"{category}" spending totals {actual} yuan, over its plan of {planned} yuan (by {excess}); this payment first went over.`,
              {
                category,
                actual,
                planned: plan.v.planned,
                excess: actual - plan.v.planned,
              }
            ),
          },
          differenceNote(ctx, category, actual)
        ),
        figures: { category, actual, planned, ...capPaceFigures(ctx, actual, planned) },
        evidence,
      });
    }
    return findings;
  },
});
