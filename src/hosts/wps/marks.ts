/**
 * Marks in the user's workbook, in WPS 表格: the Excel host's plan (engine/marks.ts: the worst
 * severity's fill, the reasons in a comment headed NOTE_HEADER) and its rules. Nothing else
 * changes: values, formulas, fonts, borders and number formats are never written, and a cell
 * that has a comment of the user's gets the fill only.
 *
 * Recoverable whatever happens half-way:
 * - Before the first change the record (state.ts) is written covering every cell this run will
 *   touch: the fill each had before (Interior: Color, Pattern, PatternColor, TintAndShade,
 *   PatternTintAndShade, all of
 *   https://learn.microsoft.com/office/vba/api/excel.interior), and the colour we gave it; the
 *   exact record is written last.
 * - Our comments are found by their first line (NOTE_HEADER) on every sheet, record or not.
 * - Protected sheets (Worksheet.ProtectContents) are left alone and named: nothing is marked
 *   there, and their old marks stay in the record until the sheet is unprotected.
 * - A cell re-coloured by the user since we marked it keeps the user's colour.
 * - Gradient fills (xlPatternLinearGradient, xlPatternRectangularGradient) cannot be put back
 *   through these properties: such cells are not marked.
 *
 * Comments: Range.AddComment adds the classic cell comment (批注; a "note" in Excel 365's terms).
 */
import type { Finding } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import { isOurNote, MARK_COLORS, noteText, planMarks } from "../excel/marks-plan";
import type { ClearResult, MarkResult } from "../excel/marks";
import { XL_PATTERN, type Interior, type Worksheet } from "./et";
import { activeWorkbook, explained, truthy, type WpsHost } from "./host";
import { worksheets } from "./read";
import { readState, writeState, type DocState } from "./state";
import { bgr } from "./values";

export type { ClearResult, MarkResult };

/** A fill as Interior reports it: enough to put it back. */
export interface WpsFill {
  color: number;
  pattern: number;
  patternColor: number;
  tint: number;
  patternTint: number;
}

/** The record: distinct fills once, each cell as [address, fill index, colour (BGR)]. */
export interface WpsMarkRecord {
  v: 1;
  fills: WpsFill[];
  sheets: { name: string; cells: [string, number, number][] }[];
}

interface Entry {
  sheet: string;
  cell: string;
  original: WpsFill;
  color: number;
}

const num = (v: unknown, fallback = 0) =>
  typeof v === "number" && Number.isFinite(v) ? v : fallback;

export function fillOf(interior: Interior): WpsFill {
  return {
    color: num(interior.Color, 16777215),
    pattern: num(interior.Pattern, XL_PATTERN.none),
    patternColor: num(interior.PatternColor),
    tint: num(interior.TintAndShade),
    patternTint: num(interior.PatternTintAndShade),
  };
}

function restore(interior: Interior, fill: WpsFill): void {
  if (fill.pattern === XL_PATTERN.none) {
    interior.Pattern = XL_PATTERN.none;
    return;
  }
  interior.Pattern = fill.pattern;
  interior.Color = fill.color;
  interior.PatternColor = fill.patternColor;
  interior.TintAndShade = fill.tint;
  interior.PatternTintAndShade = fill.patternTint;
}

const isGradient = (pattern: number) =>
  pattern === XL_PATTERN.linearGradient || pattern === XL_PATTERN.rectangularGradient;

export function buildRecord(entries: readonly Entry[]): WpsMarkRecord {
  const record: WpsMarkRecord = { v: 1, fills: [], sheets: [] };
  const fillIndex = new Map<string, number>();
  const sheets = new Map<string, WpsMarkRecord["sheets"][number]>();
  const seen = new Set<string>();
  for (const e of entries) {
    const k = `${e.sheet}\u0000${e.cell}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const fk = JSON.stringify(e.original);
    let f = fillIndex.get(fk);
    if (f === undefined) fillIndex.set(fk, (f = record.fills.push(e.original) - 1));
    let sheet = sheets.get(e.sheet);
    if (!sheet) {
      sheets.set(e.sheet, (sheet = { name: e.sheet, cells: [] }));
      record.sheets.push(sheet);
    }
    sheet.cells.push([e.cell, f, e.color]);
  }
  return record;
}

export function recordEntries(value: unknown): Entry[] {
  const record = value as WpsMarkRecord | undefined;
  if (!record || record.v !== 1 || !Array.isArray(record.fills) || !Array.isArray(record.sheets))
    return [];
  return record.sheets.flatMap((s) =>
    (Array.isArray(s.cells) ? s.cells : []).flatMap(([cell, f, color]) => {
      const original = record.fills[f];
      if (!original || typeof cell !== "string" || typeof color !== "number") return [];
      return [{ sheet: String(s.name), cell, original, color }];
    })
  );
}

const emptyClear = (): ClearResult => ({
  restored: 0,
  removed: 0,
  changedByUser: 0,
  protectedSheets: [],
});

function emptyResult(): MarkResult {
  return {
    mode: "notes",
    cells: 0,
    notes: 0,
    userNotesKept: 0,
    gradientsSkipped: 0,
    missingSheets: [],
    protectedSheets: [],
    cleared: emptyClear(),
  };
}

const add = (list: string[], name: string) => {
  if (!list.includes(name)) list.push(name);
};

export function applyMarks(
  host: WpsHost,
  findings: readonly Finding[],
  lang: Lang = "zh"
): MarkResult {
  try {
    return session(host, planMarks(findings, lang));
  } catch (e) {
    throw explained(e);
  }
}

export function clearMarks(host: WpsHost): ClearResult {
  try {
    return session(host, null).cleared;
  } catch (e) {
    throw explained(e);
  }
}

/** One run: take the previous marks away and, when `planned` is given, put the new ones on. */
function session(host: WpsHost, planned: ReturnType<typeof planMarks> | null): MarkResult {
  const workbook = activeWorkbook(host);
  const out = emptyResult();
  const cleared = out.cleared;
  const sheets = new Map(worksheets(workbook).map((s) => [String(s.Name), s] as const));
  const editable = (s: Worksheet) => !truthy(s.ProtectContents);
  const state: DocState = readState(workbook);
  const previous = recordEntries(state.marks);

  // What stays recorded for protected sheets; what is put back; what is marked.
  const carried: Entry[] = [];
  const old = new Map<string, Entry>();
  for (const e of previous) {
    const sheet = sheets.get(e.sheet);
    if (!sheet) continue; // The sheet is gone, and its cells with it.
    if (!editable(sheet)) {
      carried.push(e);
      add(cleared.protectedSheets, e.sheet);
      continue;
    }
    old.set(`${e.sheet}\u0000${e.cell}`, e);
  }
  const targets = (planned ?? []).filter((p) => {
    const sheet = sheets.get(p.sheet);
    if (!sheet) add(out.missingSheets, p.sheet);
    else if (!editable(sheet)) add(out.protectedSheets, p.sheet);
    return Boolean(sheet && editable(sheet));
  });

  // Reads first: each target's fill before this run (the recorded one when we marked it and it
  // still shows our colour), and whether it has a comment.
  const fresh: (Entry & { lines: string[]; userComment: boolean })[] = [];
  for (const t of targets) {
    const range = sheets.get(t.sheet)!.Range(t.cell);
    const now = fillOf(range.Interior);
    const k = `${t.sheet}\u0000${t.cell}`;
    const was = old.get(k);
    const ours = was && now.pattern === XL_PATTERN.solid && now.color === was.color;
    const original = ours ? was.original : now;
    if (isGradient(original.pattern)) {
      out.gradientsSkipped += 1;
      continue;
    }
    const comment = range.Comment;
    const userComment = comment !== null && !isOurNote(String(comment.Text()));
    fresh.push({
      sheet: t.sheet,
      cell: t.cell,
      original,
      color: bgr(MARK_COLORS[t.severity]),
      lines: t.lines,
      userComment,
    });
  }
  const freshKeys = new Set(fresh.map((f) => `${f.sheet}\u0000${f.cell}`));
  const ourComments = findOurComments(sheets, editable);
  if (!planned && !previous.length && !ourComments.length) return out;

  // 1. The record covering every cell touched: the old marks still to put back, the new ones.
  writeState(workbook, {
    ...state,
    marks: buildRecord([...carried, ...old.values(), ...fresh]),
  });
  // 2. Our comments away (found by their header), the old fills back.
  for (const c of ourComments) {
    c.Delete();
    cleared.removed += 1;
  }
  for (const [k, e] of old) {
    if (freshKeys.has(k)) continue; // Marked again below, over the same original.
    const interior = sheets.get(e.sheet)!.Range(e.cell).Interior;
    const now = fillOf(interior);
    if (now.pattern === XL_PATTERN.solid && now.color === e.color) {
      restore(interior, e.original);
      cleared.restored += 1;
    } else cleared.changedByUser += 1;
  }
  // 3. The new marks.
  for (const f of fresh) {
    const range = sheets.get(f.sheet)!.Range(f.cell);
    range.Interior.Pattern = XL_PATTERN.solid;
    range.Interior.Color = f.color;
    out.cells += 1;
    if (!f.lines.length) continue;
    if (f.userComment) out.userNotesKept += 1;
    else {
      range.AddComment(noteText(f.lines));
      out.notes += 1;
    }
  }
  // 4. The exact record.
  const marks = [...carried, ...fresh];
  writeState(workbook, { ...state, marks: marks.length ? buildRecord(marks) : undefined });
  return out;
}

/** Our comments on the sheets we may change, by their first line. */
function findOurComments(
  sheets: Map<string, Worksheet>,
  editable: (s: Worksheet) => boolean
): { Delete(): void }[] {
  const out: { Delete(): void }[] = [];
  for (const sheet of sheets.values()) {
    if (!editable(sheet)) continue;
    const comments = sheet.Comments;
    for (let i = 1; i <= comments.Count; i += 1) {
      const c = comments.Item(i);
      if (isOurNote(String(c.Text()))) out.push(c);
    }
  }
  return out;
}
