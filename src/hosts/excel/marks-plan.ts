/**
 * What marking means, apart from Excel: which cells a set of findings colours, the text of
 * their notes, and the record kept in the document so the marks can be removed exactly.
 */
export { MARK_COLORS, MAX_MARKED_CELLS, planMarks, type PlannedMark } from "../../engine/marks";

/** First line of every note or comment we write: how a later clear knows which are ours. */
export const NOTE_HEADER = "【福彩合规检查 · fucai】";

/** workbook.settings key where versions before the custom XML part kept the record. */
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

/** A marked cell as the record keeps it: where, what it looked like before, the colour we gave it. */
export interface RecordedMark {
  sheetId: string;
  sheetName: string;
  /** A1 address. */
  cell: string;
  original: FillState;
  /** The colour we filled in: a clear only restores a cell that still has it. */
  color: string;
}

/**
 * The record as stored (doc-state.ts): distinct original fills and colours once, each cell as
 * [address, fill index, colour index], so 6,000 marked cells take some 100 KB.
 */
export interface MarkRecord {
  v: 2;
  fills: FillState[];
  colors: string[];
  sheets: { id: string; name: string; cells: [string, number, number][] }[];
}

/** Version 1, kept in workbook.settings by earlier versions of the add-in. */
interface MarkRecordV1 {
  v: 1;
  fills: FillState[];
  sheets: { id: string; name: string; cells: { a: string; f: number; m: string }[] }[];
}

export function buildRecord(entries: readonly RecordedMark[]): MarkRecord {
  const record: MarkRecord = { v: 2, fills: [], colors: [], sheets: [] };
  const fillIndex = new Map<string, number>();
  const colorIndex = new Map<string, number>();
  const sheets = new Map<string, MarkRecord["sheets"][number]>();
  const seen = new Set<string>();
  for (const e of entries) {
    const key = `${e.sheetId}\u0000${e.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fillKey = JSON.stringify(e.original);
    let f = fillIndex.get(fillKey);
    if (f === undefined) fillIndex.set(fillKey, (f = record.fills.push(e.original) - 1));
    let c = colorIndex.get(e.color);
    if (c === undefined) colorIndex.set(e.color, (c = record.colors.push(e.color) - 1));
    let sheet = sheets.get(e.sheetId);
    if (!sheet) {
      sheets.set(e.sheetId, (sheet = { id: e.sheetId, name: e.sheetName, cells: [] }));
      record.sheets.push(sheet);
    }
    sheet.cells.push([e.cell, f, c]);
  }
  return record;
}

export function recordEntries(record: MarkRecord | null): RecordedMark[] {
  if (!record) return [];
  return record.sheets.flatMap((s) =>
    s.cells.flatMap(([cell, f, c]) => {
      const original = record.fills[f];
      const color = record.colors[c];
      if (!original || typeof color !== "string" || typeof cell !== "string") return [];
      return [{ sheetId: s.id, sheetName: s.name, cell, original, color }];
    })
  );
}

/** A record of either version (a damaged one reads as none: marking replaces it). */
export function parseRecord(value: unknown): MarkRecord | null {
  try {
    const record = (typeof value === "string" ? JSON.parse(value) : value) as
      MarkRecord | MarkRecordV1 | null;
    if (!record || !Array.isArray(record.fills) || !Array.isArray(record.sheets)) return null;
    if (record.v === 2 && Array.isArray(record.colors)) return record;
    if (record.v === 1)
      return buildRecord(
        record.sheets.flatMap((s) =>
          s.cells.map((c) => ({
            sheetId: s.id,
            sheetName: s.name,
            cell: c.a,
            original: record.fills[c.f],
            color: c.m,
          }))
        )
      );
  } catch {
    // A damaged record: nothing to restore from.
  }
  return null;
}

export function sameColor(a: unknown, b: string): boolean {
  return typeof a === "string" && a.toUpperCase() === b.toUpperCase();
}
