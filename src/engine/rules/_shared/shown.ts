/**
 * The spending figures the workbook itself shows (the budget sheet's 实际支出 cells, as last
 * calculated) and, where a rule's figure differs, the reason in one sentence, so a clerk who
 * reads 35,100 in a finding and 36,800 on the budget sheet knows why (issue: "never accuse on
 * a misreading").
 */
import { fill, type Text } from "../../i18n";
import type { Row, TableData } from "../../read/project";
import { a1 } from "../../util/address";
import { compact } from "../../util/text";
import type { RuleContext } from "../types";
import { CATEGORIES, budgetRow, type Category } from "./ledger";

const CENT = 0.005;

export interface Shown {
  value: number;
  sheet: string;
  cell: string;
}

/** The budget sheet's actual for a category, or its total (null), as the workbook shows it. */
export function shownActual(ctx: RuleContext, category: Category | null): Shown | null {
  const budget = ctx.project.tables.Budget;
  const col = budget?.loc.columns.actual;
  if (!budget || col === undefined) return null;
  const row = category ? budgetRow(ctx, category)?.row : budget.loc.totalsRow;
  if (row === undefined || row === null) return null;
  const v = budget.loc.sheet.rows[row]?.[col]?.v;
  return typeof v === "number"
    ? { value: v, sheet: budget.loc.sheet.name, cell: a1(row, col) }
    : null;
}

function rawCell(table: TableData, row: number, key: string) {
  const col = table.loc.columns[key];
  return col === undefined ? undefined : table.loc.sheet.rows[row]?.[col]?.v;
}

function sum(rows: readonly Row[]): number {
  let s = 0;
  for (const r of rows) if (typeof r.v.amount === "number") s += r.v.amount;
  return Math.round(s * 100) / 100;
}

/**
 * Why the budget sheet shows another figure than `ours`: spending the rule leaves out for
 * its date, amounts stored as text or categories written another way (Excel's SUMIFS skips
 * both), totals rows typed into the ledger (SUMIFS counts them). Null when the figures agree.
 */
export function differenceNote(
  ctx: RuleContext,
  category: Category | null,
  ours: number,
  leftOutForDate: readonly Row[] = []
): Text | null {
  const shown = shownActual(ctx, category);
  if (!shown || Math.abs(shown.value - ours) < CENT) return null;
  const ledger = ctx.table("Ledger");
  const inCategory = (r: Row) =>
    typeof r.v.category === "string" && (category === null || r.v.category === category);
  const textAmounts: Row[] = [];
  const otherWording: Row[] = [];
  const noCategory: Row[] = [];
  for (const r of ledger.rows) {
    if (typeof r.v.amount !== "number") continue;
    if (category === null && typeof r.v.category !== "string") noCategory.push(r);
    if (!inCategory(r)) continue;
    if (typeof rawCell(ledger, r.row, "amount") === "string") textAmounts.push(r);
    else if (compact(String(rawCell(ledger, r.row, "category") ?? "")) !== r.v.category)
      otherWording.push(r);
  }
  let typedTotals = 0;
  for (const s of ledger.skipped) {
    const cat = rawCell(ledger, s.row, "category");
    const amount = rawCell(ledger, s.row, "amount");
    if (typeof amount !== "number" || typeof cat !== "string") continue;
    if (category === null ? CATEGORIES.includes(cat.trim() as Category) : cat.trim() === category)
      typedTotals += amount;
  }
  const reasons: Text[] = [];
  const date = sum(leftOutForDate);
  if (date)
    reasons.push({
      zh: fill("其中 {n} 元的支出日期早于合同开始日期、晚于报告截止日期或未填写，不计入", {
        n: date,
      }),
      en: fill(
        "{n} yuan of it was paid before the contract start, after the reporting date or on no date, and does not count",
        { n: date }
      ),
    });
  const text = sum(textAmounts);
  if (text)
    reasons.push({
      zh: fill("有 {n} 元的金额以文本形式保存，预算表公式未计入", { n: text }),
      en: fill("{n} yuan is stored as text, which the budget formula skips", { n: text }),
    });
  const wording = sum(otherWording);
  if (wording)
    reasons.push({
      zh: fill("有 {n} 元的类别写法与标准不同，预算表公式未计入", { n: wording }),
      en: fill("{n} yuan carries a category written another way, which the budget formula skips", {
        n: wording,
      }),
    });
  const uncategorised = sum(noCategory);
  if (uncategorised)
    reasons.push({
      zh: fill("有 {n} 元未填写有效类别，预算表公式未计入", { n: uncategorised }),
      en: fill("{n} yuan has no valid category, which the budget formulas skip", {
        n: uncategorised,
      }),
    });
  if (typedTotals)
    reasons.push({
      zh: fill("台账中手工填写的合计行 {n} 元被预算表公式重复计入", { n: typedTotals }),
      en: fill(
        "totals rows typed into the ledger ({n} yuan) are counted again by the budget formula",
        { n: typedTotals }
      ),
    });
  const explained =
    Math.round((ours + date - text - wording - uncategorised + typedTotals) * 100) / 100;
  if (Math.abs(explained - shown.value) >= CENT)
    reasons.push({
      zh: "预算表中的数字未随台账重新计算或已被改动",
      en: "the budget sheet's figure was not recalculated from the ledger or was changed",
    });
  const where = `${shown.sheet}!${shown.cell}`;
  return {
    zh: fill(
      `预算表 ${where} 显示 {shown} 元，与此处的 {ours} 元不同，因为${reasons.map((r) => r.zh).join("；")}。`,
      {
        shown: shown.value,
        ours,
      }
    ),
    en: fill(
      `The budget sheet shows {shown} yuan in ${where}, not {ours}, because ${reasons.map((r) => r.en).join("; ")}.`,
      {
        shown: shown.value,
        ours,
      }
    ),
  };
}

/** A message with the note after it. */
export function withNote(message: Text, note: Text | null): Text {
  return note ? { zh: `${message.zh}${note.zh}`, en: `${message.en} ${note.en}` } : message;
}
