/**
 * Putting the standard template's sheets into the open workbook (ExcelApi 1.13), for a project
 * starting from an empty or unrelated workbook. Refused when a contract sheet or table name is
 * already taken (inserting would leave two 预算 sheets, Excel renaming one, and clashing
 * tables), when the workbook's structure is protected (no sheet can be added), and in a 1904
 * workbook (the template's dates would shift by four years).
 */
import type { Text } from "../../engine/i18n";
import { isContractSheet, isContractTable } from "./address";
import { explained } from "./errors";
import { API, excelRun, supports, type ExcelHost } from "./host";

export type TemplateResult =
  | { ok: true; sheets: string[] }
  /** `sheets`: the contract sheets and tables already there. */
  | {
      ok: false;
      reason: "unsupported" | "exists" | "protected" | "date1904";
      message: Text;
      sheets: string[];
    };

/*
 * Inserting sheets from a file cannot be undone, and clears what Excel could undo before it:
 * "If you call an unsupported API in your add-in, the user's undo stack is cleared starting from
 * that API call" (Workbook.insertWorksheetsFromBase64 is listed,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities#unsupported-apis).
 * The pane says so and asks before it calls insertTemplate (ExcelView, templateConfirmBody).
 */

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
  try {
    return await excelRun(host, (context) => insert(context, base64));
  } catch (e) {
    throw explained(e);
  }
}

async function insert(context: Excel.RequestContext, base64: string): Promise<TemplateResult> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const protection = context.workbook.protection.load("protected");
  // The template's dates are 1900-system serials: in a 1904 workbook they would show four
  // years late (read.ts explains the probe).
  const epoch = context.workbook.functions.date(2000, 1, 1).load("value");
  await context.sync();
  if (typeof epoch.value === "number" && epoch.value < 36_000)
    return {
      ok: false,
      reason: "date1904",
      sheets: [],
      message: {
        zh: "此工作簿使用 1904 日期系统，模板中的日期插入后会相差 4 年。请在新建的工作簿中插入模板，或下载模板文件后另行打开。",
        en: "This workbook uses the 1904 date system: the template's dates would move four years once inserted. Insert the template into a new workbook, or download the template file and open it.",
      },
    };
  if (protection.protected)
    return {
      ok: false,
      reason: "protected",
      sheets: [],
      message: {
        zh: "工作簿的结构受保护，不能插入模板的工作表。请先撤销保护（审阅 > 保护工作簿）。",
        en: "The workbook's structure is protected, so the template's sheets cannot be inserted. Unprotect it first (Review > Protect Workbook).",
      },
    };
  // Table names are unique in a workbook: a Budget table elsewhere would clash as well.
  const sheets = worksheets.items.map((s) => s.name).filter(isContractSheet);
  const existing = sheets.length ? sheets : tables.items.map((t) => t.name).filter(isContractTable);
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
}
