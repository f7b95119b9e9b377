/**
 * One worksheet's cells, scanned straight off the XML text. A sheet is the one large part of an
 * xlsx (a 50,000-row ledger is tens of megabytes), so it gets a dedicated scanner that looks only
 * for the few elements that matter (<row>, <c>, <v>, <f>, <is>/<t>) with indexOf, instead of
 * building an attribute object for every tag. Tolerant: an odd cell is skipped, never a hang.
 */
import { CellInterner } from "./intern";
import type { CellModel, CellScalar, SheetModel } from "../../engine/model";
import { parseA1 } from "../../engine/util/address";
import { DAYS_1900_TO_1904 } from "../../engine/util/dates";
import { shiftFormula } from "../../engine/formulas/shift";
import { WorkbookReadError, tooMany } from "./errors";
import { decodeEntities, tagEnd } from "./xml";
import { isDateFormat } from "./numfmt";

interface SharedFormula {
  formula: string;
  row: number;
  col: number;
}

export interface SheetContext {
  strings: string[];
  formats: (string | undefined)[];
  date1904: boolean;
  /** Shared across the workbook's sheets: cells read (at most `max`) and formula characters. */
  budget: { cells: number; max: number; formulaText?: number };
}

function isNameEnd(c: number): boolean {
  // space, tab, CR, LF, '>' or '/'
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 62 || c === 47;
}

/**
 * Where attribute `name`'s value lies between `from` and `to` (one tag's attributes): its first
 * character, with the end left in `valueEnd`; -1 if absent. Looks only inside the tag: a search
 * that ran on past it would make a sheet of plain cells (no s= or t=) quadratic in its size.
 * Positions, not slices: the scanner reads most values in place, without a string per attribute.
 */
let valueEnd = 0;
function attributeAt(xml: string, from: number, to: number, name: string): number {
  const first = name.charCodeAt(0);
  const n = name.length;
  for (let at = from; at + n < to; at += 1) {
    if (xml.charCodeAt(at) !== first) continue;
    const before = xml.charCodeAt(at - 1);
    // a whole attribute name (not the tail of another, e.g. "r" inside "spans")
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    if (xml.charCodeAt(at + n) !== 61 || (n > 1 && !xml.startsWith(name, at))) continue;
    const quote = xml.charCodeAt(at + n + 1);
    if (quote !== 34 && quote !== 39) return -1;
    const end = xml.indexOf(quote === 34 ? '"' : "'", at + n + 2);
    if (end < 0 || end > to) return -1;
    valueEnd = end;
    return at + n + 2;
  }
  return -1;
}

function attribute(xml: string, from: number, to: number, name: string): string | null {
  const at = attributeAt(xml, from, to, name);
  return at < 0 ? null : decodeEntities(xml.slice(at, valueEnd));
}

/** A whole number of up to 15 digits written plainly in xml[from, to), or -1. */
function digitsAt(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = xml.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The cell type (t=) as one of the spec's words, read in place for the usual ones. */
function cellType(xml: string, at: number, end: number): string {
  if (at < 0) return "n";
  const len = end - at;
  const c = xml.charCodeAt(at);
  if (len === 1) {
    if (c === 115) return "s";
    if (c === 110) return "n";
    if (c === 98) return "b";
    if (c === 101) return "e";
    if (c === 100) return "d";
  } else if (len === 3 && xml.startsWith("str", at)) return "str";
  else if (len === 9 && xml.startsWith("inlineStr", at)) return "inlineStr";
  return decodeEntities(xml.slice(at, end));
}

/** Row and column of an A1 reference in xml[from, to), into refRow/refCol; false if not one. */
let refRow = 0;
let refCol = 0;
function cellRefAt(xml: string, from: number, to: number): boolean {
  let col = 0;
  let i = from;
  while (i < to && i - from < 4) {
    const c = xml.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    i += 1;
  }
  if (i === from || i - from > 3) return false;
  const row = digitsAt(xml, i, to);
  if (row <= 0) return false;
  refRow = row - 1;
  refCol = col - 1;
  return true;
}

/**
 * One pass over a <c …> tag from `from`: the index of its closing '>' (-1 if none), with where
 * its r=, s= and t= values lie in the *At/*End variables. Quoted values are skipped whole, so
 * text inside another attribute's value is never taken for one of these three.
 */
let cellR = -1;
let cellREnd = 0;
let cellS = -1;
let cellSEnd = 0;
let cellT = -1;
let cellTEnd = 0;
function scanCellTag(xml: string, from: number): number {
  cellR = cellS = cellT = -1;
  const n = xml.length;
  let i = from;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const e = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (e < 0) return -1;
      i = e + 1;
      continue;
    }
    if ((c === 114 || c === 115 || c === 116) && xml.charCodeAt(i + 1) === 61) {
      const before = xml.charCodeAt(i - 1);
      const q = xml.charCodeAt(i + 2);
      if (
        (before === 32 || before === 9 || before === 10 || before === 13) &&
        (q === 34 || q === 39)
      ) {
        const e = xml.indexOf(q === 34 ? '"' : "'", i + 3);
        if (e < 0) return -1;
        if (c === 114 && cellR < 0) {
          cellR = i + 3;
          cellREnd = e;
        } else if (c === 115 && cellS < 0) {
          cellS = i + 3;
          cellSEnd = e;
        } else if (c === 116 && cellT < 0) {
          cellT = i + 3;
          cellTEnd = e;
        }
        i = e + 1;
        continue;
      }
    }
    i += 1;
  }
  return -1;
}

/** Excel's limits (Excel specifications and limits): 1,048,576 rows, 16,384 columns, 8,192-character formulas. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const MAX_FORMULA = 8_192;

/**
 * Formula text across the workbook, shared formulas counted once per cell they fill: a ledger
 * of 200,000 rows with three formulas each holds about 25 million characters. A shared formula
 * of 8,000 characters over 60,000 cells would otherwise be shifted and kept 60,000 times.
 */
export const MAX_FORMULA_TEXT = 32_000_000;

function spendFormulaText(ctx: SheetContext, chars: number): void {
  ctx.budget.formulaText = (ctx.budget.formulaText ?? 0) + chars;
  if (ctx.budget.formulaText > MAX_FORMULA_TEXT)
    throw new WorkbookReadError("too-large", {
      zh: `公式文字超过 ${MAX_FORMULA_TEXT.toLocaleString("en-US")} 个字符`,
      en: `more than ${MAX_FORMULA_TEXT.toLocaleString("en-US")} characters of formulas`,
    });
}

/**
 * Cells with content (<c …>…</c>, not <c …/>) counted before any is built: a sheet over the
 * cell limit is refused holding only its text, not its text and two million cells (a
 * 2.9-million-cell sheet peaked at 530 MB on its way to being refused). An upper bound of
 * what the scan counts (a cell holding nothing is not counted there), so never lower.
 */
function refuseBeyondBudget(
  xml: string,
  from: number,
  to: number,
  cellTag: string,
  ctx: SheetContext
): void {
  let count = 0;
  const room = ctx.budget.max - ctx.budget.cells;
  for (let i = xml.indexOf(cellTag, from); i >= 0 && i < to; i = xml.indexOf(cellTag, i + 1)) {
    if (!isNameEnd(xml.charCodeAt(i + cellTag.length))) continue;
    const gt = tagEnd(xml, i);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) continue;
    count += 1;
    if (count > room) throw tooMany(ctx.budget.max, CELLS);
  }
}

const CELLS = { zh: "个单元格", en: "cells" };

function beyondGrid(part: string, where: string): WorkbookReadError {
  return new WorkbookReadError(
    "corrupt",
    { zh: "有单元格超出 Excel 的行列范围", en: "a cell lies beyond Excel's rows and columns" },
    `${part}: ${where}`
  );
}

function textOf(raw: string): string {
  if (raw.startsWith("<![CDATA[") && raw.endsWith("]]>")) return raw.slice(9, -3);
  return decodeEntities(raw);
}

function errorOrNumber(text: string): CellScalar {
  const n = Number(text);
  return Number.isFinite(n) ? n : { error: text };
}

export function scanSheet(xml: string, part: string, name: string, ctx: SheetContext): SheetModel {
  const rows: (CellModel | undefined)[][] = [];
  const shared = new Map<string, SharedFormula>();
  const interner = new CellInterner();
  const start = xml.search(/<([A-Za-z_][\w.-]*:)?sheetData[\s>/]/);
  if (start < 0) return { name, rows };
  // Writers may prefix every element (<x:c>); all the tags we look for share the prefix.
  const outer = /<([A-Za-z_][\w.-]*:)?sheetData/.exec(xml.slice(start, start + 64))![1] ?? "";
  // The rows may carry another prefix than sheetData (<sheetData xmlns:y="…"><y:row>): the
  // first row's is theirs. Only the first 4 KB after sheetData are searched for it.
  const firstRow = /<([A-Za-z_][\w.-]*:)?row[\s>/]/.exec(xml.slice(start, start + 4096));
  const prefix = firstRow ? (firstRow[1] ?? "") : outer;
  const open = (tag: string) => `<${prefix}${tag}`;
  const close = (tag: string) => `</${prefix}${tag}>`;
  const ROW = open("row");
  const CELL = open("c");
  const CELL_END = close("c");
  const V = open("v");
  const V_END = close("v");
  const F = open("f");
  const F_END = close("f");
  const IS = open("is");
  const T = open("t");
  const T_END = close("t");
  const RPH = open("rPh");
  const RPH_END = close("rPh");
  // The last </sheetData>, not the first: the text of a CDATA section may spell one out.
  let end = xml.lastIndexOf(`</${outer}sheetData>`);
  if (end < start) end = xml.length;
  refuseBeyondBudget(xml, start, end, CELL, ctx);
  let row = -1;
  let col = -1;
  let i = start;

  // Where the current cell's <v> text and <f> element lie in `xml` (-1: absent). Set per cell
  // by the fast path or by `inner`, read at once: one object for the sheet, none per cell.
  const at = { vFrom: -1, vTo: -1, fAttrFrom: -1, fAttrTo: -1, fFrom: -1, fTo: -1 };

  /** The first `tag` element inside the cell's content, as positions in `xml` (base = content's start). */
  const inner = (content: string, base: number, tag: string, tagEnd_: string, isV: boolean) => {
    const tagAt = content.indexOf(tag);
    if (tagAt < 0 || !isNameEnd(content.charCodeAt(tagAt + tag.length))) return;
    const gt = tagEnd(content, tagAt);
    if (gt < 0) return;
    const selfClosing = content.charCodeAt(gt - 1) === 47;
    let from = -1;
    let to = -1;
    if (!selfClosing) {
      const stop = content.indexOf(tagEnd_, gt);
      from = base + gt + 1;
      to = base + (stop < 0 ? content.length : stop);
    }
    if (isV) {
      at.vFrom = from;
      at.vTo = to;
    } else {
      at.fAttrFrom = base + tagAt + tag.length;
      at.fAttrTo = base + (selfClosing ? gt - 1 : gt);
      at.fFrom = from;
      at.fTo = to;
    }
  };

  /**
   * The usual cell, read in place: an optional <f …>text</f> or <f …/>, then an optional
   * <v>text</v>, nothing else between <c …> and </c>. Anything else (CDATA, inline strings,
   * whitespace, other elements) returns false and goes the general way. Every search is bounded
   * by the cell's end: the next '<' after a text is always at or before `stop`.
   */
  const fastCell = (from: number, stop: number): boolean => {
    let p = from;
    if (xml.startsWith(F, p) && isNameEnd(xml.charCodeAt(p + F.length))) {
      let gt = -1;
      for (let q = p + F.length; q < stop; q += 1) {
        const c = xml.charCodeAt(q);
        if (c === 62) {
          gt = q;
          break;
        }
        if (c === 34 || c === 39 || c === 60) return false; // quoted values: the general way
      }
      if (gt < 0) return false;
      at.fAttrFrom = p + F.length;
      if (xml.charCodeAt(gt - 1) === 47) {
        at.fAttrTo = gt - 1;
        p = gt + 1;
      } else {
        const close = xml.indexOf("<", gt + 1);
        if (close < 0 || close > stop || !xml.startsWith(F_END, close)) return false;
        at.fAttrTo = gt;
        at.fFrom = gt + 1;
        at.fTo = close;
        p = close + F_END.length;
      }
    }
    if (xml.startsWith(V, p) && xml.charCodeAt(p + V.length) === 62) {
      const close = xml.indexOf("<", p + V.length + 1);
      if (close < 0 || close > stop || !xml.startsWith(V_END, close)) return false;
      at.vFrom = p + V.length + 1;
      at.vTo = close;
      p = close + V_END.length;
    }
    return p === stop;
  };

  while (i < end) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= end) break;
    if (xml.startsWith(ROW, lt) && isNameEnd(xml.charCodeAt(lt + ROW.length))) {
      const gt = tagEnd(xml, lt);
      if (gt < 0) throw new WorkbookReadError("corrupt", undefined, `${part}: unterminated row`);
      const rAt = attributeAt(xml, lt + ROW.length, gt, "r");
      const plain = rAt < 0 ? -1 : digitsAt(xml, rAt, valueEnd);
      if (plain > 0) row = plain - 1;
      else {
        const r = rAt < 0 ? null : decodeEntities(xml.slice(rAt, valueEnd));
        row = r ? Number(r) - 1 : row + 1;
        if (!(row >= 0 && row < MAX_ROWS)) throw beyondGrid(part, `row ${r}`);
      }
      if (row >= MAX_ROWS) throw beyondGrid(part, `row ${row + 1}`);
      col = -1;
      i = gt + 1;
      continue;
    }
    if (!(xml.startsWith(CELL, lt) && isNameEnd(xml.charCodeAt(lt + CELL.length)))) {
      i = lt + 1;
      continue;
    }
    const gt = scanCellTag(xml, lt + CELL.length);
    if (gt < 0) throw new WorkbookReadError("corrupt", undefined, `${part}: unterminated cell`);
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const refAt = cellR;
    const refEnd = cellREnd;
    if (refAt >= 0 && cellRefAt(xml, refAt, refEnd)) {
      row = refRow;
      col = refCol;
    } else {
      const pos =
        refAt >= 0 && refEnd > refAt ? parseA1(decodeEntities(xml.slice(refAt, refEnd))) : null;
      if (pos) {
        row = pos.row;
        col = pos.col;
      } else col += 1;
    }
    if (row >= MAX_ROWS || col >= MAX_COLS || row < 0)
      throw beyondGrid(part, refAt >= 0 ? xml.slice(refAt, refEnd) : `column ${col}`);
    if (selfClosing) {
      // A styled empty cell: nothing to read.
      i = gt + 1;
      continue;
    }
    const cellEnd = xml.indexOf(CELL_END, gt);
    const stop = cellEnd < 0 ? end : cellEnd;
    i = cellEnd < 0 ? end : cellEnd + CELL_END.length;
    if (stop <= gt + 1) continue;
    const type = cellType(xml, cellT, cellTEnd);
    let fmt: string | undefined;
    if (cellS >= 0) {
      const index = digitsAt(xml, cellS, cellSEnd);
      fmt = ctx.formats[index >= 0 ? index : Number(decodeEntities(xml.slice(cellS, cellSEnd)))];
    }

    at.vFrom = at.vTo = at.fAttrFrom = at.fAttrTo = at.fFrom = at.fTo = -1;
    let content: string | null = null;
    if (type === "inlineStr" || !fastCell(gt + 1, stop)) {
      at.vFrom = at.vTo = at.fAttrFrom = at.fAttrTo = at.fFrom = at.fTo = -1;
      content = xml.slice(gt + 1, stop);
      inner(content, gt + 1, V, V_END, true);
      inner(content, gt + 1, F, F_END, false);
    }
    let cv: CellScalar = null;
    let value: string | null = null;
    let inPlace = false;
    let stringIndex = -1; // the shared string's number, for a cell read in place
    let numberCell = false; // a number cell, whose dates move in a 1904 workbook
    if (at.vFrom >= 0 && (type === "s" || type === "n")) {
      // Shared-string indexes and whole numbers, read without a string of their own.
      const negative = type === "n" && xml.charCodeAt(at.vFrom) === 45;
      const digits = digitsAt(xml, negative ? at.vFrom + 1 : at.vFrom, at.vTo);
      if (digits >= 0) {
        inPlace = true;
        cv = type === "s" ? (ctx.strings[digits] ?? null) : negative ? -digits : digits;
        if (type === "s") stringIndex = digits;
        numberCell = type === "n";
      }
    }
    if (!inPlace && at.vFrom >= 0) value = textOf(xml.slice(at.vFrom, at.vTo));
    let inline: string | null = null;
    if (type === "inlineStr" && content) {
      const is = content.indexOf(IS);
      if (is >= 0) {
        const parts: string[] = [];
        let j = is;
        for (;;) {
          const t = content.indexOf(T, j);
          if (t < 0) break;
          const ph = content.indexOf(RPH, j);
          if (ph >= 0 && ph < t) {
            // phonetic runs (furigana) are not part of the text
            const phEnd = content.indexOf(RPH_END, ph);
            j = phEnd < 0 ? content.length : phEnd + RPH_END.length;
            continue;
          }
          if (!isNameEnd(content.charCodeAt(t + T.length))) {
            j = t + T.length;
            continue;
          }
          const tgt = tagEnd(content, t);
          if (tgt < 0) break;
          if (content.charCodeAt(tgt - 1) === 47) {
            j = tgt + 1;
            continue;
          }
          const tEnd = content.indexOf(T_END, tgt);
          parts.push(textOf(content.slice(tgt + 1, tEnd < 0 ? content.length : tEnd)));
          j = tEnd < 0 ? content.length : tEnd + T_END.length;
        }
        inline = parts.join("");
      }
    }

    ctx.budget.cells += 1;
    if (ctx.budget.cells > ctx.budget.max) throw tooMany(ctx.budget.max, CELLS);
    if (!inPlace)
      switch (type) {
        case "s":
          cv = value === null ? null : (ctx.strings[Number(value)] ?? null);
          break;
        case "inlineStr":
          cv = inline ?? value;
          break;
        case "str":
          cv = value ?? "";
          break;
        case "b":
          cv =
            value === null ? null : value.trim() === "1" || value.trim().toLowerCase() === "true";
          break;
        case "e":
          cv = value === null ? null : { error: value };
          break;
        case "d": {
          // ISO 8601 date (strict OOXML); to a 1900 serial
          const t = value
            ? Date.parse(value.length <= 10 ? `${value}T00:00:00Z` : `${value}Z`)
            : NaN;
          cv = Number.isFinite(t) ? (t - Date.UTC(1899, 11, 30)) / 86_400_000 : value;
          break;
        }
        default:
          cv = value === null || value === "" ? null : errorOrNumber(value.trim());
          numberCell = true;
      }
    if (numberCell && typeof cv === "number" && ctx.date1904 && isDateFormat(fmt))
      cv += DAYS_1900_TO_1904;

    let formula: string | undefined;
    if (at.fAttrFrom >= 0) {
      let text = at.fFrom < 0 ? "" : textOf(xml.slice(at.fFrom, at.fTo)).trim().replace(/^=/, "");
      // Excel refuses formulas over 8,192 characters: such text is no formula of Excel's.
      if (text.length > MAX_FORMULA) text = "";
      const kind = attribute(xml, at.fAttrFrom, at.fAttrTo, "t");
      const si = attribute(xml, at.fAttrFrom, at.fAttrTo, "si");
      if (kind === "shared" && si !== null) {
        if (text) {
          shared.set(si, { formula: text, row, col });
          formula = text;
        } else {
          const master = shared.get(si);
          if (master) {
            spendFormulaText(ctx, master.formula.length);
            formula = shiftFormula(master.formula, row - master.row, col - master.col);
          }
        }
      } else if (text) formula = text;
      if (text) spendFormulaText(ctx, text.length);
    }
    if (cv === null && formula === undefined) continue;
    // Literal shapes, not properties added later: fewer hidden classes and no property stores.
    const shown = fmt !== "General" ? fmt : undefined;
    let cell: CellModel;
    if (formula !== undefined)
      cell = shown !== undefined ? { v: cv, f: formula, fmt: shown } : { v: cv, f: formula };
    else if (typeof cv === "number") cell = interner.number(cv, shown);
    else if (typeof cv === "string" && stringIndex >= 0)
      cell = interner.sharedString(stringIndex, cv, shown);
    else cell = shown !== undefined ? { v: cv, fmt: shown } : { v: cv };
    (rows[row] ??= [])[col] = cell;
  }
  return { name, rows };
}
