/**
 * How much to ask Excel for per request. Excel on the web refuses responses over 5 MB; a cell
 * read with values, formulas, numberFormat and valueTypes costs some 30 bytes for a number and
 * 60 to 400 for Chinese text (values and formulas both carry it, 3 bytes a character). Before
 * anything is known, a request is planned at INITIAL_BYTES_PER_CELL; once a sheet's first
 * window has come back, its rows are planned at the bytes they were seen to take (read.ts).
 *
 * A sheet's used range is only known after a round trip, so the first read of each sheet is a
 * "window" anchored at A1 and sized from what the first sync learned (table sizes); whatever
 * of the used range lies outside the window is read afterwards in blocks of whole rows.
 */
import type { RangePos } from "../../engine/util/address";
import { cellCount } from "./address";
import { BUDGET } from "./payload";

/** What a cell is assumed to cost in a response before any of its sheet has been read. */
export const INITIAL_BYTES_PER_CELL = 80;

/** Cells in the first request (the windows): BUDGET at INITIAL_BYTES_PER_CELL, 50,000. */
export const CELLS_PER_REQUEST = Math.floor(BUDGET / INITIAL_BYTES_PER_CELL);

/** Excel's grid. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A sheet without a table object to size it: room for a form or a hand-made list. */
const DEFAULT_ROWS = 200;
const DEFAULT_COLS = 16;
/** Title and note rows above a table, and stray columns beside it. */
const SLACK_ROWS = 10;
const SLACK_COLS = 2;
const MIN_COLS = 8;

export interface SheetHint {
  /** Rows of the sheet's table objects, header and totals included. */
  rows: number;
  /** Columns of its widest table object. */
  cols: number;
}

export interface Window {
  sheet: string;
  /** Rows and columns from A1; rows = 0 reads nothing before the used range is known. */
  rows: number;
  cols: number;
}

export interface Block {
  sheet: string;
  range: RangePos;
}

function demand(hint: SheetHint | undefined): { rows: number; cols: number } {
  if (!hint) return { rows: DEFAULT_ROWS, cols: DEFAULT_COLS };
  return {
    rows: Math.min(MAX_ROWS, hint.rows + SLACK_ROWS),
    cols: Math.min(MAX_COLS, Math.max(MIN_COLS, hint.cols + SLACK_COLS)),
  };
}

/**
 * Windows for the first read of each sheet, together never more than `budget` cells. When the
 * sheets want less than the budget the rest is shared out as extra rows (a sheet may hold more
 * than its table object says); when they want more, small sheets are served first (water
 * filling) and the big ones get what is left, their remainder coming in blocks.
 */
export function planWindows(
  sheets: readonly { name: string; hint?: SheetHint }[],
  budget: number
): Window[] {
  const wanted = sheets.map((s) => ({ sheet: s.name, ...demand(s.hint) }));
  const total = wanted.reduce((n, w) => n + w.rows * w.cols, 0);
  if (total <= budget) {
    const widths = wanted.reduce((n, w) => n + w.cols, 0);
    const extra = widths > 0 ? Math.floor((budget - total) / widths) : 0;
    return wanted.map((w) => ({ ...w, rows: Math.min(MAX_ROWS, w.rows + extra) }));
  }
  const order = wanted.map((w, i) => i).sort((a, b) => cells(wanted[a]) - cells(wanted[b]));
  const out: Window[] = wanted.map((w) => ({ ...w }));
  let left = budget;
  order.forEach((index, k) => {
    const w = out[index];
    const share = Math.floor(left / (order.length - k));
    const give = Math.min(cells(w), share);
    if (give < w.cols) {
      // Not even one row of this width fits: read the sheet only once its used range is known.
      w.rows = 0;
      return;
    }
    w.rows = Math.floor(give / w.cols);
    left -= w.rows * w.cols;
  });
  return out;
}

function cells(w: { rows: number; cols: number }): number {
  return w.rows * w.cols;
}

/** The part of a used range that a window anchored at A1 did not cover. */
export function outsideWindow(used: RangePos, window: { rows: number; cols: number }): RangePos[] {
  const out: RangePos[] = [];
  const { start, end } = used;
  if (window.rows <= 0 || window.cols <= 0) return [used];
  // Right of the window, within its rows.
  if (end.col >= window.cols && start.row < window.rows) {
    out.push({
      start: { row: start.row, col: Math.max(start.col, window.cols) },
      end: { row: Math.min(end.row, window.rows - 1), col: end.col },
    });
  }
  // Below the window, full width.
  if (end.row >= window.rows) {
    out.push({ start: { row: Math.max(start.row, window.rows), col: start.col }, end });
  }
  return out;
}

/** The window's part of the used range (null when they do not meet). */
export function insideWindow(
  used: RangePos,
  window: { rows: number; cols: number }
): RangePos | null {
  const end = {
    row: Math.min(used.end.row, window.rows - 1),
    col: Math.min(used.end.col, window.cols - 1),
  };
  if (end.row < used.start.row || end.col < used.start.col) return null;
  return { start: used.start, end };
}

/**
 * Pack ranges into requests of at most `budget`, cutting them into blocks of whole rows
 * (columns too, for a range wider than the budget). Blocks of several sheets share a request.
 * A cell of a sheet costs `weight(sheet)` (1: the budget counts cells; bytes per cell: bytes).
 */
export function planRequests(
  ranges: readonly { sheet: string; range: RangePos }[],
  budget: number,
  weight: (sheet: string) => number = () => 1
): Block[][] {
  const requests: Block[][] = [];
  let current: Block[] = [];
  let room = budget;
  const flush = () => {
    if (current.length) requests.push(current);
    current = [];
    room = budget;
  };
  for (const piece of ranges.flatMap((r) =>
    splitColumns(r, Math.max(1, Math.floor(budget / weight(r.sheet))))
  )) {
    const { start, end } = piece.range;
    const rowCost = (end.col - start.col + 1) * weight(piece.sheet);
    let row = start.row;
    while (row <= end.row) {
      const fit = Math.floor(room / rowCost);
      if (fit === 0) {
        if (!current.length) {
          // Not even one row fits an empty request: it goes alone (Excel decides).
          current.push({
            sheet: piece.sheet,
            range: { start: { row, col: start.col }, end: { row, col: end.col } },
          });
          row += 1;
        }
        flush();
        continue;
      }
      const take = Math.min(fit, end.row - row + 1);
      current.push({
        sheet: piece.sheet,
        range: { start: { row, col: start.col }, end: { row: row + take - 1, col: end.col } },
      });
      room -= take * rowCost;
      row += take;
    }
  }
  flush();
  return requests;
}

function splitColumns(r: { sheet: string; range: RangePos }, budget: number): Block[] {
  const { start, end } = r.range;
  if (end.col - start.col + 1 <= budget) return [{ sheet: r.sheet, range: r.range }];
  const out: Block[] = [];
  for (let c = start.col; c <= end.col; c += budget) {
    out.push({
      sheet: r.sheet,
      range: {
        start: { row: start.row, col: c },
        end: { row: end.row, col: Math.min(end.col, c + budget - 1) },
      },
    });
  }
  return out;
}

export function totalCells(blocks: readonly Block[]): number {
  return blocks.reduce((n, b) => n + cellCount(b.range), 0);
}
