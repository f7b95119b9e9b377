/** KPI and budget figures then and now, from what each check already computed. */
import { kpiLines, type CheckedWorkbook, type KpiLine } from "../summary/model";
import type { BudgetChange, KpiChange } from "./types";

export function compareKpis(earlier: CheckedWorkbook, later: CheckedWorkbook): KpiChange[] {
  const before = new Map<string, KpiLine>(
    kpiLines(earlier).map((k) => [`${k.rule}|${k.label.en}`, k])
  );
  const out: KpiChange[] = [];
  for (const k of kpiLines(later)) {
    const key = `${k.rule}|${k.label.en}`;
    const then = before.get(key);
    before.delete(key);
    out.push({
      rule: k.rule,
      label: k.label,
      unit: k.unit,
      target: k.target,
      earlier: then?.actual ?? null,
      later: k.actual,
      dueEarlier: then?.expected ?? null,
      dueLater: k.expected,
    });
  }
  // A figure only the earlier check could compute (a sheet since lost) still shows.
  for (const k of before.values())
    out.push({
      rule: k.rule,
      label: k.label,
      unit: k.unit,
      target: k.target,
      earlier: k.actual,
      later: null,
      dueEarlier: k.expected,
      dueLater: null,
    });
  return out;
}

export function compareBudget(
  earlier: CheckedWorkbook,
  later: CheckedWorkbook
): BudgetChange[] | null {
  if (!earlier.budget && !later.budget) return null;
  const lines = later.budget ?? earlier.budget!;
  return lines.map((line) => {
    const then = earlier.budget?.find((b) => b.category === line.category);
    const now = later.budget?.find((b) => b.category === line.category);
    return {
      category: line.category,
      label: line.label,
      limit: line.limit,
      kind: line.kind,
      planned: { earlier: then?.planned ?? null, later: now?.planned ?? null },
      actual: { earlier: then?.actual ?? null, later: now?.actual ?? null },
    };
  });
}
