/** Taking the user to a finding: activate its sheet, select its cell or range. */
import type { ExcelHost } from "./host";

/** Errors that mean "that place is not there (any more)", not a broken Excel. */
const GONE = new Set(["ItemNotFound", "InvalidArgument", "InvalidReference", "InvalidOperation"]);

/** True when selected; false when the sheet or address no longer exists (or cannot be shown). */
export async function selectCell(host: ExcelHost, sheet: string, cell: string): Promise<boolean> {
  try {
    await host.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    });
    return true;
  } catch (e) {
    if (GONE.has(String((e as { code?: unknown }).code))) return false;
    throw e;
  }
}
