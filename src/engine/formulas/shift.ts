/**
 * Moving a formula from one cell to another the way Excel fills it: relative references
 * shift, $-anchored parts stay. Used to expand shared formulas (<f t="shared" si="0"/>),
 * which files store once for a whole filled range.
 */
import { columnIndex, columnLetters } from "../util/address";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function shiftCell(ref: string, dRow: number, dCol: number): string {
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(ref);
  if (!m) return ref;
  let col = columnIndex(m[2]);
  let row = Number(m[4]) - 1;
  if (!m[1]) col += dCol;
  if (!m[3]) row += dRow;
  if (col < 0 || row < 0 || col >= MAX_COL || row >= MAX_ROW) return "#REF!";
  return `${m[1]}${columnLetters(col)}${m[3]}${row + 1}`;
}

function shiftColumn(ref: string, dCol: number): string {
  const m = /^(\$?)([A-Za-z]{1,3})$/.exec(ref);
  if (!m || m[1]) return ref;
  const col = columnIndex(m[2]) + dCol;
  return col < 0 || col >= MAX_COL ? "#REF!" : columnLetters(col);
}

function shiftRow(ref: string, dRow: number): string {
  const m = /^(\$?)(\d+)$/.exec(ref);
  if (!m || m[1]) return ref;
  const row = Number(m[2]) + dRow;
  return row < 1 || row > MAX_ROW ? "#REF!" : String(row);
}

// "[...]" stops at the next "[" as well as at "]": a text of many "[" stays linear.
const TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'!|\[[^\][]*\]|(\$?[A-Za-z]{1,3}\$?\d+)(?![\w(!.])|(\$?[A-Za-z]{1,3}):(\$?[A-Za-z]{1,3})(?![\w(!.])|(\$?\d+):(\$?\d+)(?![\w(!.])|[A-Za-z_\\][\w.]*[(!]?/g;

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return formula.replace(
    TOKEN,
    (tok, cell?: string, c1?: string, c2?: string, r1?: string, r2?: string) => {
      if (cell) return shiftCell(cell, dRow, dCol);
      if (c1 && c2) return `${shiftColumn(c1, dCol)}:${shiftColumn(c2, dCol)}`;
      if (r1 && r2) return `${shiftRow(r1, dRow)}:${shiftRow(r2, dRow)}`;
      return tok;
    }
  );
}
