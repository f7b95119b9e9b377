import { defineRule } from "../types";
import { categoryCap } from "../_shared/cap";

export default defineRule({
  id: "BUD-EVAL",
  area: "budget",
  kind: "cap",
  severities: ["error"],
  clause: "三.1",
  title: { zh: "评估及其他费用上限", en: "Evaluation and other costs cap" },
  fix: {
    zh: "把超出的评估及其他费用调整到其他类别或压减支出，并修改预算使该类不超过上限。",
    en: "Move or cut evaluation and other costs, and lower the plan, until the category is within its cap.",
  },
  describe: (rs) => ({
    zh: `评估等其他相关费用（预算与实际支出）不得超过 ${rs.budget.evaluationMax.toLocaleString("en-US")} 元。`,
    en: `Evaluation and other costs (plan and actual) may not exceed ${rs.budget.evaluationMax.toLocaleString("en-US")} yuan.`,
  }),
  needs: ["Budget.category", "Budget.planned", "Ledger.category", "Ledger.amount"],
  check: (ctx) =>
    categoryCap(ctx, "评估及其他", ctx.ruleset.budget.evaluationMax, {
      zh: "评估及其他费用",
      en: "Evaluation and other costs",
    }),
});
