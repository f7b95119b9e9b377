import { fill } from "../../i18n";
import { defineRule, type RuleContext, type RuleFinding } from "../types";
import type { TableData, Value } from "../../read/project";
import { templateFormulaCells } from "../_shared/template-cells";
import { CATEGORIES, plannedTotal, spendingRows, total, type Category } from "../_shared/ledger";
import { cellKey } from "../../formulas/evaluate";
import { a1 } from "../../util/address";

const CENT = 0.005;

function numberAt(table: TableData, row: number, key: string): number {
  const col = table.loc.columns[key];
  const v = col === undefined ? undefined : table.loc.sheet.rows[row]?.[col]?.v;
  return typeof v === "number" ? v : 0;
}

function textAt(table: TableData, row: number, key: string): string {
  const col = table.loc.columns[key];
  const v = col === undefined ? undefined : table.loc.sheet.rows[row]?.[col]?.v;
  return typeof v === "string" ? v.trim() : "";
}

/**
 * What the template's formulas count from totals rows a user typed: the ledger's under a
 * category (SUMIFS), and the budget's own inside its table (SUBTOTAL over the column).
 */
function typedTotalsCounted(ctx: RuleContext, field: string, category: Value): number {
  const ledger = ctx.table("Ledger");
  const budget = ctx.table("Budget");
  let sum = 0;
  if (field === "planned") {
    for (const s of budget.skipped) sum += numberAt(budget, s.row, "planned");
    return sum;
  }
  for (const s of ledger.skipped) {
    const cat = textAt(ledger, s.row, "category");
    if (category ? cat === category : (CATEGORIES as string[]).includes(cat))
      sum += numberAt(ledger, s.row, "amount");
  }
  if (!category) for (const s of budget.skipped) sum += numberAt(budget, s.row, "actual");
  return sum;
}

export default defineRule({
  id: "WB-TOTALS",
  area: "data",
  kind: "always",
  severities: ["warning"],
  clause: "工作簿约定",
  title: { zh: "模板合计与数据不符", en: "Template totals disagree with the data" },
  fix: {
    zh: "把以文本保存的金额改为数字、类别改为标准写法，使合计与明细一致。",
    en: "Turn amounts stored as text into numbers and categories into the standard words, so the totals agree.",
  },
  describe: () => ({
    zh: "模板公式按 Excel 规则算出的合计，与按数据实际读取（含文本数字、同义类别）算出的合计不一致时提示：表格向读者显示了错误的数字。",
    en: "A template total as Excel computes it differs from the same total over the data as read (numbers stored as text, synonym categories): the workbook shows a wrong figure.",
  }),
  needs: ["Budget.category", "Budget.actual", "Ledger.category", "Ledger.amount"],
  check(ctx) {
    const cells = templateFormulaCells(ctx).filter(
      (c) => c.cell?.f && (c.field === "actual" || c.field === "planned")
    );
    const results = ctx.recalculate(cells);
    const findings: RuleFinding[] = [];
    for (const c of cells) {
      const result = results.get(cellKey(c));
      if (!result?.ok || typeof result.value !== "number") continue;
      let expected: number;
      if (c.field === "planned") expected = plannedTotal(ctx.table("Budget"));
      else if (c.budgetRow) {
        const category = c.budgetRow.v.category as Category | null;
        if (!category) continue;
        expected = total(spendingRows(ctx, category));
      } else expected = total(spendingRows(ctx));
      if (Math.abs(expected - result.value) < CENT) continue;
      // Totals rows typed into a table are counted by the formula too: that is the row's own
      // warning (WB-VALUE), one problem, one finding.
      const typed = typedTotalsCounted(ctx, c.field, c.budgetRow?.v.category ?? null);
      if (typed && Math.abs(expected + typed - result.value) < CENT) continue;
      findings.push({
        severity: "warning",
        sheet: c.sheet,
        cell: a1(c.row, c.col),
        message: {
          zh: fill(
            "模板公式算得 {shown}，但按数据实际读取应为 {expected}（差 {gap}）：可能有以文本保存的金额或非标准类别，公式未计入。",
            {
              shown: result.value,
              expected,
              gap: Math.round((expected - result.value) * 100) / 100,
            }
          ),
          en: fill(
            "The template formula gives {shown}, but the data as read total {expected} (off by {gap}): amounts stored as text or non-standard categories escape the formula.",
            {
              shown: result.value,
              expected,
              gap: Math.round((expected - result.value) * 100) / 100,
            }
          ),
        },
        figures: { shown: result.value, expected },
      });
    }
    return findings;
  },
});
