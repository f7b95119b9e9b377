/**
 * A cell as the workbook shows it: its number format applied with numfmt (Excel's format
 * language: "#,##0.00" gives 105,000.00, "0.0%" gives 97.1%), text as typed.
 */
import { format as formatNumber } from "numfmt";
import { isErrorValue } from "../../engine/model";
import { formatSerial } from "../../engine/util/dates";
import { isDateFormat } from "../../hosts/xlsx/numfmt";

export function display(cell: { v: unknown; fmt?: string } | undefined): string | null {
  if (!cell || cell.v === null || cell.v === undefined) return null;
  const v = cell.v;
  if (isErrorValue(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v !== "number") return String(v);
  const fmt = cell.fmt && cell.fmt !== "General" ? cell.fmt : null;
  if (fmt) {
    try {
      // numfmt colours ([Red]) are not text; dates in the 1900 system as Excel counts them.
      const text = formatNumber(fmt, v, { leap1900: true, nbsp: false, throws: false });
      if (text && !/^#+$/.test(text)) return text;
    } catch {
      // a format numfmt cannot read: fall through to the plain number
    }
    if (isDateFormat(fmt) && v >= 1 && v < 2958466) return formatSerial(v);
  }
  return Number.isInteger(v) ? String(v) : v.toLocaleString("en-US", { maximumFractionDigits: 4 });
}
