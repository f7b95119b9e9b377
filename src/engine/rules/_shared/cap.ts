/** Shared shape of the category cap rules (BUD-PERSONNEL, BUD-EVAL): plan and actual against a maximum. */
import { fill, type Text } from "../../i18n";
import type { RuleContext, RuleFinding } from "../types";
import { atCell } from "./where";
import { differenceNote, withNote } from "./shown";
import { budgetRow, crossingRow, spendingRows, total, type Category } from "./ledger";

export function categoryCap(
  ctx: RuleContext,
  category: Category,
  cap: number,
  label: Text
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const budget = ctx.table("Budget");
  const plan = budgetRow(ctx, category);
  if (plan && typeof plan.v.planned === "number" && plan.v.planned > cap) {
    findings.push({
      severity: "error",
      ...atCell(budget, plan, "planned"),
      message: {
        zh: fill(`${label.zh}预算 {planned} 元，超过上限 {cap} 元。`, {
          planned: plan.v.planned,
          cap,
        }),
        en: fill(`${label.en} planned at {planned} yuan, above the cap of {cap} yuan.`, {
          planned: plan.v.planned,
          cap,
        }),
      },
      figures: { planned: plan.v.planned, cap },
    });
  }
  const rows = spendingRows(ctx, category);
  const crossing = crossingRow(rows, cap);
  if (crossing) {
    const actual = total(rows);
    findings.push({
      severity: "error",
      ...atCell(ctx.table("Ledger"), crossing, "amount"),
      message: withNote(
        {
          zh: fill(
            `${label.zh}实际支出累计 {actual} 元，超过上限 {cap} 元（超出 {excess} 元）；本行支出后累计首次超过上限。`,
            {
              actual,
              cap,
              excess: actual - cap,
            }
          ),
          en: fill(
            `${label.en} spending totals {actual} yuan, above the cap of {cap} yuan (by {excess}); this payment first took the running total over the cap.`,
            {
              actual,
              cap,
              excess: actual - cap,
            }
          ),
        },
        differenceNote(ctx, category, actual)
      ),
      figures: { actual, cap, excess: Math.round((actual - cap) * 100) / 100 },
    });
  }
  return findings;
}
