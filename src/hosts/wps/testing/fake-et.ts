/**
 * An in-memory WPS 表格 for the host's tests: the application, workbook, sheets and their
 * collections as et.ts types them (from Kingsoft's wps-jsapi declarations), ranges in
 * fake-range.ts. Strict as WPS is documented to be, and where it is not, as a careless reader
 * would not expect:
 * - every collection is 1-based ("Worksheets(1) is the first (leftmost) worksheet",
 *   https://learn.microsoft.com/office/vba/api/excel.worksheets): Item(0) and Item(Count + 1)
 *   throw ("下标越界");
 * - ProtectContents, Date1904 and Visible are COM VARIANT_BOOL / enum numbers (-1/0, -1/0/2),
 *   as wps-jsapi types them (`ProtectContents: number`, `Date1904: number`, Et.EtXlSheetVisibility),
 *   never JavaScript booleans;
 * - a protected sheet refuses every change ("True if the contents of the sheet are protected",
 *   https://learn.microsoft.com/office/vba/api/excel.worksheet.protectcontents); a protected
 *   structure refuses Sheets.Add, Delete and renaming
 *   (https://learn.microsoft.com/office/vba/api/excel.workbook.protectstructure);
 * - sheet names follow Excel's rules: at most 31 characters, none of : \ / ? * [ ], unique
 *   regardless of case;
 * - table objects (ListObjects.Add, ListObject.Name, ListRows.Add) as Excel's
 *   (https://learn.microsoft.com/office/vba/api/excel.listobjects.add, .listrows.add): a table
 *   may not overlap another, its name is unique in the workbook and not a cell reference, a
 *   protected sheet refuses them; only what the host uses (a range with headers) is modelled,
 *   anything else throws rather than guess.
 */
import type { WorkbookModel } from "../../../engine/model";
import { parseRange, quoteSheet, type RangePos } from "../../../engine/util/address";
import { isDateFormat } from "../../xlsx/numfmt";
import type {
  Application,
  Comment,
  Comments,
  CustomXMLPart,
  CustomXMLParts,
  Hyperlinks,
  ListObject,
  ListObjects,
  Name,
  Names,
  Range,
  Sheets,
  Workbook,
  Worksheet,
} from "../et";
import type { WpsHost } from "../host";
import { DAYS_1900_TO_1904 } from "../values";
import { ComError, FakeRange, type ErrorStyle, type FakeCell } from "./fake-range";
import type { FakeValidation } from "./fake-validation";

export { ComError, type ErrorStyle, type FakeCell, type FakeValidation };

const key = (r: number, c: number) => `${r},${c}`;

function item<T>(list: readonly T[], index: unknown, what: string): T {
  const i = Number(index);
  if (!Number.isInteger(i) || i < 1 || i > list.length)
    throw new ComError(`${what}.Item(${String(index)}): 下标越界 (1..${list.length})`);
  return list[i - 1];
}

export interface FakeTable {
  name: string;
  at: RangePos;
  headers: boolean;
  totals: boolean;
  columns: string[];
  /** The TableStyleName given to ListObjects.Add. */
  style?: string;
}

const overlaps = (a: RangePos, b: RangePos) =>
  a.start.row <= b.end.row &&
  b.start.row <= a.end.row &&
  a.start.col <= b.end.col &&
  b.start.col <= a.end.col;

interface FakeName {
  name: string;
  refersTo: string;
  scope?: string;
}

export class FakeSheet implements Worksheet {
  readonly cells = new Map<string, FakeCell>();
  readonly widths = new Map<number, number>();
  readonly heights = new Map<number, number>();
  merges: RangePos[] = [];
  links: { anchor: string; subAddress: string; tip: string }[] = [];
  tables: FakeTable[] = [];
  validations: FakeValidation[] = [];
  /** xlSheetVisible (-1), xlSheetHidden (0), xlSheetVeryHidden (2). */
  Visible = -1;
  /** VARIANT_BOOL: -1 when the sheet's contents are protected. */
  ProtectContents = 0;

  constructor(
    readonly book: FakeBook,
    private name: string
  ) {}

  get Name(): string {
    return this.name;
  }

  set Name(value: string) {
    this.book.assertStructure();
    this.book.assertName(value, this);
    this.name = value;
  }

  get Index(): number {
    return this.book.sheets.indexOf(this) + 1;
  }

  assertEditable(): void {
    if (this.ProtectContents) throw new ComError(`「${this.name}」受保护：不能更改单元格`);
  }

  peek(r: number, c: number): FakeCell | undefined {
    return this.cells.get(key(r, c));
  }

  cell(r: number, c: number): FakeCell {
    let cell = this.cells.get(key(r, c));
    if (!cell) this.cells.set(key(r, c), (cell = {}));
    return cell;
  }

  erase(r: number, c: number): void {
    this.cells.delete(key(r, c));
  }

  columnWidth(col: number): number {
    return this.widths.get(col) ?? 8.38;
  }

  isActive(): boolean {
    return this.book.active === this;
  }

  rangeAt(r1: number, c1: number, r2: number, c2: number): FakeRange {
    return new FakeRange(this, { start: { row: r1, col: c1 }, end: { row: r2, col: c2 } });
  }

  Range(cell1?: unknown, cell2?: unknown): Range {
    const text = String(cell1 ?? "").replace(/\$/g, "");
    const at = parseRange(cell2 === undefined ? text : `${text}:${String(cell2)}`);
    if (!at) throw new ComError(`Range("${text}"): not an address`);
    return new FakeRange(this, at);
  }

  /** The cells with a value, a formula or a format: Excel's used range, A1 when there is none. */
  get UsedRange(): Range {
    let box: RangePos | null = null;
    for (const [k, cell] of this.cells) {
      if (!Object.keys(cell).length) continue;
      const [r, c] = k.split(",").map(Number);
      box = box
        ? {
            start: { row: Math.min(box.start.row, r), col: Math.min(box.start.col, c) },
            end: { row: Math.max(box.end.row, r), col: Math.max(box.end.col, c) },
          }
        : { start: { row: r, col: c }, end: { row: r, col: c } };
    }
    return new FakeRange(this, box ?? { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } });
  }

  get Cells(): Range {
    return this.rangeAt(0, 0, 1_048_575, 16_383);
  }

  get Columns(): Range {
    return this.Cells.Columns;
  }

  get Comments(): Comments {
    const at = [...this.cells.entries()]
      .filter(([, c]) => c.comment !== undefined)
      .map(([k]) => k.split(",").map(Number))
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return {
      Count: at.length,
      Item: (index?: number) => {
        const [r, c] = item(at, index, "Comments");
        return this.commentAt(r, c);
      },
    };
  }

  commentAt(r: number, c: number): Comment {
    return {
      Text: () => {
        const text = this.peek(r, c)?.comment;
        if (text === undefined) throw new ComError("Comment: deleted");
        return text;
      },
      Delete: () => {
        this.assertEditable();
        delete this.cell(r, c).comment;
      },
      Parent: this.rangeAt(r, c, r, c),
    };
  }

  get ListObjects(): ListObjects {
    return {
      Count: this.tables.length,
      Item: (index?: unknown) => this.listObject(item(this.tables, index, "ListObjects")),
      Add: (
        sourceType?: unknown,
        source?: unknown,
        _linkSource?: unknown,
        hasHeaders?: unknown,
        _destination?: unknown,
        styleName?: unknown
      ) => {
        this.assertEditable();
        if (Number(sourceType) !== 1)
          throw new ComError("ListObjects.Add: the fake models xlSrcRange (1) only");
        if (!(source instanceof FakeRange) || source.sheet !== this)
          throw new ComError("ListObjects.Add: Source must be a range of this sheet");
        if (Number(hasHeaders) !== 1)
          throw new ComError("ListObjects.Add: the fake models xlYes (1) headers only");
        const at = {
          start: { ...source.at.start },
          // A header alone gets one empty data row, as in Excel.
          end: {
            row: Math.max(source.at.end.row, source.at.start.row + 1),
            col: source.at.end.col,
          },
        };
        if (this.tables.some((t) => overlaps(t.at, at)))
          throw new ComError("ListObjects.Add: 表不能与另一个表重叠");
        const columns: string[] = [];
        for (let c = at.start.col; c <= at.end.col; c += 1) {
          const v = this.peek(at.start.row, c)?.value;
          let header = v === undefined || typeof v === "object" ? "" : String(v);
          if (!header) {
            // Excel writes a made-up header into a blank header cell.
            header = `列${c - at.start.col + 1}`;
            this.cell(at.start.row, c).value = header;
          }
          if (columns.some((h) => h.toLowerCase() === header.toLowerCase()))
            throw new ComError(`ListObjects.Add: duplicate header ${header} (not modelled)`);
          columns.push(header);
        }
        let n = 1;
        while (this.book.tableNames().includes(`表${n}`.toLowerCase())) n += 1;
        const table: FakeTable = { name: `表${n}`, at, headers: true, totals: false, columns };
        if (styleName !== undefined) table.style = String(styleName);
        this.tables.push(table);
        return this.listObject(table);
      },
    };
  }

  private listObject(t: FakeTable): ListObject {
    // Getters of an object literal have their own `this`: the sheet's members by arrows.
    const assertEditable = () => this.assertEditable();
    const rename = (name: string) => this.book.assertTableName(name, t);
    const range = () => new FakeRange(this, t.at);
    const addRow = (always: boolean) => this.addTableRow(t, always);
    return {
      get Name() {
        return t.name;
      },
      set Name(value: string) {
        assertEditable();
        rename(String(value));
        t.name = String(value);
      },
      ShowHeaders: t.headers,
      ShowTotals: t.totals,
      get Range() {
        return range();
      },
      ListColumns: {
        Count: t.columns.length,
        Item: (j?: unknown) => ({ Name: item(t.columns, j, "ListColumns") }),
      },
      ListRows: {
        get Count() {
          return t.at.end.row - t.at.start.row + 1 - (t.headers ? 1 : 0) - (t.totals ? 1 : 0);
        },
        Add: (position?: unknown, alwaysInsert?: unknown) => {
          assertEditable();
          if (position !== undefined)
            throw new ComError("ListRows.Add: the fake models a row at the end only");
          addRow(alwaysInsert === true || Number(alwaysInsert) === -1);
          return {};
        },
      },
    };
  }

  /**
   * A row at the table's end (before its totals row): the cells below, in the table's columns,
   * move down one row unless the row the table takes is empty and there is no totals row.
   */
  addTableRow(t: FakeTable, alwaysInsert: boolean): void {
    const at = t.totals ? t.at.end.row : t.at.end.row + 1;
    const { col: first } = t.at.start;
    const { col: last } = t.at.end;
    const inColumns = ([r, c]: number[]) => r >= at && c >= first && c <= last;
    const stored = [...this.cells.keys()].map((k) => k.split(",").map(Number));
    const rowEmpty = !stored.some(
      ([r, c]) =>
        r === at && c >= first && c <= last && Object.keys(this.cells.get(key(r, c))!).length
    );
    if (t.totals || alwaysInsert || !rowEmpty) {
      const below = { start: { row: at, col: first }, end: { row: 1_048_575, col: last } };
      if (this.tables.some((o) => o !== t && overlaps(o.at, below)))
        throw new ComError("ListRows.Add: 此操作会移动工作表上某个表中的单元格");
      if (
        this.merges.some((m) => overlaps(m, below)) ||
        this.validations.some((v) => overlaps(v.at, below))
      )
        throw new ComError("ListRows.Add: shifting merges or validation is not modelled");
      for (const [r, c] of stored.filter(inColumns).sort((a, b) => b[0] - a[0])) {
        this.cells.set(key(r + 1, c), this.cells.get(key(r, c))!);
        this.cells.delete(key(r, c));
      }
    }
    t.at = { start: t.at.start, end: { row: t.at.end.row + 1, col: last } };
  }

  get Names(): Names {
    return namesOf(
      this.book.names.filter((n) => n.scope === this.name),
      this.book
    );
  }

  get Hyperlinks(): Hyperlinks {
    return {
      Add: (anchor?: unknown, _address?: unknown, subAddress?: unknown, tip?: unknown) => {
        if (!(anchor instanceof FakeRange)) throw new ComError("Hyperlinks.Add: no anchor");
        anchor.sheet.assertEditable();
        this.links.push({
          anchor: anchor.Address(false, false),
          subAddress: String(subAddress),
          tip: String(tip ?? ""),
        });
        return {};
      },
    };
  }

  Activate(): void {
    if (this.Visible !== -1) throw new ComError(`「${this.name}」已隐藏：不能激活`);
    this.book.active = this;
  }

  Delete(): void {
    this.book.assertStructure();
    this.book.sheets.splice(this.book.sheets.indexOf(this), 1);
  }
}

function namesOf(list: FakeName[], book: FakeBook): Names {
  return {
    Count: list.length,
    Item: (index?: unknown) => {
      const n = item(list, index, "Names");
      const out: Name = {
        // Workbook.Names gives a sheet's own names as "Sheet!Name".
        Name: n.scope && list === book.names ? `${quoteSheet(n.scope)}!${n.name}` : n.name,
        RefersTo: `=${n.refersTo}`,
        Visible: true,
      };
      return out;
    },
  };
}

export interface FakeOptions {
  errorStyle?: ErrorStyle;
  /** Keep the workbook in the 1904 date system: date serials are stored 1,462 smaller. */
  date1904?: boolean;
}

export class FakeBook implements Workbook, Application {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  parts: { xml: string; ns: string }[] = [];
  active: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** VARIANT_BOOL as the declarations type it. */
  Date1904 = 0;
  ProtectStructure = false;
  errorStyle: ErrorStyle = "scode";
  open = true;
  /** Value2/Formula reads of ranges, and Value2 assignments. */
  readonly stats = { rangeReads: 0, valueWrites: 0 };

  readonly listeners: ((sheet: string) => void)[] = [];

  readonly host: WpsHost = {
    application: () => this,
    onSheetChange: (callback) => {
      this.listeners.push(callback);
      return () => this.listeners.splice(0, this.listeners.length);
    },
  };

  /** A user's edit: the value goes in and SheetChange fires. */
  edit(sheet: string, address: string, value: number | string): void {
    this.sheet(sheet).Range(address).Value2 = value;
    for (const l of [...this.listeners]) l(sheet);
  }

  get ActiveWorkbook(): Workbook | null {
    return this.open ? this : null;
  }

  assertStructure(): void {
    if (this.ProtectStructure) throw new ComError("工作簿结构受保护");
  }

  tableNames(): string[] {
    return this.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
  }

  /** Excel's rules for a table's name: unique in the workbook, not a cell, no spaces. */
  assertTableName(name: string, self: FakeTable): void {
    const taken = this.sheets
      .flatMap((s) => s.tables)
      .some((t) => t !== self && t.name.toLowerCase() === name.toLowerCase());
    if (
      !name ||
      name.length > 255 ||
      !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^[RrCc]$/.test(name) ||
      taken ||
      this.names.some((n) => n.name.toLowerCase() === name.toLowerCase())
    )
      throw new ComError(`表名称「${name}」无效或已存在`);
  }

  assertName(name: string, self?: FakeSheet): void {
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name))
      throw new ComError(`不能使用工作表名称「${name}」`);
    if (this.sheets.some((s) => s !== self && s.Name.toLowerCase() === name.toLowerCase()))
      throw new ComError(`工作表名称「${name}」已存在`);
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.Name === name);
    if (!s) throw new ComError(`no sheet ${name}`);
    return s;
  }

  get Worksheets(): Sheets {
    return {
      Count: this.sheets.length,
      Item: (index?: unknown) =>
        typeof index === "string"
          ? (this.sheets.find((s) => s.Name.toLowerCase() === index.toLowerCase()) ??
            (() => {
              throw new ComError(`Worksheets.Item("${index}"): 下标越界`);
            })())
          : item(this.sheets, index, "Worksheets"),
      Add: (before?: unknown, after?: unknown) => {
        this.assertStructure();
        let n = this.sheets.length + 1;
        while (this.sheets.some((s) => s.Name === `Sheet${n}`)) n += 1;
        const sheet = new FakeSheet(this, `Sheet${n}`);
        const anchor = (before ?? after) as FakeSheet | undefined;
        const at = anchor
          ? this.sheets.indexOf(anchor) + (after ? 1 : 0)
          : this.sheets.indexOf(this.active!);
        this.sheets.splice(at < 0 ? this.sheets.length : at, 0, sheet);
        this.active = sheet;
        return sheet;
      },
    };
  }

  get Names(): Names {
    return namesOf(this.names, this);
  }

  get CustomXMLParts(): CustomXMLParts {
    const wrap = (p: { xml: string; ns: string }): CustomXMLPart => ({
      XML: p.xml,
      NamespaceURI: p.ns,
      Delete: () => {
        this.parts = this.parts.filter((x) => x !== p);
      },
    });
    return {
      Count: this.parts.length,
      Item: (index?: unknown) => wrap(item(this.parts, index, "CustomXMLParts")),
      Add: (xml?: string) => {
        const ns = /xmlns="([^"]*)"/.exec(xml ?? "")?.[1] ?? "";
        const part = { xml: String(xml), ns };
        this.parts.push(part);
        return wrap(part);
      },
    };
  }

  /** A workbook as the xlsx reader (or a fixture) describes it. */
  static fromModel(model: WorkbookModel, options: FakeOptions = {}): FakeBook {
    const book = new FakeBook();
    book.errorStyle = options.errorStyle ?? "scode";
    book.Date1904 = options.date1904 ? -1 : 0;
    for (const s of model.sheets) {
      const sheet = new FakeSheet(book, s.name);
      s.rows.forEach((row, r) =>
        row?.forEach((c, col) => {
          if (!c) return;
          const cell = sheet.cell(r, col);
          let v = c.v;
          if (options.date1904 && typeof v === "number" && isDateFormat(c.fmt))
            v -= DAYS_1900_TO_1904;
          if (v !== null && v !== "") cell.value = v;
          if (c.f !== undefined) cell.formula = `=${c.f}`;
          if (c.fmt) cell.format = c.fmt;
        })
      );
      book.sheets.push(sheet);
    }
    for (const t of model.tables) {
      const at = parseRange(t.ref);
      if (!at) continue;
      book.sheet(t.sheet).tables.push({
        name: t.name,
        at,
        headers: t.headerRowCount > 0,
        totals: t.totalsRowCount > 0,
        columns: t.columns,
      });
    }
    book.names = model.names.map((n) => ({ name: n.name, refersTo: n.formula, scope: n.scope }));
    book.active = book.sheets[0] ?? null;
    return book;
  }
}
