/**
 * Ranges of the fake ET object model (fake-et.ts): the members of et.ts's Range, strict where
 * WPS is documented (or, where it is not, in the direction that breaks a careless reader):
 * - Value2 and Formula: a scalar for one cell, rows of scalars for more; dates are serials;
 *   an empty cell is undefined; an error cell is its SCODE by default (values.ts).
 * - Item, Cells and collections are 1-based; index 0 or past the end throws, as COM does.
 * - NumberFormat and Interior/Font properties of several cells are null where they differ
 *   (https://learn.microsoft.com/office/vba/api/excel.range.numberformat).
 * - Any change on a sheet whose ProtectContents is set throws (Excel and WPS refuse it with
 *   "单元格或图表受保护" / run-time error 1004).
 * - Validation.Add where the range has a rule throws (fake-validation.ts).
 * - AddComment on a cell that has a comment throws (https://learn.microsoft.com/office/vba/api/excel.range.addcomment:
 *   "An error occurs if the cell already has a comment").
 */
import { a1, parseA1, rangeA1, type RangePos } from "../../../engine/util/address";
import type { Comment, Font, Hyperlinks, Interior, Range, Validation, Worksheet } from "../et";
import { fontOf, interiorOf, type FakeInterior } from "./fake-format";
import { validationOf } from "./fake-validation";
import { SCODE_BASE, XL_ERRORS } from "../values";
import type { FakeSheet } from "./fake-et";

/** How a fake error cell answers Value2 (WPS's own choice is undocumented: all are tested). */
export type ErrorStyle = "scode" | "text" | "code";

export interface FakeCell {
  /** A number, string, boolean or { error: "#DIV/0!" }; undefined when empty. */
  value?: number | string | boolean | { error: string };
  /** Formula text with its "=". */
  formula?: string;
  format?: string;
  interior?: FakeInterior;
  fontColor?: number;
  bold?: boolean;
  wrap?: boolean;
  comment?: string;
}

const ERROR_CODES = new Map(Object.entries(XL_ERRORS).map(([code, text]) => [text, Number(code)]));

export class ComError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ComError";
  }
}

type Mode = "cells" | "rows" | "columns";

export class FakeRange implements Range {
  constructor(
    readonly sheet: FakeSheet,
    readonly at: RangePos,
    private readonly mode: Mode = "cells"
  ) {}

  private get height(): number {
    return this.at.end.row - this.at.start.row + 1;
  }

  private get width(): number {
    return this.at.end.col - this.at.start.col + 1;
  }

  private positions(): [number, number][] {
    const out: [number, number][] = [];
    for (let r = this.at.start.row; r <= this.at.end.row; r += 1)
      for (let c = this.at.start.col; c <= this.at.end.col; c += 1) out.push([r, c]);
    return out;
  }

  private grid<T>(read: (cell: FakeCell | undefined) => T): T | T[][] {
    this.sheet.book.stats.rangeReads += 1;
    if (this.height === 1 && this.width === 1)
      return read(this.sheet.peek(this.at.start.row, this.at.start.col));
    const rows: T[][] = [];
    for (let r = this.at.start.row; r <= this.at.end.row; r += 1) {
      const row: T[] = [];
      for (let c = this.at.start.col; c <= this.at.end.col; c += 1)
        row.push(read(this.sheet.peek(r, c)));
      rows.push(row);
    }
    return rows;
  }

  /** One value for every cell, or null when they differ. */
  common<T>(read: (cell: FakeCell | undefined) => T): T | null {
    const values = this.positions().map(([r, c]) => read(this.sheet.peek(r, c)));
    return values.every((v) => v === values[0]) ? values[0] : null;
  }

  write(change: (cell: FakeCell) => void): void {
    this.sheet.assertEditable();
    for (const [r, c] of this.positions()) change(this.sheet.cell(r, c));
  }

  get Row(): number {
    return this.at.start.row + 1;
  }

  get Column(): number {
    return this.at.start.col + 1;
  }

  get Count(): number {
    if (this.mode === "rows") return this.height;
    if (this.mode === "columns") return this.width;
    return this.height * this.width;
  }

  get Value2(): unknown {
    const style = this.sheet.book.errorStyle;
    return this.grid((cell) => {
      const v = cell?.value;
      if (v === undefined) return undefined;
      if (typeof v !== "object") return v;
      const code = ERROR_CODES.get(v.error) ?? 2015;
      return style === "text" ? v.error : style === "code" ? code : SCODE_BASE + code;
    });
  }

  set Value2(value: unknown) {
    const rows = Array.isArray(value) ? (value as unknown[][]) : null;
    if (rows && (rows.length !== this.height || rows.some((r) => r.length !== this.width)))
      throw new ComError("Value2: the array does not match the range");
    this.sheet.assertEditable();
    this.sheet.book.stats.valueWrites += 1;
    this.positions().forEach(([r, c], i) => {
      const v = rows ? rows[Math.floor(i / this.width)][i % this.width] : value;
      const cell = this.sheet.cell(r, c);
      delete cell.formula;
      if (v === undefined || v === null || v === "") delete cell.value;
      else if (typeof v === "string" && cell.format !== "@" && /^[=+]/.test(v)) cell.formula = v;
      else if (typeof v === "string" && cell.format !== "@" && /^-?\d+(\.\d+)?$/.test(v))
        cell.value = Number(v); // A string goes in as if typed: "12" becomes a number.
      else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean")
        cell.value = v;
      else throw new ComError(`Value2: cannot store ${typeof v}`);
    });
  }

  get Formula(): unknown {
    return this.grid((cell) => {
      if (cell?.formula) return cell.formula;
      const v = cell?.value;
      if (v === undefined) return "";
      if (typeof v === "object") return v.error;
      if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
      return String(v);
    });
  }

  set Formula(value: unknown) {
    if (typeof value !== "string") throw new ComError("Formula: text expected");
    this.write((cell) => {
      if (value.startsWith("=")) cell.formula = value;
      else {
        delete cell.formula;
        cell.value = value;
      }
    });
  }

  get NumberFormat(): unknown {
    return this.common((cell) => cell?.format ?? "General");
  }

  set NumberFormat(value: unknown) {
    this.write((cell) => (cell.format = String(value)));
  }

  get Text(): unknown {
    const cell = this.sheet.peek(this.at.start.row, this.at.start.col);
    const v = cell?.value;
    if (v === undefined) return "";
    return typeof v === "object" ? v.error : String(v);
  }

  get Rows(): Range {
    return new FakeRange(this.sheet, this.at, "rows");
  }

  get Columns(): Range {
    return new FakeRange(this.sheet, this.at, "columns");
  }

  get Cells(): Range {
    return new FakeRange(this.sheet, this.at, "cells");
  }

  get Interior(): Interior {
    return interiorOf(this);
  }

  get Font(): Font {
    return fontOf(this);
  }

  get Comment(): Comment | null {
    const { row, col } = this.at.start;
    return this.sheet.peek(row, col)?.comment !== undefined ? this.sheet.commentAt(row, col) : null;
  }

  get Hyperlinks(): Hyperlinks {
    return this.sheet.Hyperlinks;
  }

  get Worksheet(): Worksheet {
    return this.sheet;
  }

  get Validation(): Validation {
    return validationOf(this);
  }

  get ColumnWidth(): unknown {
    return this.sheet.columnWidth(this.at.start.col);
  }

  set ColumnWidth(value: unknown) {
    this.sheet.assertEditable();
    for (let c = this.at.start.col; c <= this.at.end.col; c += 1)
      this.sheet.widths.set(c, Number(value));
  }

  get RowHeight(): unknown {
    return this.sheet.heights.get(this.at.start.row) ?? 13.5;
  }

  set RowHeight(value: unknown) {
    this.sheet.assertEditable();
    for (let r = this.at.start.row; r <= this.at.end.row; r += 1)
      this.sheet.heights.set(r, Number(value));
  }

  get WrapText(): unknown {
    return this.common((c) => c?.wrap ?? false);
  }

  set WrapText(value: unknown) {
    this.write((c) => (c.wrap = Boolean(value)));
  }

  get MergeCells(): unknown {
    return this.sheet.merges.some((m) => rangeA1(m) === rangeA1(this.at));
  }

  set MergeCells(value: unknown) {
    if (value) this.Merge();
    else this.UnMerge();
  }

  Merge(): void {
    this.sheet.assertEditable();
    this.sheet.merges.push(this.at);
  }

  UnMerge(): void {
    this.sheet.assertEditable();
    this.sheet.merges = this.sheet.merges.filter(
      (m) => rangeA1(m) !== rangeA1(this.at) && !this.inside(m.start.row, m.start.col)
    );
  }

  private inside(r: number, c: number): boolean {
    const { start, end } = this.at;
    return start.row <= r && r <= end.row && start.col <= c && c <= end.col;
  }

  /** The stored cells within the range (a whole sheet's Cells is 17 billion positions). */
  private stored(): [number, number][] {
    return [...this.sheet.cells.keys()]
      .map((k) => k.split(",").map(Number) as [number, number])
      .filter(([r, c]) => this.inside(r, c));
  }

  Clear(): void {
    this.sheet.assertEditable();
    for (const [r, c] of this.stored()) this.sheet.erase(r, c);
    this.sheet.merges = this.sheet.merges.filter((m) => !this.inside(m.start.row, m.start.col));
    this.sheet.links = this.sheet.links.filter((l) => {
      const at = parseA1(l.anchor.split(":")[0]);
      return !at || !this.inside(at.row, at.col);
    });
  }

  ClearComments(): void {
    this.sheet.assertEditable();
    for (const [r, c] of this.stored()) delete this.sheet.cell(r, c).comment;
  }

  Select(): void {
    if (!this.sheet.isActive()) throw new ComError("Select: the sheet is not active");
    this.sheet.book.selection = { sheet: this.sheet.Name, address: rangeA1(this.at) };
  }

  Address(rowAbsolute?: unknown, columnAbsolute?: unknown): string {
    const abs = (part: string) =>
      part.replace(
        /^([A-Z]+)(\d+)$/,
        (_, col: string, row: string) =>
          `${columnAbsolute === false ? "" : "$"}${col}${rowAbsolute === false ? "" : "$"}${row}`
      );
    return rangeA1(this.at).split(":").map(abs).join(":");
  }

  AddComment(text?: unknown): Comment {
    const { row, col } = this.at.start;
    this.sheet.assertEditable();
    if (this.sheet.peek(row, col)?.comment !== undefined)
      throw new ComError("AddComment: the cell already has a comment");
    this.sheet.cell(row, col).comment = text === undefined ? "" : String(text);
    return this.sheet.commentAt(row, col);
  }

  Item(rowIndex?: unknown, columnIndex?: unknown): Range {
    const i = Number(rowIndex);
    if (!Number.isInteger(i) || i < 1) throw new ComError(`Item(${String(rowIndex)}): 1-based`);
    if (columnIndex === undefined && this.mode !== "cells") {
      if (i > this.Count) throw new ComError(`Item(${i}): past the end`);
      const { start, end } = this.at;
      return this.mode === "rows"
        ? this.sheet.rangeAt(start.row + i - 1, start.col, start.row + i - 1, end.col)
        : this.sheet.rangeAt(start.row, start.col + i - 1, end.row, start.col + i - 1);
    }
    const j = Number(columnIndex ?? 1);
    if (!Number.isInteger(j) || j < 1)
      throw new ComError(`Item(, ${String(columnIndex)}): 1-based`);
    const r = this.at.start.row + i - 1;
    const c = this.at.start.col + j - 1;
    return this.sheet.rangeAt(r, c, r, c);
  }

  Resize(rowSize?: unknown, columnSize?: unknown): Range {
    const h = rowSize === undefined ? this.height : Number(rowSize);
    const w = columnSize === undefined ? this.width : Number(columnSize);
    if (h < 1 || w < 1) throw new ComError("Resize: at least one row and column");
    const { row, col } = this.at.start;
    return this.sheet.rangeAt(row, col, row + h - 1, col + w - 1);
  }

  toString(): string {
    return `${this.sheet.Name}!${a1(this.at.start.row, this.at.start.col)}`;
  }
}
