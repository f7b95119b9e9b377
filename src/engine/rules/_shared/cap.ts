/** Shared shape of the category cap rules (BUD-PERSONNEL, BUD-EVAL): plan and actual against a maximum. */
import { fill, type Text } from "../../i18n";
import type { RuleContext, RuleFinding } from "../types";
import { atCell } from "./where";
import { differenceNote, withNote } from "./shown";
import { budgetRow, crossingRow, spendingRows, total, type Category } from "./ledger";
import { byPayee, ledgerEvidence } from "./evidence";
import { capPaceFigures, capPaceFinding } from "./cap-pace";

export const CAP_LIMIT: Text = { zh: "上限", en: "the cap" };

/** The budget row's 实际支出 cell, where a category's spending shows; else its header. */
export function spendingCell(ctx: RuleContext, category: Category) {
  const budget = ctx.table("Budget");
  const plan = budgetRow(ctx, category);
  return plan && budget.loc.columns.actual !== undefined
    ? atCell(budget, plan, "actual")
    : atCell(budget, budget.loc.headerRow, "category");
}

/**
 * Plan and actual against the cap; in the interim stage the pace of the spending (a projected
 * overrun, or progress). `payees`: group the spending by payee (personnel).
 */
export function categoryCap(
  ctx: RuleContext,
  category: Category,
  cap: number,
  label: Text,
  payees = false
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
  const actual = total(rows);
  const evidence = ledgerEvidence(ctx, category);
  const extra = { evidence, ...(payees ? { byPayee: byPayee(ctx, evidence) } : {}) };
  if (crossing) {
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
      figures: {
        actual,
        cap,
        excess: Math.round((actual - cap) * 100) / 100,
        ...capPaceFigures(ctx, actual, cap),
      },
      ...extra,
    });
  }
  const pace = capPaceFinding(ctx, {
    actual,
    cap,
    what: label,
    limit: CAP_LIMIT,
    at: spendingCell(ctx, category),
    ...extra,
  });
  if (pace) findings.push(pace);
  return findings;
}
