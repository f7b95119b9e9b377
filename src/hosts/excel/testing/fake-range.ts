/**
 * Range proxies of the fake: cells' values, formulas and number formats, with Excel's rules for
 * typed input (a leading apostrophe keeps text, "@" format keeps text, "=…" becomes a formula).
 * The format objects are in fake-format.ts.
 */
import { rangeA1 } from "../../../engine/util/address";
import type { CellScalar } from "../../../engine/model";
import { addressSheet, FakeError, parseRect, type CellData, type SheetData } from "./fake-doc";
import { each, FakeRangeFormat, RangePart, size, type RangeTarget } from "./fake-format";
import { FakeObject, groupPaths } from "./fake-proxy";
import { FakeDataValidation } from "./fake-validation";

export type { RangeTarget } from "./fake-format";

const GRID = new Set(["values", "formulas", "numberFormat", "valueTypes"]);
const ERRORS = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)$/;

function displayValue(v: CellScalar): unknown {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

function valueType(v: CellScalar): string {
  if (v === null) return "Empty";
  if (typeof v === "object") return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

/** What Excel does with a value typed or written into a cell. */
export function enter(cell: CellData, raw: unknown): void {
  if (raw === null || raw === undefined) return; // Office.js: null leaves the cell alone
  cell.formula = undefined;
  cell.quotePrefix = false;
  if (typeof raw === "number" || typeof raw === "boolean") {
    cell.value = raw;
    return;
  }
  const text = String(raw);
  if (text === "") cell.value = null;
  else if (text.startsWith("'")) {
    cell.value = text.slice(1);
    cell.quotePrefix = true;
  } else if (cell.numberFormat === "@") cell.value = text;
  else if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) cell.value = Number(text);
  else if (/^[=+\-@]./.test(text)) {
    // A live formula; the fake does not calculate it.
    cell.formula = text.startsWith("=") ? text.slice(1) : text;
    cell.value = null;
  } else if (/^(true|false)$/i.test(text)) cell.value = text.toLowerCase() === "true";
  else if (ERRORS.test(text)) cell.value = { error: text };
  else cell.value = text;
  if (cell.formula === undefined) delete cell.formula;
}

/**
 * Excel shows only visible sheets: activating (or selecting on) a hidden or very hidden sheet
 * fails. Which error code Excel gives is not documented; the fake says InvalidOperation, and the
 * add-in checks visibility before it activates.
 */
export function assertCanActivate(sheet: SheetData): void {
  if (sheet.visibility !== "Visible")
    throw new FakeError(
      "InvalidOperation",
      `fake: sheet ${sheet.name} is hidden and cannot be shown`
    );
}

export class FakeRange
  extends RangePart<RangeTarget>
  implements
    Pick<
      Excel.Range,
      | "address"
      | "values"
      | "formulas"
      | "numberFormat"
      | "valueTypes"
      | "rowCount"
      | "columnCount"
      | "hyperlink"
    >
{
  private formatProxy: FakeRangeFormat | null = null;
  private validationProxy: FakeDataValidation | null = null;

  get address(): string {
    return this.get("address");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.put("values", v);
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.put("formulas", v);
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.put("numberFormat", v);
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.get("valueTypes");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get hyperlink(): Excel.RangeHyperlink {
    return this.get("hyperlink");
  }
  set hyperlink(v: Excel.RangeHyperlink) {
    this.put("hyperlink", v);
  }

  /** ExcelApi 1.8 (fake-validation.ts). */
  get dataValidation(): FakeDataValidation {
    this.validationProxy ??= new FakeDataValidation(
      this.context,
      this.doc,
      () => this.resolve(),
      false
    ).at({ kind: "property", name: "DataValidation", parent: this });
    return this.validationProxy;
  }

  get format(): FakeRangeFormat {
    this.formatProxy ??= new FakeRangeFormat(
      this.context,
      this.doc,
      () => this.resolve(),
      false
    ).at({ kind: "property", name: "Format", parent: this });
    return this.formatProxy;
  }

  override snapshot(paths: string[]): void {
    const t = this.resolve();
    if (t && [...groupPaths(paths).keys()].some((p) => GRID.has(p))) {
      const { rows, cols } = size(t.range);
      this.context.observer.cellsLoaded(rows * cols);
    }
    super.snapshot(paths);
  }

  /**
   * Range.merge (ExcelApi 1.2,
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)):
   * one merged area, or one per row when `across`. As in Excel, only the upper-left value of
   * an area is kept. Stricter than Excel: merging over part of an existing merged area fails.
   */
  merge(across = false): void {
    this.call(
      (t) => {
        this.doc.assertEditable(t.sheet);
        const areas = across
          ? Array.from({ length: size(t.range).rows }, (_, i) => ({
              start: { row: t.range.start.row + i, col: t.range.start.col },
              end: { row: t.range.start.row + i, col: t.range.end.col },
            }))
          : [t.range];
        for (const area of areas) {
          const overlaps = t.sheet.merges.some(
            (m) =>
              m.start.row <= area.end.row &&
              area.start.row <= m.end.row &&
              m.start.col <= area.end.col &&
              area.start.col <= m.end.col
          );
          if (overlaps)
            throw new FakeError("InvalidArgument", `fake: ${rangeA1(area)} overlaps a merged area`);
          each(this.doc, { sheet: t.sheet, range: area }, (c, i, j) => {
            if (i || j) {
              c.value = null;
              delete c.formula;
            }
          });
          t.sheet.merges.push(area);
        }
      },
      "Merge",
      [across]
    );
  }

  /** Selecting a cell activates its sheet: a hidden sheet cannot be (fake-sheets.ts, activate). */
  select(): void {
    this.call((t) => {
      assertCanActivate(t.sheet);
      this.doc.activeSheet = t.sheet;
      this.doc.selection = { sheet: t.sheet.name, address: rangeA1(t.range) };
    }, "Select");
  }

  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    const spec = {
      kind: "method" as const,
      name: "GetIntersectionOrNullObject",
      args: [other],
      parent: this as FakeObject<unknown>,
    };
    return new FakeRange(
      this.context,
      this.doc,
      () => {
        const a = this.live();
        const b =
          typeof other === "string" ? { sheet: a.sheet, range: parseRect(other) } : other.resolve();
        if (!b || !b.range || b.sheet !== a.sheet) return null;
        const start = {
          row: Math.max(a.range.start.row, b.range.start.row),
          col: Math.max(a.range.start.col, b.range.start.col),
        };
        const end = {
          row: Math.min(a.range.end.row, b.range.end.row),
          col: Math.min(a.range.end.col, b.range.end.col),
        };
        return start.row > end.row || start.col > end.col
          ? null
          : { sheet: a.sheet, range: { start, end } };
      },
      true
    ).at(spec);
  }

  protected override navigation(name: string): FakeObject<unknown> | null {
    if (name === "dataValidation") return this.dataValidation as FakeObject<unknown>;
    return name === "format" ? (this.format as FakeObject<unknown>) : null;
  }

  protected read(t: RangeTarget, property: string): unknown {
    const grid = (pick: (c: CellData | undefined) => unknown) => {
      const { rows, cols } = size(t.range);
      return Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) =>
          pick(this.doc.peek(t.sheet, t.range.start.row + i, t.range.start.col + j))
        )
      );
    };
    switch (property) {
      case "address":
        return `${addressSheet(t.sheet.name)}!${rangeA1(t.range)}`;
      case "rowCount":
        return size(t.range).rows;
      case "columnCount":
        return size(t.range).cols;
      case "values":
        return grid((c) => displayValue(c?.value ?? null));
      case "formulas":
        return grid((c) =>
          c?.formula !== undefined ? `=${c.formula}` : displayValue(c?.value ?? null)
        );
      case "numberFormat":
        return grid((c) => c?.numberFormat ?? "General");
      case "valueTypes":
        return grid((c) => valueType(c?.value ?? null));
      case "hyperlink":
        return this.doc.peek(t.sheet, t.range.start.row, t.range.start.col)?.hyperlink ?? null;
      default:
        throw new FakeError("PropertyNotFound", `fake: Range.${property}`);
    }
  }

  protected override write(t: RangeTarget, property: string, value: unknown): void {
    const matrix = () => {
      const { rows, cols } = size(t.range);
      const m = value as unknown[][];
      if (
        !Array.isArray(m) ||
        m.length !== rows ||
        m.some((r) => !Array.isArray(r) || r.length !== cols)
      )
        throw new FakeError("InvalidArgument", `fake: ${property} must be ${rows}x${cols}`);
      return m;
    };
    switch (property) {
      case "values":
      case "formulas": {
        const m = matrix();
        each(this.doc, t, (c, i, j) => enter(c, m[i][j]));
        // Writes of the add-in raise onChanged like the user's (excel-add-ins-events: "Office
        // Add-in (JavaScript) code that changes the workbook" triggers events).
        this.doc.raise("changed", t.sheet, { address: rangeA1(t.range) });
        return;
      }
      case "numberFormat": {
        const m = matrix();
        each(this.doc, t, (c, i, j) => {
          if (m[i][j] !== null && m[i][j] !== undefined) c.numberFormat = String(m[i][j]);
        });
        return;
      }
      case "hyperlink": {
        const link = value as CellData["hyperlink"];
        each(this.doc, t, (c) => {
          c.hyperlink = link ? { ...link } : null;
          const text = link?.textToDisplay ?? link?.documentReference ?? link?.address;
          if (text !== undefined) {
            delete c.formula;
            c.value = text;
          }
        });
        this.doc.raise("changed", t.sheet, { address: rangeA1(t.range) });
        return;
      }
      default:
        super.write(t, property, value);
    }
  }
}
