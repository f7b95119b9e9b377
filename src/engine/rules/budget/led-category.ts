import { defineRule, type RuleFinding } from "../types";
import { atCell } from "../_shared/where";
import { ENUMS } from "../../contract/enums";
import { cellText } from "../../util/text";
import { emptyText } from "../_shared/where";

export default defineRule({
  id: "LED-CATEGORY",
  area: "budget",
  kind: "always",
  severities: ["error"],
  clause: "三.1",
  title: { zh: "支出类别", en: "Ledger category" },
  fix: {
    zh: "从下拉列表选择 人力成本、服务性支出 或 评估及其他。",
    en: "Choose 人力成本, 服务性支出 or 评估及其他 from the drop-down list.",
  },
  describe: () => ({
    zh: `支出台账每一行须填写有效类别：${ENUMS.category.values.join("、")}。`,
    en: `Every ledger row needs a valid category: ${ENUMS.category.values.join(", ")}.`,
  }),
  needs: ["Ledger.category"],
  check(ctx) {
    const ledger = ctx.table("Ledger");
    const findings: RuleFinding[] = [];
    const col = ledger.loc.columns.category;
    for (const row of ledger.rows) {
      if (row.v.category !== null) continue;
      const raw = cellText(ledger.loc.sheet.rows[row.row]?.[col]?.v);
      findings.push({
        severity: "error",
        ...atCell(ledger, row, "category"),
        message: row.unreadable?.has("category")
          ? {
              zh: `支出类别「${raw}」无效，应为 ${ENUMS.category.values.join("、")} 之一。`,
              en: `Category "${raw}" is not valid; use one of ${ENUMS.category.values.join(", ")}.`,
            }
          : emptyText({ zh: "支出类别", en: "The category" }, raw, {
              zh: "，无法计入任何预算类别",
              en: ", so this payment counts toward no budget category",
            }),
      });
    }
    return findings;
  },
});
