/**
 * Tables of the fake (workbook.tables): reading them as the reader does, and what the add-in
 * writes: a table added over a range (ExcelApi 1.1), its name and style, rows added at its end.
 */
import { FakeDocument, FakeError, newId, parseRect, type TableData } from "./fake-doc";
import { FakeCollection, FakeContext, FakeObject } from "./fake-proxy";
import { enter, FakeRange } from "./fake-range";
import { FakeWorksheet } from "./fake-sheets";

export class FakeTables extends FakeCollection<TableData, FakeTable> {
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument
  ) {
    super(context, () => doc.tables, false);
  }

  protected wrap(item: TableData): FakeTable {
    return new FakeTable(this.context, this.doc, () => item);
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this.context, this.doc, () => {
      const lower = key.toLowerCase();
      const t = this.doc.tables.find((x) => x.id === key || x.name.toLowerCase() === lower);
      if (!t) throw new FakeError("ItemNotFound", `no table ${key}`);
      return t;
    }).at({ kind: "indexer", name: "", args: [key], parent: this });
  }

  /**
   * A table over a range of one sheet (ExcelApi 1.1); with headers, the first row's values
   * name the columns. Refused on a protected sheet and over another table.
   */
  add(address: string, hasHeaders: boolean): FakeTable {
    return new FakeTable(this.context, this.doc, () => {
      const bang = address.lastIndexOf("!");
      const sheet = this.doc.sheet(
        address
          .slice(0, bang)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'")
      );
      const range = parseRect(address.slice(bang + 1));
      if (!sheet || !range) throw new FakeError("InvalidArgument", `fake: bad address ${address}`);
      this.doc.assertEditable(sheet);
      const overlaps = this.doc.tables.some(
        (t) =>
          t.sheet === sheet &&
          t.range.start.row <= range.end.row &&
          range.start.row <= t.range.end.row &&
          t.range.start.col <= range.end.col &&
          range.start.col <= t.range.end.col
      );
      if (overlaps) throw new FakeError("InvalidOperation", "fake: tables cannot overlap");
      let name = "";
      for (let n = 1; !name || this.doc.tables.some((t) => t.name === name); n += 1)
        name = `Table${n}`;
      const columns: string[] = [];
      for (let c = range.start.col; c <= range.end.col; c += 1) {
        const v = hasHeaders ? this.doc.peek(sheet, range.start.row, c)?.value : null;
        columns.push(v === null || v === undefined ? `Column${columns.length + 1}` : String(v));
      }
      const table: TableData = {
        id: newId("table"),
        name,
        sheet,
        range,
        showHeaders: true,
        showTotals: false,
        columns,
      };
      this.doc.tables.push(table);
      return table;
    }).at({ kind: "method", name: "Add", args: [address, hasHeaders], parent: this, eager: true });
  }
}

export class FakeTable
  extends FakeObject<TableData>
  implements Pick<Excel.Table, "name" | "style" | "showHeaders" | "showTotals">
{
  readonly worksheet: FakeWorksheet;
  readonly columns: FakeTableColumns;
  readonly rows: FakeTableRows;

  constructor(
    context: FakeContext,
    readonly doc: FakeDocument,
    resolver: () => TableData | null
  ) {
    super(context, resolver, false);
    this.worksheet = new FakeWorksheet(context, doc, () => this.resolve()?.sheet ?? null, false);
    this.columns = new FakeTableColumns(context, () => this.resolve());
    this.rows = new FakeTableRows(context, () => this.resolve(), doc);
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.put("name", v);
  }
  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.put("style", v);
  }
  get showHeaders(): boolean {
    return this.get("showHeaders");
  }
  get showTotals(): boolean {
    return this.get("showTotals");
  }

  getRange(): FakeRange {
    return new FakeRange(
      this.context,
      this.doc,
      () => {
        const t = this.live();
        return { sheet: t.sheet, range: t.range };
      },
      true
    ).at({ kind: "method", name: "GetRange", args: [], parent: this });
  }

  protected read(t: TableData, property: string): unknown {
    if (property === "name") return t.name;
    if (property === "id") return t.id;
    if (property === "showHeaders") return t.showHeaders;
    if (property === "showTotals") return t.showTotals;
    if (property === "style") return t.style ?? "TableStyleMedium2";
    throw new FakeError("PropertyNotFound", `fake: Table.${property}`);
  }

  protected override write(t: TableData, property: string, value: unknown): void {
    if (property === "name") {
      const name = String(value);
      if (this.doc.tables.some((x) => x !== t && x.name.toLowerCase() === name.toLowerCase()))
        throw new FakeError("InvalidArgument", `fake: table ${name} exists`);
      t.name = name;
    } else if (property === "style") t.style = String(value);
    else super.write(t, property, value);
  }

  protected override navigation(name: string): FakeObject<unknown> | null {
    if (name === "worksheet") return this.worksheet as FakeObject<unknown>;
    if (name === "columns") return this.columns as FakeObject<unknown>;
    if (name === "rows") return this.rows as FakeObject<unknown>;
    return null;
  }
}

class FakeTableColumn extends FakeObject<string> implements Pick<Excel.TableColumn, "name"> {
  get name(): string {
    return this.get("name");
  }
  protected read(name: string, property: string): unknown {
    if (property === "name") return name;
    throw new FakeError("PropertyNotFound", `fake: TableColumn.${property}`);
  }
}

class FakeTableColumns extends FakeCollection<string, FakeTableColumn> {
  constructor(context: FakeContext, table: () => TableData | null) {
    super(context, () => table()?.columns ?? null, false);
  }
  protected wrap(item: string): FakeTableColumn {
    return new FakeTableColumn(this.context, () => item, false);
  }
}

/** Only the count: the reader never loads table rows one by one. */
class FakeTableRows extends FakeCollection<number, FakeTableColumn> {
  constructor(
    context: FakeContext,
    private readonly table: () => TableData | null,
    private readonly doc: FakeDocument
  ) {
    super(
      context,
      () => {
        const t = table();
        if (!t) return null;
        const n =
          t.range.end.row -
          t.range.start.row +
          1 -
          (t.showHeaders ? 1 : 0) -
          (t.showTotals ? 1 : 0);
        return Array.from({ length: Math.max(0, n) }, (_, i) => i);
      },
      false
    );
  }
  protected wrap(): FakeTableColumn {
    throw new FakeError("InvalidArgument", "fake: table rows are not loaded one by one");
  }

  /**
   * Rows added at the end of the table (ExcelApi 1.1; the fake takes no index): the table
   * grows over the rows below it, which must be empty (the fake does not shift cells).
   */
  add(index?: number | null, values?: unknown[][]): void {
    this.call(
      () => {
        const t = this.table();
        if (!t) throw new FakeError("InvalidObjectPath", "fake: no table");
        if (index !== undefined && index !== null)
          throw new FakeError("InvalidArgument", "fake: rows.add takes no index here");
        const rows = values ?? [Array.from({ length: t.columns.length }, () => "")];
        this.doc.assertEditable(t.sheet);
        const first = t.range.end.row + 1;
        rows.forEach((line, i) => {
          if (line.length !== t.columns.length)
            throw new FakeError("InvalidArgument", "fake: a row must span the table");
          line.forEach((v, j) => {
            const cell = this.doc.cell(t.sheet, first + i, t.range.start.col + j);
            if (cell.value !== null || cell.formula !== undefined)
              throw new FakeError("InvalidOperation", "fake: cells below the table are not empty");
            enter(cell, v);
          });
        });
        t.range = { start: t.range.start, end: { ...t.range.end, row: first + rows.length - 1 } };
        this.doc.raise("changed", t.sheet, {});
      },
      "Add",
      [index ?? null, values ?? null]
    );
  }
}
