/** The template's own formula cells that WB-FORMULA and WB-TOTALS watch: the budget's computed columns and totals. */
import type { CellKey } from "../../formulas/evaluate";
import type { CellModel, WorkbookModel } from "../../model";
import type { Row, TableData } from "../../read/project";
import { readOneTable } from "../../read/project";
import type { RuleSet } from "../../rulesets/ruleset";
import { TABLES } from "../../contract/tables";
import type { RuleContext } from "../types";

export interface TemplateCell extends CellKey {
  /** 'actual' | 'rate' | 'planned' */
  field: string;
  /** The budget row, or null for the totals row. */
  budgetRow: Row | null;
  cell: CellModel | undefined;
}

export function templateFormulaCells(ctx: RuleContext): TemplateCell[] {
  return templateFormulaCellsOf(ctx.table("Budget"));
}

/**
 * The formula cells WB-FORMULA and WB-TOTALS ask to recalculate, found before the check
 * reads the project (the budget table read alone).
 */
export function templateFormulaTargets(model: WorkbookModel, ruleset: RuleSet): CellKey[] {
  const budget = readOneTable(model, "Budget", ruleset);
  return budget ? templateFormulaCellsOf(budget).filter((c) => c.cell?.f) : [];
}

function templateFormulaCellsOf(budget: TableData): TemplateCell[] {
  const sheet = budget.loc.sheet;
  const out: TemplateCell[] = [];
  const formulaFields = TABLES.find((t) => t.name === "Budget")!.fields.filter((f) => f.formula);
  for (const row of budget.rows) {
    for (const field of formulaFields) {
      const col = budget.loc.columns[field.key];
      if (col === undefined) continue;
      out.push({
        sheet: sheet.name,
        row: row.row,
        col,
        field: field.key,
        budgetRow: row,
        cell: sheet.rows[row.row]?.[col],
      });
    }
  }
  if (budget.loc.totalsRow !== null) {
    for (const key of ["planned", ...formulaFields.map((f) => f.key)]) {
      const col = budget.loc.columns[key];
      if (col === undefined) continue;
      const r = budget.loc.totalsRow;
      out.push({
        sheet: sheet.name,
        row: r,
        col,
        field: key,
        budgetRow: null,
        cell: sheet.rows[r]?.[col],
      });
    }
  }
  return out;
}
