/**
 * Format proxies of the fake (fill, font, borders, column width, wrap) with Excel's reads: a
 * property that differs across the range reads as null; no fill reads as white with no pattern.
 */
import type { RangePos } from "../../../engine/util/address";
import {
  defaultCell,
  FakeError,
  type CellData,
  type Edge,
  type FakeDocument,
  type SheetData,
} from "./fake-doc";
import { FakeContext, FakeObject } from "./fake-proxy";

export interface RangeTarget {
  sheet: SheetData;
  range: RangePos;
}

/** Guard against a test writing cell by cell over whole columns. */
const MAX_TOUCH = 2_000_000;

export function size(r: RangePos): { rows: number; cols: number } {
  return { rows: r.end.row - r.start.row + 1, cols: r.end.col - r.start.col + 1 };
}

export function* positions(r: RangePos): Generator<[number, number, number, number]> {
  const { rows, cols } = size(r);
  if (rows * cols > MAX_TOUCH)
    throw new FakeError("InvalidArgument", "fake: range too large to touch");
  for (let i = 0; i < rows; i += 1)
    for (let j = 0; j < cols; j += 1) yield [r.start.row + i, r.start.col + j, i, j];
}

export abstract class RangePart<T> extends FakeObject<T> {
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument,
    resolver: () => T | null,
    queued: boolean
  ) {
    super(context, resolver, queued);
  }
}

/** Read one property over all cells: the common value, or null when cells differ. */
export function common<V>(doc: FakeDocument, t: RangeTarget, pick: (c: CellData) => V): V | null {
  let first: { v: V } | null = null;
  const fallback = defaultCell();
  for (const [row, col] of positions(t.range)) {
    const v = pick(doc.peek(t.sheet, row, col) ?? fallback);
    if (!first) first = { v };
    else if (JSON.stringify(first.v) !== JSON.stringify(v)) return null;
  }
  return first ? first.v : null;
}

export function each(
  doc: FakeDocument,
  t: RangeTarget,
  apply: (c: CellData, i: number, j: number) => void
) {
  doc.assertEditable(t.sheet);
  for (const [row, col, i, j] of positions(t.range)) apply(doc.cell(t.sheet, row, col), i, j);
}

export class FakeRangeFormat
  extends RangePart<RangeTarget>
  implements Pick<Excel.RangeFormat, "columnWidth" | "rowHeight" | "wrapText" | "verticalAlignment">
{
  private parts = new Map<string, FakeObject<unknown>>();

  get fill(): FakeRangeFill {
    return this.part("fill", () =>
      new FakeRangeFill(this.context, this.doc, () => this.resolve(), false).at({
        kind: "property",
        name: "Fill",
        parent: this,
      })
    );
  }
  get font(): FakeRangeFont {
    return this.part("font", () =>
      new FakeRangeFont(this.context, this.doc, () => this.resolve(), false).at({
        kind: "property",
        name: "Font",
        parent: this,
      })
    );
  }
  get borders(): FakeRangeBorders {
    return this.part("borders", () =>
      new FakeRangeBorders(this.context, this.doc, () => this.resolve(), false).at({
        kind: "property",
        name: "Borders",
        parent: this,
      })
    );
  }
  set columnWidth(v: number) {
    this.put("columnWidth", v);
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  /**
   * Points (ExcelApi 1.2). Excel's rows are at most 409 points tall: a taller height fails
   * (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-rowheight-member,
   * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
   */
  set rowHeight(v: number) {
    this.put("rowHeight", v);
  }
  get rowHeight(): number {
    return this.get("rowHeight");
  }
  set wrapText(v: boolean) {
    this.put("wrapText", v);
  }
  /** ExcelApi 1.1: Top, Center, Bottom, Justify or Distributed; null where the cells differ. */
  set verticalAlignment(v: Excel.RangeFormat["verticalAlignment"]) {
    this.put("verticalAlignment", v);
  }
  get verticalAlignment(): Excel.RangeFormat["verticalAlignment"] {
    return this.get("verticalAlignment");
  }
  /** Null when the cells differ, as Office.js reports it (its typings say boolean). */
  get wrapText(): boolean {
    return this.get("wrapText");
  }

  autofitColumns(): void {
    this.call(() => undefined, "AutofitColumns");
  }

  private part<P extends FakeObject<unknown>>(name: string, make: () => P): P {
    if (!this.parts.has(name)) this.parts.set(name, make());
    return this.parts.get(name) as P;
  }

  protected override navigation(name: string): FakeObject<unknown> | null {
    if (name === "fill") return this.fill as FakeObject<unknown>;
    if (name === "font") return this.font as FakeObject<unknown>;
    return null;
  }

  protected read(t: RangeTarget, property: string): unknown {
    if (property === "wrapText") return common(this.doc, t, (c) => c.wrapText);
    if (property === "verticalAlignment") return common(this.doc, t, (c) => c.verticalAlignment);
    if (property === "columnWidth") return t.sheet.columnWidths.get(t.range.start.col) ?? 48;
    if (property === "rowHeight") {
      const heights = new Set<number>();
      for (let r = t.range.start.row; r <= t.range.end.row; r += 1)
        heights.add(t.sheet.rowHeights.get(r) ?? 15);
      return heights.size === 1 ? [...heights][0] : null;
    }
    throw new FakeError("PropertyNotFound", `fake: RangeFormat.${property}`);
  }

  protected override write(t: RangeTarget, property: string, value: unknown): void {
    this.doc.assertEditable(t.sheet);
    if (property === "columnWidth") {
      for (let c = t.range.start.col; c <= t.range.end.col; c += 1)
        t.sheet.columnWidths.set(c, Number(value));
    } else if (property === "rowHeight") {
      const points = Number(value);
      if (!Number.isFinite(points) || points < 0 || points > 409)
        throw new FakeError("InvalidArgument", `fake: row height ${value} is not 0 to 409 points`);
      for (let r = t.range.start.row; r <= t.range.end.row; r += 1)
        t.sheet.rowHeights.set(r, points);
    } else if (property === "wrapText") each(this.doc, t, (c) => (c.wrapText = Boolean(value)));
    else if (property === "verticalAlignment") {
      if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(String(value)))
        throw new FakeError("InvalidArgument", `fake: vertical alignment ${value}`);
      each(this.doc, t, (c) => (c.verticalAlignment = String(value)));
    } else super.write(t, property, value);
  }
}

const FILL_PROPS = [
  "color",
  "pattern",
  "patternColor",
  "tintAndShade",
  "patternTintAndShade",
] as const;

export class FakeRangeFill
  extends RangePart<RangeTarget>
  implements
    Pick<
      Excel.RangeFill,
      "color" | "pattern" | "patternColor" | "tintAndShade" | "patternTintAndShade"
    >
{
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.put("color", v);
  }
  get pattern(): Excel.RangeFill["pattern"] {
    return this.get("pattern");
  }
  set pattern(v: Excel.RangeFill["pattern"]) {
    this.put("pattern", v);
  }
  get patternColor(): string {
    return this.get("patternColor");
  }
  set patternColor(v: string) {
    this.put("patternColor", v);
  }
  get tintAndShade(): number {
    return this.get("tintAndShade");
  }
  set tintAndShade(v: number) {
    this.put("tintAndShade", v);
  }
  get patternTintAndShade(): number {
    return this.get("patternTintAndShade");
  }
  set patternTintAndShade(v: number) {
    this.put("patternTintAndShade", v);
  }

  clear(): void {
    this.call((t) => each(this.doc, t, (c) => (c.fill = defaultCell().fill)), "Clear");
  }

  protected read(t: RangeTarget, property: string): unknown {
    if (!(FILL_PROPS as readonly string[]).includes(property))
      throw new FakeError("PropertyNotFound", `fake: RangeFill.${property}`);
    if (property === "color") return common(this.doc, t, (c) => c.fill.color ?? "#FFFFFF");
    return common(this.doc, t, (c) => c.fill[property as keyof CellData["fill"]]);
  }

  protected override write(t: RangeTarget, property: string, value: unknown): void {
    each(this.doc, t, (c) => {
      const fill = c.fill;
      switch (property) {
        case "color":
          fill.color = String(value).toUpperCase();
          if (fill.pattern === "None") fill.pattern = "Solid";
          return;
        case "pattern":
          if (value === "None") c.fill = defaultCell().fill;
          else fill.pattern = String(value);
          return;
        case "patternColor":
          fill.patternColor = String(value).toUpperCase();
          return;
        case "tintAndShade":
        case "patternTintAndShade":
          fill[property] = Number(value);
          return;
        default:
          throw new FakeError("PropertyNotFound", `fake: RangeFill.${property}`);
      }
    });
  }
}

export class FakeRangeFont
  extends RangePart<RangeTarget>
  implements Pick<Excel.RangeFont, "color" | "bold" | "size">
{
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.put("color", v);
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.put("bold", v);
  }
  get size(): number {
    return this.get("size");
  }
  set size(v: number) {
    this.put("size", v);
  }

  protected read(t: RangeTarget, property: string): unknown {
    if (property !== "color" && property !== "bold" && property !== "size")
      throw new FakeError("PropertyNotFound", `fake: RangeFont.${property}`);
    return common(this.doc, t, (c) => c.font[property]);
  }

  protected override write(t: RangeTarget, property: string, value: unknown): void {
    each(this.doc, t, (c) => {
      if (property === "color") c.font.color = String(value).toUpperCase();
      else if (property === "bold") c.font.bold = Boolean(value);
      else if (property === "size") c.font.size = Number(value);
      else throw new FakeError("PropertyNotFound", `fake: RangeFont.${property}`);
    });
  }
}

type BorderIndex = Edge | "InsideHorizontal" | "InsideVertical";

export class FakeRangeBorders extends RangePart<RangeTarget> {
  getItem(index: BorderIndex): FakeRangeBorder {
    return new FakeRangeBorder(
      this.context,
      this.doc,
      () => {
        const t = this.live();
        return { ...t, index };
      },
      true
    ).at({ kind: "method", name: "GetItem", args: [index], parent: this });
  }

  protected read(_t: RangeTarget, property: string): unknown {
    throw new FakeError("PropertyNotFound", `fake: RangeBorderCollection.${property}`);
  }
}

/** Which stored edges of which cells a border index stands for. */
function edgesOf(t: RangeTarget & { index: BorderIndex }): [number, number, Edge][] {
  const { start, end } = t.range;
  const out: [number, number, Edge][] = [];
  for (const [row, col] of positions(t.range)) {
    switch (t.index) {
      case "EdgeTop":
        if (row === start.row) out.push([row, col, "EdgeTop"]);
        break;
      case "EdgeBottom":
        if (row === end.row) out.push([row, col, "EdgeBottom"]);
        break;
      case "EdgeLeft":
        if (col === start.col) out.push([row, col, "EdgeLeft"]);
        break;
      case "EdgeRight":
        if (col === end.col) out.push([row, col, "EdgeRight"]);
        break;
      case "InsideHorizontal":
        if (row < end.row) out.push([row, col, "EdgeBottom"]);
        if (row > start.row) out.push([row, col, "EdgeTop"]);
        break;
      case "InsideVertical":
        if (col < end.col) out.push([row, col, "EdgeRight"]);
        if (col > start.col) out.push([row, col, "EdgeLeft"]);
        break;
    }
  }
  return out;
}

export class FakeRangeBorder
  extends RangePart<RangeTarget & { index: BorderIndex }>
  implements Pick<Excel.RangeBorder, "style" | "color" | "weight">
{
  get style(): Excel.RangeBorder["style"] {
    return this.get("style");
  }
  set style(v: Excel.RangeBorder["style"]) {
    this.put("style", v);
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.put("color", v);
  }
  get weight(): Excel.RangeBorder["weight"] {
    return this.get("weight");
  }
  set weight(v: Excel.RangeBorder["weight"]) {
    this.put("weight", v);
  }

  protected read(t: RangeTarget & { index: BorderIndex }, property: string): unknown {
    if (property !== "style" && property !== "color" && property !== "weight")
      throw new FakeError("PropertyNotFound", `fake: RangeBorder.${property}`);
    const values = edgesOf(t).map(
      ([r, c, e]) => (this.doc.peek(t.sheet, r, c) ?? defaultCell()).borders[e][property]
    );
    return values.every((v) => v === values[0]) ? (values[0] ?? null) : null;
  }

  protected override write(
    t: RangeTarget & { index: BorderIndex },
    property: string,
    value: unknown
  ): void {
    if (property !== "style" && property !== "color" && property !== "weight")
      throw new FakeError("PropertyNotFound", `fake: RangeBorder.${property}`);
    this.doc.assertEditable(t.sheet);
    for (const [r, c, e] of edgesOf(t)) {
      const border = this.doc.cell(t.sheet, r, c).borders[e];
      border[property] = property === "color" ? String(value).toUpperCase() : String(value);
    }
  }
}
