/** Taking the user to a finding: activate its sheet, select its cell or range. */
import { explained } from "./errors";
import { excelRun, type ExcelHost } from "./host";

/**
 * "selected"; "missing": the sheet or the address is not there (any more); "hidden": the sheet
 * is hidden, and Excel cannot show a hidden sheet (it is unhidden with Home > Format > Hide &
 * Unhide, which is the user's choice, not ours).
 */
export type SelectOutcome = "selected" | "missing" | "hidden";

/** Errors that mean "that place is not there (any more)", not a broken Excel. */
const GONE = new Set(["ItemNotFound", "InvalidArgument", "InvalidReference"]);

/**
 * Two round trips: the sheet's visibility first, so a hidden sheet is reported instead of
 * asking Excel to activate it (which fails).
 */
export async function selectCell(
  host: ExcelHost,
  sheet: string,
  cell: string
): Promise<SelectOutcome> {
  try {
    return await excelRun(host, async (context) => {
      const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet).load("visibility");
      await context.sync();
      if (worksheet.isNullObject) return "missing";
      if (worksheet.visibility !== "Visible") return "hidden";
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
      return "selected";
    });
  } catch (e) {
    if (GONE.has(String((e as { code?: unknown }).code))) return "missing";
    throw explained(e);
  }
}
