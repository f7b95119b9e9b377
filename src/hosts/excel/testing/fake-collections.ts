/**
 * The workbook proxy of the fake and its collections: tables, names, settings (notes and
 * comments are in fake-notes.ts), and insertWorksheetsFromBase64.
 */
import type { WorkbookModel } from "../../../engine/model";
import { FakeDocument, FakeError, type TableData } from "./fake-doc";
import { FakeNames } from "./fake-names";
import { FakeComments, FakeNotes } from "./fake-notes";
import { FakeClientResult, FakeCollection, FakeContext, FakeObject } from "./fake-proxy";
import { FakeRange } from "./fake-range";
import { FakeWorksheet, FakeWorksheets } from "./fake-sheets";

export interface WorkbookHooks {
  /** What insertWorksheetsFromBase64 inserts for a file; without it the call fails. */
  decodeBase64?: (base64: string) => WorkbookModel;
}

export class FakeWorkbook extends FakeObject<FakeDocument> {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly names: FakeNames;
  readonly settings: FakeSettings;
  readonly notes: FakeNotes;
  readonly comments: FakeComments;

  constructor(
    context: FakeContext,
    readonly doc: FakeDocument,
    private readonly hooks: WorkbookHooks
  ) {
    super(context, () => doc, false);
    this.worksheets = new FakeWorksheets(context, doc);
    this.tables = new FakeTables(context, doc);
    this.names = new FakeNames(context, doc);
    this.settings = new FakeSettings(context, doc);
    this.notes = new FakeNotes(context, doc);
    this.comments = new FakeComments(context, doc);
  }

  insertWorksheetsFromBase64(
    base64: string,
    options: { positionType?: string } = {}
  ): FakeClientResult<string[]> {
    const result = new FakeClientResult<string[]>();
    this.call((doc) => {
      if (!this.hooks.decodeBase64)
        throw new FakeError("InvalidArgument", "fake: no decoder for base64 files");
      const model = this.hooks.decodeBase64(base64);
      const incoming = FakeDocument.fromModel(model);
      const at = options.positionType === "Beginning" ? 0 : doc.sheets.length;
      incoming.sheets.forEach((sheet, i) => {
        let name = sheet.name;
        for (let n = 2; doc.sheet(name); n += 1) name = `${sheet.name} (${n})`;
        sheet.name = name;
        doc.sheets.splice(at + i, 0, sheet);
      });
      // Table names are unique per workbook: Excel renames a clash; the fake refuses it.
      for (const t of incoming.tables) {
        if (doc.tables.some((x) => x.name.toLowerCase() === t.name.toLowerCase()))
          throw new FakeError("InvalidOperation", `fake: table ${t.name} exists`);
        doc.tables.push(t);
      }
      result.set(incoming.sheets.map((s) => s.id));
    });
    return result;
  }

  protected read(_doc: FakeDocument, property: string): unknown {
    throw new FakeError("PropertyNotFound", `fake: Workbook.${property}`);
  }

  protected override navigation(name: string): FakeObject<unknown> | null {
    const parts: Record<string, unknown> = {
      worksheets: this.worksheets,
      tables: this.tables,
      names: this.names,
      settings: this.settings,
      notes: this.notes,
      comments: this.comments,
    };
    return (parts[name] as FakeObject<unknown>) ?? null;
  }
}

class FakeTables extends FakeCollection<TableData, FakeTable> {
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument
  ) {
    super(context, () => doc.tables, false);
  }

  protected wrap(item: TableData): FakeTable {
    return new FakeTable(this.context, this.doc, () => item);
  }
}

export class FakeTable
  extends FakeObject<TableData>
  implements Pick<Excel.Table, "name" | "showHeaders" | "showTotals">
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
    this.rows = new FakeTableRows(context, () => this.resolve());
  }

  get name(): string {
    return this.get("name");
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
    );
  }

  protected read(t: TableData, property: string): unknown {
    if (property === "name") return t.name;
    if (property === "id") return t.id;
    if (property === "showHeaders") return t.showHeaders;
    if (property === "showTotals") return t.showTotals;
    throw new FakeError("PropertyNotFound", `fake: Table.${property}`);
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
  constructor(context: FakeContext, table: () => TableData | null) {
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
}

class FakeSettings extends FakeObject<FakeDocument> {
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument
  ) {
    super(context, () => doc, false);
  }

  add(key: string, value: unknown): FakeSetting {
    // Settings are stored as JSON in the document: a round trip, not the object itself.
    this.call((doc) => doc.settings.set(key, JSON.parse(JSON.stringify(value))));
    return this.getItem(key);
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, this.doc, key, () => {
      if (!this.doc.settings.has(key)) throw new FakeError("ItemNotFound", `no setting ${key}`);
      return key;
    });
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, this.doc, key, () =>
      this.doc.settings.has(key) ? key : null
    );
  }

  protected read(_doc: FakeDocument, property: string): unknown {
    throw new FakeError("PropertyNotFound", `fake: SettingCollection.${property}`);
  }
}

class FakeSetting extends FakeObject<string> implements Pick<Excel.Setting, "key" | "value"> {
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument,
    readonly keyName: string,
    resolver: () => string | null
  ) {
    super(context, resolver);
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  delete(): void {
    this.call((key) => this.doc.settings.delete(key));
  }
  protected read(key: string, property: string): unknown {
    if (property === "key") return key;
    if (property === "value") return this.doc.settings.get(key);
    throw new FakeError("PropertyNotFound", `fake: Setting.${property}`);
  }
}
