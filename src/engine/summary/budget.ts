/**
 * A project's budget at a glance, for summaries: per category the plan, the spending as read,
 * and the rule set's limit; plus the totals against the grant and the contract.
 */
import type { Text } from "../i18n";
import type { RuleContext } from "../rules/types";
import {
  CATEGORIES,
  budgetRow,
  spendingRows,
  total,
  plannedTotal,
  type Category,
} from "../rules/_shared/ledger";

export interface BudgetLine {
  category: Category | "total";
  label: Text;
  planned: number | null;
  actual: number;
  limit: number;
  /** 'max': a cap; 'min': a floor the spending must reach. */
  kind: "max" | "min";
}

const LABELS: Record<Category | "total", Text> = {
  人力成本: { zh: "人力成本", en: "Personnel" },
  服务性支出: { zh: "服务性支出", en: "Services" },
  评估及其他: { zh: "评估及其他", en: "Evaluation and other" },
  total: { zh: "合计", en: "Total" },
};

/** Null when the budget or ledger cannot be read (WB-STRUCTURE says why). */
export function budgetLines(ctx: RuleContext): BudgetLine[] | null {
  const project = ctx.project;
  if (
    project.missing.has("Budget") ||
    project.missing.has("Ledger") ||
    project.missing.has("Ledger.amount") ||
    project.missing.has("Ledger.category")
  ) {
    return null;
  }
  const { budget, project: terms } = ctx.ruleset;
  const limits: Record<Category, { limit: number; kind: "max" | "min" }> = {
    人力成本: { limit: budget.personnelMax, kind: "max" },
    服务性支出: { limit: budget.serviceMin, kind: "min" },
    评估及其他: { limit: budget.evaluationMax, kind: "max" },
  };
  const lines: BudgetLine[] = CATEGORIES.map((category) => {
    const row = budgetRow(ctx, category);
    const planned = row && typeof row.v.planned === "number" ? row.v.planned : null;
    return {
      category,
      label: LABELS[category],
      planned,
      actual: total(spendingRows(ctx, category)),
      ...limits[category],
    };
  });
  const contract = ctx.value("ContractAmount");
  lines.push({
    category: "total",
    label: LABELS.total,
    planned: plannedTotal(ctx.table("Budget")),
    actual: total(spendingRows(ctx, "any")),
    limit:
      typeof contract === "number" && contract > 0 ? Math.min(terms.grant, contract) : terms.grant,
    kind: "max",
  });
  return lines;
}
