/**
 * Cached formula results for the files we write: the workbook is written once, read back
 * into the engine's model, its formulas recalculated by HyperFormula, and the results stored,
 * so any reader (Excel, LibreOffice, WPS, a viewer that never recalculates) shows true figures.
 */
import type ExcelJS from "exceljs";
import { readWorkbookModel } from "../read-model";
import { recalculate, cellKey, type CellKey } from "../../../engine/formulas/evaluate";
import { isErrorValue } from "../../../engine/model";

export async function withCachedValues(
  wb: ExcelJS.Workbook,
  tamper?: (wb: ExcelJS.Workbook) => void
): Promise<Uint8Array> {
  const first = new Uint8Array(await wb.xlsx.writeBuffer());
  const model = readWorkbookModel(first, "template");
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
