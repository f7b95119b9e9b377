/**
 * Cached formula results for the files we write: the ExcelJS workbook is turned into the
 * engine's model in memory, its formulas recalculated by HyperFormula, and the results stored,
 * so any reader (Excel, LibreOffice, WPS, a viewer that never recalculates) shows true figures.
 */
import type ExcelJS from "exceljs";
import { recalculate, cellKey, type CellKey } from "../../../engine/formulas/evaluate";
import {
  isErrorValue,
  type CellModel,
  type CellScalar,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
} from "../../../engine/model";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function scalar(value: ExcelJS.CellValue): CellScalar {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / 86_400_000;
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return scalar((value.result ?? null) as ExcelJS.CellValue);
  }
  return null;
}

/** The engine's model of an ExcelJS workbook held in memory (values, formulas, tables). */
export function modelOf(wb: ExcelJS.Workbook, source = "workbook"): WorkbookModel {
  const sheets: SheetModel[] = [];
  const tables: TableModel[] = [];
  for (const ws of wb.worksheets) {
    const rows: (CellModel | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const value = cell.value as ExcelJS.CellValue;
        const formula =
          value && typeof value === "object" && "formula" in value ? value.formula : undefined;
        const model: CellModel = { v: scalar(value) };
        if (formula) model.f = formula;
        (rows[r - 1] ??= [])[c - 1] = model;
      });
    });
    sheets.push({ name: ws.name, rows });
    for (const t of ws.getTables() as unknown as {
      table: {
        name: string;
        tableRef: string;
        headerRow?: boolean;
        totalsRow?: boolean;
        columns: { name: string }[];
      };
    }[]) {
      const { table } = t;
      tables.push({
        name: table.name,
        sheet: ws.name,
        ref: table.tableRef,
        headerRowCount: table.headerRow === false ? 0 : 1,
        totalsRowCount: table.totalsRow ? 1 : 0,
        columns: table.columns.map((c) => c.name),
      });
    }
  }
  return { source, sheets, tables, names: [] };
}

export async function withCachedValues(
  wb: ExcelJS.Workbook,
  tamper?: (wb: ExcelJS.Workbook) => void
): Promise<Uint8Array> {
  const model = modelOf(wb);
  const targets: CellKey[] = [];
  for (const sheet of model.sheets) {
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => cell?.f && targets.push({ sheet: sheet.name, row: r, col: c }))
    );
  }
  const results = recalculate(model, targets);
  for (const t of targets) {
    const result = results.get(cellKey(t));
    const cell = wb.getWorksheet(t.sheet)!.getCell(t.row + 1, t.col + 1);
    const formula = model.sheets.find((s) => s.name === t.sheet)!.rows[t.row]![t.col]!.f!;
    if (!result?.ok)
      throw new Error(`${t.sheet}!${cell.address}: cannot compute =${formula}: ${result?.reason}`);
    const v = result.value;
    const value = isErrorValue(v) ? { error: v.error } : v;
    cell.value = { formula, result: value } as ExcelJS.CellFormulaValue;
  }
  tamper?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
