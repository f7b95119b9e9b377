/**
 * The overview as CSV for other systems (UTF-8 with BOM so Excel opens it in Chinese).
 * Every field is quoted, and text that a spreadsheet would run as a formula (=, +, -, @,
 * tab or CR first) is prefixed with an apostrophe (OWASP's CSV-injection advice).
 */
import type { Lang } from "../i18n";
import { overviewColumns, overviewRows } from "./overview";
import type { SummaryModel } from "./model";

const DANGEROUS = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) return '""';
  let text = typeof value === "number" ? String(value) : value;
  if (typeof value === "string" && DANGEROUS.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function overviewCsv(model: SummaryModel, lang: Lang): string {
  const columns = overviewColumns(model, lang);
  const lines = [columns.map((c) => csvField(c.header)).join(",")];
  for (const row of overviewRows(model, lang)) lines.push(row.map((v) => csvField(v)).join(","));
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}
