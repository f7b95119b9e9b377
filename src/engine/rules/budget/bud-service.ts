import { fill } from "../../i18n";
import { defineRule, type RuleContext, type RuleFinding } from "../types";
import { atCell } from "../_shared/where";
import { budgetRow, spendingRows, total } from "../_shared/ledger";
import { inPeriod } from "../_shared/period";
import { targetVerdict } from "../_shared/target";
import { differenceNote } from "../_shared/shown";
import { ledgerEvidence } from "../_shared/evidence";

const WHAT = { zh: "服务性支出", en: "service spending" };
const UNIT = { zh: "元", en: "yuan" };

function counted(ctx: RuleContext) {
  const { counted, excluded, left } = inPeriod(ctx, spendingRows(ctx, "服务性支出"), "date");
  return { actual: total(counted), excluded, left };
}

export default defineRule({
  id: "BUD-SERVICE",
  area: "budget",
  kind: "target",
  severities: ["error", "warning", "info"],
  clause: "三.1",
  title: { zh: "服务性支出下限", en: "Service spending floor" },
  fix: {
    zh: "提高服务性支出预算至下限以上，并按计划开展服务、及时入账。",
    en: "Raise the service budget to the floor and book the service spending as it happens.",
  },
  describe: (rs) => ({
    zh: `服务性支出至少 ${rs.budget.serviceMin.toLocaleString("en-US")} 元：预算须达到（始终检查），实际支出为目标值（末期未达为错误，中期按进度提示）。`,
    en: `Service spending of at least ${rs.budget.serviceMin.toLocaleString("en-US")} yuan: the plan must reach it (always), the actual is a target.`,
  }),
  needs: ["Budget.category", "Budget.planned", "Ledger.category", "Ledger.amount", "Ledger.date"],
  check(ctx) {
    const findings: RuleFinding[] = [];
    const min = ctx.ruleset.budget.serviceMin;
    const budget = ctx.table("Budget");
    const plan = budgetRow(ctx, "服务性支出");
    const planned = plan && typeof plan.v.planned === "number" ? plan.v.planned : 0;
    if (planned < min) {
      findings.push({
        severity: "error",
        ...(plan
          ? atCell(budget, plan, "planned")
          : atCell(budget, budget.loc.headerRow, "planned")),
        message: {
          zh: fill("服务性支出预算 {planned} 元，低于下限 {min} 元。", { planned, min }),
          en: fill(
            "Service spending is planned at {planned} yuan, below the floor of {min} yuan.",
            { planned, min }
          ),
        },
        figures: { planned, min },
      });
    }
    const { actual, excluded, left } = counted(ctx);
    const at =
      plan && budget.loc.columns.actual !== undefined
        ? atCell(budget, plan, "actual")
        : atCell(budget, budget.loc.headerRow, "category");
    findings.push(
      ...targetVerdict(ctx, {
        actual,
        target: min,
        what: WHAT,
        unit: UNIT,
        at,
        excluded,
        note: differenceNote(ctx, "服务性支出", actual, left),
        evidence: ledgerEvidence(ctx, "服务性支出", { inPeriod: true }),
      })
    );
    return findings;
  },
  measure(ctx) {
    return [
      {
        label: { zh: "服务性支出", en: "Service spending" },
        unit: UNIT,
        actual: counted(ctx).actual,
        target: ctx.ruleset.budget.serviceMin,
      },
    ];
  },
});
