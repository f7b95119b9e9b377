/**
 * One worksheet's cells, scanned straight off the XML text. A sheet is the one large part of an
 * xlsx (a 50,000-row ledger is tens of megabytes), so it gets a dedicated scanner that looks only
 * for the few elements that matter (<row>, <c>, <v>, <f>, <is>/<t>) with indexOf, instead of
 * building an attribute object for every tag. Tolerant: an odd cell is skipped, never a hang.
 */
import type { CellModel, CellScalar, SheetModel } from "../../engine/model";
import { parseA1 } from "../../engine/util/address";
import { shiftFormula } from "../../engine/formulas/shift";
import { WorkbookReadError } from "./errors";
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
  budget: { cells: number; max: number };
}

function isNameEnd(c: number): boolean {
  // space, tab, CR, LF, '>' or '/'
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 62 || c === 47;
}

/**
 * Value of attribute `name` between `from` and `to` (one tag's attributes), or null. Looks
 * only inside the tag: a search that ran on past it would make a sheet of plain cells
 * (no s= or t=) quadratic in its size.
 */
function attribute(xml: string, from: number, to: number, name: string): string | null {
  const first = name.charCodeAt(0);
  const n = name.length;
  for (let at = from; at + n < to; at += 1) {
    if (xml.charCodeAt(at) !== first) continue;
    const before = xml.charCodeAt(at - 1);
    // a whole attribute name (not the tail of another, e.g. "r" inside "spans")
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    if (xml.charCodeAt(at + n) !== 61 || (n > 1 && !xml.startsWith(name, at))) continue;
    const quote = xml[at + n + 1];
    if (quote !== '"' && quote !== "'") return null;
    const end = xml.indexOf(quote, at + n + 2);
    if (end < 0 || end > to) return null;
    return decodeEntities(xml.slice(at + n + 2, end));
  }
  return null;
}

/** Excel's limits (Excel specifications and limits): 1,048,576 rows, 16,384 columns, 8,192-character formulas. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const MAX_FORMULA = 8_192;

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
  const start = xml.search(/<([A-Za-z_][\w.-]*:)?sheetData[\s>/]/);
  if (start < 0) return { name, rows };
  // Writers may prefix every element (<x:c>); all the tags we look for share the prefix.
  const prefix = /<([A-Za-z_][\w.-]*:)?sheetData/.exec(xml.slice(start, start + 64))![1] ?? "";
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
  let end = xml.indexOf(close("sheetData"), start);
  if (end < 0) end = xml.length;
  let row = -1;
  let col = -1;
  let i = start;

  const inner = (
    content: string,
    tag: string,
    tagEnd_: string
  ): { attrsFrom: number; attrsTo: number; text: string | null } | null => {
    const at = content.indexOf(tag);
    if (at < 0 || !isNameEnd(content.charCodeAt(at + tag.length))) return null;
    const gt = tagEnd(content, at);
    if (gt < 0) return null;
    if (content.charCodeAt(gt - 1) === 47)
      return { attrsFrom: at + tag.length, attrsTo: gt - 1, text: null };
    const stop = content.indexOf(tagEnd_, gt);
    return {
      attrsFrom: at + tag.length,
      attrsTo: gt,
      text: content.slice(gt + 1, stop < 0 ? content.length : stop),
    };
  };

  while (i < end) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= end) break;
    if (xml.startsWith(ROW, lt) && isNameEnd(xml.charCodeAt(lt + ROW.length))) {
      const gt = tagEnd(xml, lt);
      if (gt < 0) throw new WorkbookReadError("corrupt", undefined, `${part}: unterminated row`);
      const r = attribute(xml, lt + ROW.length, gt, "r");
      row = r ? Number(r) - 1 : row + 1;
      if (!(row >= 0 && row < MAX_ROWS)) throw beyondGrid(part, `row ${r}`);
      col = -1;
      i = gt + 1;
      continue;
    }
    if (!(xml.startsWith(CELL, lt) && isNameEnd(xml.charCodeAt(lt + CELL.length)))) {
      i = lt + 1;
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (gt < 0) throw new WorkbookReadError("corrupt", undefined, `${part}: unterminated cell`);
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const attrsTo = selfClosing ? gt - 1 : gt;
    const ref = attribute(xml, lt + CELL.length, attrsTo, "r");
    const pos = ref ? parseA1(ref) : null;
    if (pos) {
      row = pos.row;
      col = pos.col;
    } else col += 1;
    if (row >= MAX_ROWS || col >= MAX_COLS || row < 0)
      throw beyondGrid(part, ref ?? `column ${col}`);
    if (selfClosing) {
      // A styled empty cell: nothing to read.
      i = gt + 1;
      continue;
    }
    const cellEnd = xml.indexOf(CELL_END, gt);
    const stop = cellEnd < 0 ? end : cellEnd;
    const content = xml.slice(gt + 1, stop);
    i = cellEnd < 0 ? end : cellEnd + CELL_END.length;
    if (!content) continue;
    const type = attribute(xml, lt + CELL.length, attrsTo, "t") ?? "n";
    const style = attribute(xml, lt + CELL.length, attrsTo, "s");
    const fmt = style !== null ? ctx.formats[Number(style)] : undefined;

    const v = inner(content, V, V_END);
    const value = v?.text != null ? textOf(v.text) : null;
    let inline: string | null = null;
    if (type === "inlineStr") {
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
    if (ctx.budget.cells > ctx.budget.max) {
      const max = ctx.budget.max.toLocaleString("en-US");
      throw new WorkbookReadError("too-large", {
        zh: `超过 ${max} 个单元格`,
        en: `more than ${max} cells`,
      });
    }
    let cv: CellScalar = null;
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
        cv = value === null ? null : value.trim() === "1" || value.trim().toLowerCase() === "true";
        break;
      case "e":
        cv = value === null ? null : { error: value };
        break;
      case "d": {
        // ISO 8601 date (strict OOXML); to a 1900 serial
        const t = value ? Date.parse(value.length <= 10 ? `${value}T00:00:00Z` : `${value}Z`) : NaN;
        cv = Number.isFinite(t) ? (t - Date.UTC(1899, 11, 30)) / 86_400_000 : value;
        break;
      }
      default:
        cv = value === null || value === "" ? null : errorOrNumber(value.trim());
        if (typeof cv === "number" && ctx.date1904 && isDateFormat(fmt)) cv += 1462;
    }

    let formula: string | undefined;
    const f = inner(content, F, F_END);
    if (f) {
      let text = f.text === null ? "" : textOf(f.text).trim().replace(/^=/, "");
      // Excel refuses formulas over 8,192 characters: such text is no formula of Excel's.
      if (text.length > MAX_FORMULA) text = "";
      const kind = attribute(content, f.attrsFrom, f.attrsTo, "t");
      const si = attribute(content, f.attrsFrom, f.attrsTo, "si");
      if (kind === "shared" && si !== null) {
        if (text) {
          shared.set(si, { formula: text, row, col });
          formula = text;
        } else {
          const master = shared.get(si);
          if (master) formula = shiftFormula(master.formula, row - master.row, col - master.col);
        }
      } else if (text) formula = text;
    }
    if (cv === null && formula === undefined) continue;
    const cell: CellModel = { v: cv };
    if (formula !== undefined) cell.f = formula;
    if (fmt !== undefined && fmt !== "General") cell.fmt = fmt;
    (rows[row] ??= [])[col] = cell;
  }
  return { name, rows };
}
