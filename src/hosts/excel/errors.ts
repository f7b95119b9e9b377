/**
 * Excel's errors in words a finance clerk can act on, Chinese first. Office.js errors carry a
 * code (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
 * the message Excel attaches "isn't intended for consumption by end users", so the codes we
 * expect get a sentence of ours and the rest Excel's own message after a plain lead-in.
 */
import type { Text } from "../../engine/i18n";
import { errorCode } from "./payload";

/** An error with its bilingual explanation (the pane shows `text`). */
export class ExcelHostError extends Error {
  constructor(
    readonly text: Text,
    readonly code?: string
  ) {
    super(`${text.zh}\n${text.en}`);
    this.name = "ExcelHostError";
  }
}

const KNOWN: Record<string, Text> = {
  InvalidOperationInCellEditMode: {
    zh: "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试。",
    en: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  },
  RequestPayloadSizeLimitExceeded: {
    zh: "要传给 Excel 的内容太多，网页版 Excel 一次最多接收 5 MB。请在桌面版 Excel 中操作，或在独立页面中检查这个文件。",
    en: "Too much to send to Excel at once: Excel on the web takes at most 5 MB per request. Use desktop Excel, or check the file on the standalone page.",
  },
  ResponsePayloadSizeLimitExceeded: {
    zh: "要从 Excel 读取的内容太多，网页版 Excel 一次最多传回 5 MB。请在桌面版 Excel 中操作，或在独立页面中检查这个文件。",
    en: "Too much to read from Excel at once: Excel on the web returns at most 5 MB per request. Use desktop Excel, or check the file on the standalone page.",
  },
  AccessDenied: {
    zh: "工作表或工作簿受保护，Excel 不允许修改。请先撤销保护（审阅 > 撤销工作表保护）再试。",
    en: "The sheet or workbook is protected and Excel refused the change. Unprotect it (Review > Unprotect Sheet) and try again.",
  },
  ApiNotFound: {
    zh: "此版本的 Excel 不支持这项操作。请更新 Excel，或在独立页面中检查文件。",
    en: "This version of Excel does not support this. Update Excel, or check the file on the standalone page.",
  },
  ActivityLimitReached: {
    zh: "Excel 正忙，请稍候再试。",
    en: "Excel is busy. Wait a moment and try again.",
  },
};

/** The bilingual explanation of an error thrown by Excel (or by this host). */
export function explain(e: unknown): Text {
  if (e instanceof ExcelHostError) return e.text;
  const code = errorCode(e);
  if (code && KNOWN[code]) return KNOWN[code];
  const message = e instanceof Error ? e.message : String(e);
  return { zh: `Excel 报告了错误：${message}`, en: `Excel reported an error: ${message}` };
}

/** Rethrow anything as an ExcelHostError, keeping its code. */
export function explained(e: unknown): ExcelHostError {
  return e instanceof ExcelHostError ? e : new ExcelHostError(explain(e), errorCode(e));
}
