/**
 * Review rows (审核意见) written into a copy of the user's workbook with ExcelJS: the standalone
 * page's download carries what the user wrote in the pane. The writes were planned against the
 * workbook as the engine read it (engine/reviews/write-plan.ts), in the order the user gave
 * them; a sheet that was absent is made by the template's own builder, so it has the
 * template's headers, widths, formats and drop-down.
 */
import type ExcelJS from "exceljs";
import { REVIEWS } from "../../engine/contract/tables";
import type { RuleSet } from "../../engine/rulesets/ruleset";
import { formatSerial } from "../../engine/util/dates";
import { a1 } from "../../engine/util/address";
import type { ReviewCell, ReviewWrite } from "../../engine/reviews/write-plan";
import { addTableSheet, type CellInput } from "./template/build";
import { DATE_FORMAT, REVIEWS_TAB_COLOR, TEXT_FORMAT } from "./template/layout";

/** ExcelJS's table as loaded or added (its typings do not show the model). */
interface TableModelRef {
  table: { tableRef?: string; ref?: string; autoFilterRef?: string };
}

function grow(ws: ExcelJS.Worksheet, name: string, row: number): void {
  const t = (ws as unknown as { getTable(n: string): TableModelRef | undefined }).getTable(name);
  const ref = t?.table.tableRef ?? t?.table.ref;
  if (!t || !ref) return;
  const [start, end = start] = ref.split(":");
  const next = `${start}:${end.replace(/\d+$/, String(row + 1))}`;
  if (t.table.tableRef) t.table.tableRef = next;
  if (t.table.autoFilterRef) t.table.autoFilterRef = next;
}

function put(ws: ExcelJS.Worksheet, row: number, cells: readonly ReviewCell[]): void {
  for (const c of cells) {
    const cell = ws.getCell(a1(row, c.col));
    if (c.value === null) {
      cell.value = null;
      continue;
    }
    const date = c.field === "decidedOn" && typeof c.value === "number";
    // Text stays text (never a formula, never a number); the date is a date.
    cell.value = date
      ? new Date(Date.UTC(1899, 11, 30) + (c.value as number) * 86_400_000)
      : String(c.value);
    cell.numFmt = date ? DATE_FORMAT : TEXT_FORMAT;
  }
}

export function writeReviewRows(
  wb: ExcelJS.Workbook,
  writes: readonly ReviewWrite[],
  ruleset: RuleSet
): void {
  // A sheet made now is built once, with every row written to it.
  const fresh = new Map<string, Map<number, Record<string, CellInput>>>();
  for (const w of writes) {
    if (w.kind === "no-header") continue;
    const made = fresh.get(w.sheet);
    if (w.kind === "create" || made) {
      const rows = made ?? new Map<number, Record<string, CellInput>>();
      const record = rows.get(w.row) ?? {};
      for (const c of w.cells)
        record[c.field] =
          c.field === "decidedOn" && typeof c.value === "number"
            ? formatSerial(c.value)
            : c.value === null
              ? null
              : { text: String(c.value) };
      rows.set(w.row, record);
      fresh.set(w.sheet, rows);
      continue;
    }
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) continue;
    put(ws, w.row, w.cells);
    if (w.grow && w.table) grow(ws, w.table, w.row);
  }
  for (const rows of fresh.values()) {
    const ordered = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
    addTableSheet(wb, REVIEWS, ruleset, ordered, { tabColor: `FF${REVIEWS_TAB_COLOR}` });
  }
}
