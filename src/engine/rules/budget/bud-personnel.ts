import { defineRule } from "../types";
import { categoryCap } from "../_shared/cap";

export default defineRule({
  id: "BUD-PERSONNEL",
  area: "budget",
  kind: "cap",
  severities: ["error"],
  clause: "三.1",
  title: { zh: "人力成本上限", en: "Personnel cost cap" },
  fix: {
    zh: "把超出的人力成本调出或压减，并修改预算使人力成本不超过上限。",
    en: "Move or cut personnel costs and lower the plan until they are within the cap.",
  },
  describe: (rs) => ({
    zh: `人力成本（预算与实际支出）不得超过 ${rs.budget.personnelMax.toLocaleString("en-US")} 元。`,
    en: `Personnel costs (plan and actual) may not exceed ${rs.budget.personnelMax.toLocaleString("en-US")} yuan.`,
  }),
  needs: ["Budget.category", "Budget.planned", "Ledger.category", "Ledger.amount"],
  check: (ctx) =>
    categoryCap(
      ctx,
      "人力成本",
      ctx.ruleset.budget.personnelMax,
      { zh: "人力成本", en: "Personnel cost" },
      // Pay per person shows in the rows behind the figure.
      true
    ),
});
