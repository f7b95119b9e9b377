/**
 * Printing what we write, for every xlsx writer (template, samples, summary, annotated copy):
 * A4 fitted to the page width with the header rows repeated and the sheet and page in the
 * footer, and rows tall enough for their wrapped text. Excel and LibreOffice do not grow a
 * row for wrapped text when they open a file (LibreOffice draws the text over the next rows),
 * so every row we write with wrapped text gets its height from the text it holds.
 */
import type ExcelJS from "exceljs";
import type { Lang } from "../../../engine/i18n";

export interface PrintOptions {
  orientation?: "landscape" | "portrait";
  /** Rows repeated at the top of every page, as "3:3". */
  titleRows?: string;
  /** Columns repeated at the left of every page, as "B:C". */
  titleColumns?: string;
  /** Language of the footer's page numbers. */
  lang?: Lang;
}

/** A4, one page wide, as many pages down as needed; sheet name and page number in the footer. */
export function printSetup(ws: ExcelJS.Worksheet, options: PrintOptions = {}): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: options.orientation ?? "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.55, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(options.titleRows ? { printTitlesRow: options.titleRows } : {}),
    ...(options.titleColumns ? { printTitlesColumn: options.titleColumns } : {}),
  };
  ws.headerFooter = {
    oddFooter: options.lang === "en" ? "&L&A&RPage &P of &N" : "&L&A&R第 &P 页 / 共 &N 页",
  };
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * Width of a character in column-width units (the digit width of the default font at 11 pt),
 * on the generous side: Chinese characters take two, capitals and symbols more than a digit,
 * so that what fits here fits in Calibri, DejaVu Sans and the fonts Excel and WPS fall back to.
 */
function charWidth(ch: string): number {
  if (WIDE.test(ch)) return 2.05;
  if (/[ .,:;!|'`()[\]{}ijlrtf/\\-]/.test(ch)) return 0.75;
  if (/[A-Z@%&#mwMW]/.test(ch)) return 1.3;
  if (ch.charCodeAt(0) > 0x7e) return 1.6; // ✔ ▲ ≤ · and the like
  if (/\d/.test(ch)) return 1;
  return 0.95;
}

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

const TOKEN = new RegExp(`${WIDE.source}|[^\\s${WIDE.source.slice(1, -1)}]+|\\s+`, "gu");

/**
 * The pieces a line may break between: spaces, each Chinese character, and a Latin run cut
 * after a "-" that is not before a digit. LibreOffice (ICU) breaks a path such as
 * "/tmp/报送/02-zhanmin-interim.xlsx" after its hyphens only, not at "/" (seen in its PDFs),
 * so the pieces between hyphens move to the next line whole.
 */
const BREAK_AFTER = /(?:[^-]|-(?=\d))*-(?!\d)|(?:[^-]|-(?=\d))+/g;

/** Chinese punctuation that never starts a line (closing) or ends one (opening). */
const CLOSING = /^[，。、：；！？）」』】》〉”’]$/;
const OPENING = /^[（「『【《〈“‘]$/;

function tokensOf(paragraph: string): string[] {
  const out: string[] = [];
  let opening = "";
  for (const token of paragraph.match(TOKEN) ?? []) {
    if (OPENING.test(token)) {
      opening += token;
      continue;
    }
    const pieces =
      token.length > 1 && token.includes("-") ? (token.match(BREAK_AFTER) ?? [token]) : [token];
    pieces[0] = opening + pieces[0];
    opening = "";
    if (CLOSING.test(token) && out.length && !/^\s+$/.test(out[out.length - 1]))
      out[out.length - 1] += token;
    else out.push(...pieces);
  }
  if (opening) out.push(opening);
  return out;
}

/**
 * Lines the text takes when wrapped in a column `width` characters wide, at `size` points:
 * breaks at spaces and between Chinese characters, and inside a word longer than a line.
 * Where a paragraph holds a word with hyphens or one longer than a line (a file path), where
 * LibreOffice and Excel break it cannot be foreseen exactly: the larger count of breaking it
 * at its hyphens or anywhere, and a line to spare when it is longer than a line.
 */
export function wrappedLines(text: string, width: number, size = 11): number {
  // Cell padding, and a margin for the line-breaking rules that move a character to the next line.
  const room = Math.max(1, (width - 1) * 0.95 * (11 / size));
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    const whole = paragraph.match(TOKEN) ?? [];
    const longest = Math.max(0, ...whole.map(textWidth));
    lines += Math.max(linesOf(whole, room), linesOf(tokensOf(paragraph), room));
    if (longest > room) lines += 1;
  }
  return lines;
}

function linesOf(tokens: string[], room: number): number {
  let lines = 1;
  let used = 0;
  for (const token of tokens) {
    const w = textWidth(token);
    if (/^\s+$/.test(token)) {
      used += w;
      continue;
    }
    if (used + w <= room) {
      used += w;
      continue;
    }
    if (used > 0) lines += 1;
    used = w;
    while (used > room) {
      lines += 1;
      used -= room;
    }
  }
  return lines;
}

/** Points one line of text takes at `size` points (Chinese fonts run taller than Calibri). */
export function lineHeight(size = 11): number {
  return Math.ceil(size * 1.4);
}

interface MergeModel {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergeOf(ws: ExcelJS.Worksheet, address: string): MergeModel | undefined {
  // ExcelJS keeps merges by their top-left address; its typings do not show them.
  const merges = (ws as unknown as { _merges?: Record<string, { model: MergeModel }> })._merges;
  return merges?.[address]?.model;
}

function columnWidth(ws: ExcelJS.Worksheet, col: number): number {
  return ws.getColumn(col).width ?? 9;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (typeof v === "object" && "text" in v && typeof v.text === "string") return v.text;
  if (typeof v === "object") return "";
  return String(v);
}

/**
 * Sets the height of every row from `from` to `to` (1-based, inclusive) that holds wrapped
 * text to what that text needs; rows without wrapped text keep their height.
 */
export function fitRowHeights(ws: ExcelJS.Worksheet, from = 1, to = ws.rowCount): void {
  for (let r = from; r <= to; r += 1) {
    const row = ws.getRow(r);
    let needed = 0;
    row.eachCell((cell) => {
      if (!cell.alignment?.wrapText) return;
      if (cell.isMerged && cell.master !== cell) return;
      const text = cellText(cell);
      if (!text) return;
      const col = Number(cell.col);
      const merge = mergeOf(ws, cell.address);
      let width = 0;
      for (let c = col; c <= (merge?.right ?? col); c += 1) width += columnWidth(ws, c);
      const size = cell.font?.size ?? 11;
      const rows = merge ? merge.bottom - merge.top + 1 : 1;
      const points = wrappedLines(text, width, size) * lineHeight(size) + 4;
      needed = Math.max(needed, points / rows);
    });
    if (needed > (row.height ?? 15)) row.height = Math.ceil(needed);
  }
}
