/** Ledger and budget helpers shared by the budget rules: totals, and the row that crosses a limit. */
import type { Row, TableData } from "../../read/project";
import type { RuleContext } from "../types";

export type Category = "人力成本" | "服务性支出" | "评估及其他";

export const CATEGORIES: Category[] = ["人力成本", "服务性支出", "评估及其他"];

/**
 * Ledger rows with a readable amount (and category, unless 'any'), in payment order:
 * date, then sheet row; undated rows last.
 */
export function spendingRows(ctx: RuleContext, category?: Category | "any"): readonly Row[] {
  // Several rules ask for the same rows; the ledger can hold tens of thousands: sort once.
  const ledger = ctx.table("Ledger");
  let byCategory = sorted.get(ledger);
  if (!byCategory) sorted.set(ledger, (byCategory = new Map()));
  const key = category ?? "categorised";
  const cached = byCategory.get(key);
  if (cached) return cached;
  const rows = ledger.rows.filter(
    (r) =>
      typeof r.v.amount === "number" &&
      (category === "any" ||
        (typeof r.v.category === "string" && (!category || r.v.category === category)))
  );
  rows.sort((a, b) => {
    const da = typeof a.v.date === "number" ? a.v.date : Infinity;
    const db = typeof b.v.date === "number" ? b.v.date : Infinity;
    return da - db || a.row - b.row;
  });
  byCategory.set(key, rows);
  return rows;
}

const sorted = new WeakMap<TableData, Map<string, readonly Row[]>>();

export function total(rows: readonly Row[]): number {
  let sum = 0;
  for (const r of rows) sum += r.v.amount as number;
  return Math.round(sum * 100) / 100;
}

/** The first row at which the running total goes over the limit, when the final total does. */
export function crossingRow(rows: readonly Row[], limit: number): Row | null {
  if (total(rows) <= limit) return null;
  let running = 0;
  for (const r of rows) {
    running = Math.round((running + (r.v.amount as number)) * 100) / 100;
    if (running > limit) return r;
  }
  return null;
}

export function budgetRow(ctx: RuleContext, category: Category): Row | undefined {
  return ctx.table("Budget").rows.find((r) => r.v.category === category);
}

export function plannedTotal(budget: TableData): number {
  let sum = 0;
  for (const r of budget.rows) if (typeof r.v.planned === "number") sum += r.v.planned;
  return Math.round(sum * 100) / 100;
}
