/**
 * What marking means, apart from Excel: which cells a set of findings colours, the text of
 * their notes, and the record kept in the document so the marks can be removed exactly.
 */
import type { Finding, Severity } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import { a1, parseRange } from "../../engine/util/address";

/** The same colours as the annotated copy of the CLI (src/hosts/xlsx/annotate.ts). */
export const MARK_COLORS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** Ranges larger than this get their fill and note on the first cell only. */
export const MAX_MARKED_CELLS = 64;

/** First line of every note or comment we write: how a later clear knows which are ours. */
export const NOTE_HEADER = "【福彩合规检查 · fucai】";

/** workbook.settings key of the record. */
export const RECORD_KEY = "fucai.marks";

const LABELS: Record<Severity, { zh: string; en: string }> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Info" },
};

const ORDER: Severity[] = ["error", "warning", "info"];

export interface PlannedMark {
  sheet: string;
  cell: string;
  severity: Severity;
  /** One line per finding that starts at this cell (empty for the other cells of a range). */
  lines: string[];
}

/** Cells to mark: the worst severity colours a cell; every reason goes into its note. */
export function planMarks(findings: readonly Finding[], lang: Lang): PlannedMark[] {
  const marks = new Map<string, PlannedMark>();
  const other: Lang = lang === "zh" ? "en" : "zh";
  for (const f of findings) {
    if (!f.sheet || !f.cell || f.status === "not-checked") continue;
    const range = parseRange(f.cell);
    if (!range) continue;
    const cells: string[] = [];
    const size = (range.end.row - range.start.row + 1) * (range.end.col - range.start.col + 1);
    if (size > MAX_MARKED_CELLS) cells.push(a1(range.start.row, range.start.col));
    else
      for (let r = range.start.row; r <= range.end.row; r += 1)
        for (let c = range.start.col; c <= range.end.col; c += 1) cells.push(a1(r, c));
    cells.forEach((cell, i) => {
      const key = `${f.sheet}\u0000${cell}`;
      const mark = marks.get(key) ?? { sheet: f.sheet!, cell, severity: f.severity, lines: [] };
      if (ORDER.indexOf(f.severity) < ORDER.indexOf(mark.severity)) mark.severity = f.severity;
      if (i === 0)
        mark.lines.push(
          `[${LABELS[f.severity][lang]}] ${f.rule}: ${f.message[lang]} / ${f.message[other]}`
        );
      marks.set(key, mark);
    });
  }
  return [...marks.values()];
}

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
