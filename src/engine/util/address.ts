/** A1 addressing helpers. Rows and columns are zero-based in code, one-based in A1 text. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export interface CellPos {
  row: number;
  col: number;
}

export interface RangePos {
  start: CellPos;
  end: CellPos;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseA1(ref: string): CellPos | null {
  // Hand-rolled for the reader's hot path (one call per cell); the regex is the fallback.
  let col = 0;
  let i = 0;
  const n = ref.length;
  while (i < n) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    i += 1;
  }
  if (i > 0 && i <= 3 && i < n) {
    let row = 0;
    let j = i;
    for (; j < n; j += 1) {
      const c = ref.charCodeAt(j);
      if (c < 48 || c > 57) break;
      row = row * 10 + (c - 48);
    }
    if (j === n && row > 0) return { col: col - 1, row: row - 1 };
  }
  const m = CELL_RE.exec(ref.trim());
  if (!m) return null;
  return { col: columnIndex(m[1]), row: parseInt(m[2], 10) - 1 };
}

export function parseRange(ref: string): RangePos | null {
  const [a, b] = ref.split(":");
  const start = parseA1(a);
  const end = b === undefined ? start : parseA1(b);
  if (!start || !end) return null;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

export function rangeA1(r: RangePos): string {
  const s = a1(r.start.row, r.start.col);
  const e = a1(r.end.row, r.end.col);
  return s === e ? s : `${s}:${e}`;
}

/** Quote a sheet name for use in a formula the way Excel writes it when quoting is needed. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
