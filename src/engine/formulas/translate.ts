/**
 * Excel's stored formula text -> HyperFormula's syntax. Every difference between the two
 * lives here:
 *  - sheet names that Excel writes unquoted (支出台账!$F:$F) but HyperFormula only parses
 *    quoted ('支出台账'!$F:$F);
 *  - the literals TRUE and FALSE, which HyperFormula knows only as functions TRUE()/FALSE();
 *  - structured references (Budget[预算金额], Budget[[#This Row],[类别]], [@类别]), which
 *    HyperFormula does not have: resolved to A1 ranges from the workbook's table objects;
 *  - the _xlfn./_xlws. prefixes Excel stores for newer functions;
 *  - separators: ';' between arguments and '|' between array rows, because HyperFormula is
 *    told that ',' groups thousands.
 */
import type { TableModel } from "../model";
import type { Text } from "../i18n";
import { a1, parseRange } from "../util/address";
import { compact } from "../util/text";

export interface FormulaSite {
  /** Sheet holding the formula (for [#This Row] and unqualified [@Col]). */
  sheet: string;
  row: number;
  col: number;
}

/** A formula HyperFormula cannot be given, with why in both languages. */
export class FormulaTranslationError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** Characters that may appear in a sheet name HyperFormula parses without quotes. */
const HF_UNQUOTED_SHEET = /^[A-Za-z0-9_]+$/;
/** Characters that end an unquoted name to the left of '!' in Excel's syntax. */
const NAME_STOP = new Set([...'(),+-*/&^=<>;:{}%" \t\r\n!']);

function quote(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function sheetPrefix(name: string): string {
  return HF_UNQUOTED_SHEET.test(name) ? `${name}!` : `${quote(name)}!`;
}

/** Column name as stored in a structured reference: ' escapes [ ] # and '. */
function unescapeColumn(s: string): string {
  return s.replace(/'(.)/g, "$1").trim();
}

function findColumn(table: TableModel, name: string): number {
  const exact = table.columns.findIndex((c) => c === name);
  if (exact >= 0) return exact;
  // Excel matches column names without regard to case; full-width and spaces forgiven as typed.
  const key = compact(name).toLowerCase();
  return table.columns.findIndex((c) => compact(c).toLowerCase() === key);
}

/** Split the inside of Table[ ... ] into its items: '[#This Row],[Col]' -> ['#This Row', 'Col']. */
function structuredItems(inner: string): { items: string[]; range?: [string, string] } {
  const trimmed = inner.trim();
  if (!trimmed.startsWith("[")) {
    // Table[Col] or Table[@Col] or Table[#Totals]
    if (trimmed.startsWith("@"))
      return {
        items: ["#This Row", ...(trimmed.length > 1 ? [stripBrackets(trimmed.slice(1))] : [])],
      };
    return { items: [trimmed] };
  }
  const items: string[] = [];
  let range: [string, string] | undefined;
  let i = 0;
  let pendingColon = false;
  while (i < trimmed.length) {
    const ch = trimmed[i];
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < trimmed.length; j += 1) {
        if (trimmed[j] === "'") {
          j += 1;
          continue;
        }
        if (trimmed[j] === "[") depth += 1;
        else if (trimmed[j] === "]") {
          depth -= 1;
          if (depth === 0) break;
        }
      }
      const item = trimmed.slice(i + 1, j);
      if (pendingColon) {
        range = [items.pop()!, item];
        pendingColon = false;
      } else items.push(item);
      i = j + 1;
    } else if (ch === ":") {
      pendingColon = true;
      i += 1;
    } else if (ch === "@") {
      items.push("#This Row");
      i += 1;
    } else i += 1;
  }
  if (range) items.push(`${range[0]}\u0000${range[1]}`);
  return { items, range };
}

function stripBrackets(s: string): string {
  return s.startsWith("[") && s.endsWith("]") ? s.slice(1, -1) : s;
}

function resolveStructured(table: TableModel, inner: string, site: FormulaSite): string {
  const range = parseRange(table.ref);
  if (!range)
    throw new FormulaTranslationError({
      zh: `表格 ${table.name} 的范围无法识别`,
      en: `table ${table.name} has no usable range`,
    });
  const headerRow = range.start.row;
  const firstData = headerRow + table.headerRowCount;
  const lastData = range.end.row - table.totalsRowCount;
  let rowFrom = firstData;
  let rowTo = lastData;
  let colFrom = range.start.col;
  let colTo = range.end.col;
  const { items } = structuredItems(inner);
  const specials = new Set<string>();
  for (const rawItem of items) {
    const item = rawItem.trim();
    if (item.startsWith("#")) {
      specials.add(item.toLowerCase().replace(/\s+/g, " "));
      continue;
    }
    const [a, b] = item.split("\u0000");
    const ca = findColumn(table, unescapeColumn(a));
    const cb = b === undefined ? ca : findColumn(table, unescapeColumn(b));
    if (ca < 0 || cb < 0)
      throw new FormulaTranslationError({
        zh: `表格 ${table.name} 中没有「${unescapeColumn(ca < 0 ? a : b)}」列`,
        en: `table ${table.name} has no column "${unescapeColumn(ca < 0 ? a : b)}"`,
      });
    colFrom = range.start.col + Math.min(ca, cb);
    colTo = range.start.col + Math.max(ca, cb);
  }
  if (specials.has("#this row")) {
    rowFrom = rowTo = site.row;
  } else if (specials.has("#data") && specials.has("#totals")) {
    rowTo = range.end.row;
  } else if (specials.has("#totals")) {
    rowFrom = rowTo = range.end.row;
  } else if (specials.has("#headers")) {
    rowFrom = headerRow;
    rowTo = specials.has("#data") ? lastData : headerRow;
  } else if (specials.has("#all")) {
    rowFrom = headerRow;
    rowTo = range.end.row;
  }
  const start = `$${a1(rowFrom, colFrom).replace(/(\d+)$/, "$$$1")}`;
  const end = `$${a1(rowTo, colTo).replace(/(\d+)$/, "$$$1")}`;
  const prefix = table.sheet === site.sheet ? "" : sheetPrefix(table.sheet);
  return start === end ? `${prefix}${start}` : `${prefix}${start}:${end}`;
}

/**
 * Translate one formula (without '=') from Excel's file syntax to HyperFormula's.
 * Throws FormulaTranslationError for references it cannot resolve.
 */
export function toHyperFormula(
  formula: string,
  site: FormulaSite,
  tables: readonly TableModel[] = []
): string {
  let out = "";
  let i = 0;
  let braces = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      // string literal, "" escapes a quote
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j += 1;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      // quoted sheet name
      let j = i + 1;
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") j += 2;
          else break;
        } else j += 1;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      // [@Col] or [[#This Row],[Col]] inside a table: the table holding the formula
      const table = tables.find((t) => {
        const r = parseRange(t.ref);
        return (
          t.sheet === site.sheet &&
          r &&
          site.row >= r.start.row &&
          site.row <= r.end.row &&
          site.col >= r.start.col &&
          site.col <= r.end.col
        );
      });
      if (!table)
        throw new FormulaTranslationError({
          zh: `${a1(site.row, site.col)} 不在表格内，不能使用表格列引用`,
          en: `structured reference outside a table at ${a1(site.row, site.col)}`,
        });
      const end = matchBracket(formula, i);
      out += resolveStructured(table, formula.slice(i + 1, end), site);
      i = end + 1;
      continue;
    }
    if (!NAME_STOP.has(ch)) {
      // a run of name characters: function, name, reference, number, sheet or table name
      let j = i;
      while (j < n && !NAME_STOP.has(formula[j]) && formula[j] !== "[" && formula[j] !== "'")
        j += 1;
      const word = formula.slice(i, j);
      const next = formula[j];
      if (next === "!") {
        out += sheetPrefix(word);
        i = j + 1;
        continue;
      }
      if (next === "[") {
        const table = tables.find((t) => t.name.toLowerCase() === word.toLowerCase());
        if (!table)
          throw new FormulaTranslationError({
            zh: `找不到名为「${word}」的表格`,
            en: `unknown table "${word}"`,
          });
        const end = matchBracket(formula, j);
        out += resolveStructured(table, formula.slice(j + 1, end), site);
        i = end + 1;
        continue;
      }
      const upper = word.toUpperCase();
      if ((upper === "TRUE" || upper === "FALSE") && next !== "(") {
        out += `${upper}()`;
      } else if (/^_xl(fn|ws)\./i.test(word)) {
        out += word.replace(/^(_xl(fn|ws)\.)+/i, "");
      } else out += word;
      i = j;
      continue;
    }
    // Separators: HyperFormula is run with ',' as the thousands separator (Excel converts
    // "100,000.00" in arithmetic), so arguments are separated by ';' and array constants
    // {1,2;3,4} become {1;2|3;4} (see HF_SEPARATORS in engine.ts).
    if (ch === "{") braces += 1;
    else if (ch === "}") braces = Math.max(0, braces - 1);
    if (ch === ",") out += ";";
    else if (ch === ";" && braces > 0) out += "|";
    else out += ch;
    i += 1;
  }
  return out;
}

function matchBracket(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j += 1) {
    if (s[j] === "'") {
      j += 1;
      continue;
    }
    if (s[j] === "[") depth += 1;
    else if (s[j] === "]") {
      depth -= 1;
      if (depth === 0) return j;
    }
  }
  throw new FormulaTranslationError({
    zh: "表格列引用中的方括号不成对",
    en: "unbalanced [ ] in a structured reference",
  });
}
