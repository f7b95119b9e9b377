/**
 * Putting the standard template's sheets into the open workbook (ExcelApi 1.13), for a project
 * starting from an empty or unrelated workbook. Refused when a contract sheet or table name is
 * already taken: inserting would leave two 预算 sheets (Excel renames one) and clashing tables.
 */
import type { Text } from "../../engine/i18n";
import { isContractSheet, isContractTable } from "./address";
import { API, supports, type ExcelHost } from "./host";

export type TemplateResult =
  | { ok: true; sheets: string[] }
  /** `sheets`: the contract sheets and tables already there. */
  | { ok: false; reason: "unsupported" | "exists"; message: Text; sheets: string[] };

export async function insertTemplate(host: ExcelHost, base64: string): Promise<TemplateResult> {
  if (!supports(host, API.insertWorksheets)) {
    return {
      ok: false,
      reason: "unsupported",
      sheets: [],
      message: {
        zh: `此版本的 Excel 不能插入模板（需要 ExcelApi ${API.insertWorksheets}）。请下载标准模板文件后另行打开。`,
        en: `This version of Excel cannot insert the template (ExcelApi ${API.insertWorksheets} is needed). Download the standard template file and open it instead.`,
      },
    };
  }
  return host.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    // Table names are unique in a workbook: a Budget table elsewhere would clash as well.
    const sheets = worksheets.items.map((s) => s.name).filter(isContractSheet);
    const existing = sheets.length
      ? sheets
      : tables.items.map((t) => t.name).filter(isContractTable);
    if (existing.length) {
      return {
        ok: false,
        reason: "exists",
        sheets: existing,
        message: {
          zh: `工作簿中已有模板的工作表或表格（${existing.join("、")}），未插入模板。请在新工作簿中插入，或先删除它们。`,
          en: `The workbook already has template sheets or tables (${existing.join(", ")}); the template was not inserted. Insert it into a new workbook, or delete those first.`,
        },
      };
    }
    const inserted = context.workbook.insertWorksheetsFromBase64(base64, { positionType: "End" });
    // Loaded after the insertion in the same batch, so the new sheets are listed.
    const after = context.workbook.worksheets.load("items/name,items/id");
    await context.sync();
    const ids = new Set(inserted.value);
    return { ok: true, sheets: after.items.filter((s) => ids.has(s.id)).map((s) => s.name) };
  });
}
