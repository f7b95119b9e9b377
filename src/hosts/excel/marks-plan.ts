/**
 * What marking means, apart from Excel: which cells a set of findings colours, the text of
 * their notes, and the record kept in the document so the marks can be removed exactly.
 */
export { MARK_COLORS, MAX_MARKED_CELLS, planMarks, type PlannedMark } from "../../engine/marks";

/** First line of every note or comment we write: how a later clear knows which are ours. */
export const NOTE_HEADER = "【福彩合规检查 · fucai】";

/** workbook.settings key of the record. */
export const RECORD_KEY = "fucai.marks";

export function noteText(lines: readonly string[]): string {
  return `${NOTE_HEADER}\n${lines.join("\n")}`;
}

export function isOurNote(content: unknown): boolean {
  return typeof content === "string" && content.startsWith(NOTE_HEADER);
}

/** A cell's fill as Office.js reports it (ExcelApi 1.9), enough to put it back. */
export interface FillState {
  color: string;
  pattern: string;
  patternColor: string | null;
  tintAndShade: number | null;
  patternTintAndShade: number | null;
}

export interface RecordedCell {
  /** A1 address. */
  a: string;
  /** Index of the original fill in MarkRecord.fills. */
  f: number;
  /** The colour we filled in: a clear only restores a cell that still has it. */
  m: string;
  /** We attached a note (1) or comment (2) here. */
  n?: 1 | 2;
}

export interface MarkRecord {
  v: 1;
  /** Distinct original fills; most cells share "no fill", so the record stays small. */
  fills: FillState[];
  sheets: { id: string; name: string; cells: RecordedCell[] }[];
}

export function parseRecord(value: unknown): MarkRecord | null {
  try {
    const record = (typeof value === "string" ? JSON.parse(value) : value) as MarkRecord;
    if (record && record.v === 1 && Array.isArray(record.fills) && Array.isArray(record.sheets))
      return record;
  } catch {
    // A damaged record: nothing to restore from; marking replaces it.
  }
  return null;
}

/** Builds a record while marks are planned, sharing identical fills. */
export class RecordBuilder {
  private readonly record: MarkRecord = { v: 1, fills: [], sheets: [] };
  private readonly fillIndex = new Map<string, number>();

  add(
    sheet: { id: string; name: string },
    cell: string,
    original: FillState,
    color: string,
    note?: 1 | 2
  ) {
    const key = JSON.stringify(original);
    let f = this.fillIndex.get(key);
    if (f === undefined) {
      f = this.record.fills.push(original) - 1;
      this.fillIndex.set(key, f);
    }
    let entry = this.record.sheets.find((s) => s.id === sheet.id);
    if (!entry) this.record.sheets.push((entry = { id: sheet.id, name: sheet.name, cells: [] }));
    entry.cells.push(note ? { a: cell, f, m: color, n: note } : { a: cell, f, m: color });
  }

  build(): MarkRecord {
    return this.record;
  }
}

export function sameColor(a: unknown, b: string): boolean {
  return typeof a === "string" && a.toUpperCase() === b.toUpperCase();
}
