/**
 * The workbook proxy of the fake and its collections: names, settings (tables are in
 * fake-tables.ts, notes and comments in fake-notes.ts), and insertWorksheetsFromBase64.
 */
import type { WorkbookModel } from "../../../engine/model";
import {
  DEFAULT_ADDIN_ID,
  FakeDocument,
  FakeError,
  newId,
  type CustomXmlPartData,
} from "./fake-doc";
import { FakeNames } from "./fake-names";
import { FakeComments, FakeNotes } from "./fake-notes";
import { FakeClientResult, FakeCollection, FakeContext, FakeObject } from "./fake-proxy";
import { FakeWorksheets } from "./fake-sheets";
import { FakeTables } from "./fake-tables";

export interface WorkbookHooks {
  /** What insertWorksheetsFromBase64 inserts for a file; without it the call fails. */
  decodeBase64?: (base64: string) => WorkbookModel;
  /** The add-in's Id (the manifest's <Id>): its workbook.settings are its own. */
  addinId?: string;
}

export class FakeWorkbook extends FakeObject<FakeDocument> {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly names: FakeNames;
  readonly settings: FakeSettings;
  readonly notes: FakeNotes;
  readonly comments: FakeComments;
  readonly customXmlParts: FakeCustomXmlParts;
  readonly protection: FakeWorkbookProtection;
  readonly functions: FakeFunctions;

  constructor(
    context: FakeContext,
    readonly doc: FakeDocument,
    private readonly hooks: WorkbookHooks
  ) {
    super(context, () => doc, false);
    this.at({ kind: "root", name: "" });
    this.worksheets = new FakeWorksheets(context, doc);
    this.tables = new FakeTables(context, doc);
    this.names = new FakeNames(context, doc);
    this.settings = new FakeSettings(context, doc, hooks.addinId ?? DEFAULT_ADDIN_ID);
    this.notes = new FakeNotes(context, doc);
    this.comments = new FakeComments(context, doc);
    this.customXmlParts = new FakeCustomXmlParts(context, doc);
    this.protection = new FakeWorkbookProtection(context, doc);
    this.functions = new FakeFunctions(context, doc);
  }

  /**
   * Inserts the sheets of a file (ExcelApi 1.13). Not undoable: "the user's undo stack is
   * cleared starting from that API call"
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities);
   * the fake counts it in doc.undoCleared.
   */
  insertWorksheetsFromBase64(
    base64: string,
    options: { positionType?: string } = {}
  ): FakeClientResult<string[]> {
    const result = new FakeClientResult<string[]>(this.context);
    this.call(
      (doc) => {
        doc.assertStructureEditable();
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
        for (const sheet of incoming.sheets) doc.raise("added", sheet);
        doc.undoCleared += 1;
        result.set(incoming.sheets.map((s) => s.id));
      },
      "InsertWorksheetsFromBase64",
      [base64, options]
    );
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
      protection: this.protection,
    };
    return (parts[name] as FakeObject<unknown>) ?? null;
  }
}

/** workbook.protection (ExcelApi 1.7): whether the structure is protected. */
class FakeWorkbookProtection
  extends FakeObject<FakeDocument>
  implements Pick<Excel.WorkbookProtection, "protected">
{
  constructor(context: FakeContext, doc: FakeDocument) {
    super(context, () => doc, false);
  }
  get protected(): boolean {
    return this.get("protected");
  }
  protected read(doc: FakeDocument, property: string): unknown {
    if (property === "protected") {
      if (this.context.observer.supports && !this.context.observer.supports("1.7"))
        throw new FakeError("ApiNotFound", "fake: workbook.protection needs ExcelApi 1.7");
      return doc.structureProtected;
    }
    throw new FakeError("PropertyNotFound", `fake: WorkbookProtection.${property}`);
  }
}

/** A worksheet function's result (Excel.FunctionResult, ExcelApi 1.2). */
class FakeFunctionResult extends FakeObject<{ value: unknown; error: string | null }> {
  get value(): number {
    return this.get("value");
  }
  get error(): string {
    return this.get("error");
  }
  protected read(r: { value: unknown; error: string | null }, property: string): unknown {
    if (property === "value") return r.value;
    if (property === "error") return r.error;
    throw new FakeError("PropertyNotFound", `fake: FunctionResult.${property}`);
  }
}

/**
 * workbook.functions (ExcelApi 1.2): only DATE, which answers in the workbook's date system
 * ("year Is a number from 1900 or 1904 (depending on the workbook's date system)",
 * https://learn.microsoft.com/javascript/api/excel/excel.functions#excel-excel-functions-date-member(1)).
 */
class FakeFunctions extends FakeObject<FakeDocument> {
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument
  ) {
    super(context, () => doc, false);
  }

  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.context, () => {
      const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
      return { value: this.doc.date1904 ? days - 1462 : days, error: null };
    }).at({ kind: "method", name: "Date", args: [year, month, day], parent: this });
  }

  protected read(_doc: FakeDocument, property: string): unknown {
    throw new FakeError("PropertyNotFound", `fake: Functions.${property}`);
  }
}

/** The namespace of a custom XML part: its root element's xmlns. */
function namespaceOf(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*)(\s[^>]*)?>/.exec(xml.replace(/<\?xml[^>]*\?>/, ""));
  const ns = root?.[2] ? /\sxmlns="([^"]*)"/.exec(root[2]) : null;
  return ns ? ns[1] : "";
}

/**
 * Custom XML parts (ExcelApi 1.5, https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartcollection):
 * stored in the file (customXml/itemN.xml), not per add-in, so every add-in Id sees them.
 */
class FakeCustomXmlParts extends FakeCollection<CustomXmlPartData, FakeCustomXmlPart> {
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument,
    private readonly namespace?: string
  ) {
    super(
      context,
      () =>
        namespace === undefined
          ? doc.customXmlParts
          : doc.customXmlParts.filter((p) => p.namespaceUri === namespace),
      false
    );
  }

  private requireApi(): void {
    if (this.context.observer.supports && !this.context.observer.supports("1.5"))
      throw new FakeError("ApiNotFound", "fake: custom XML parts need ExcelApi 1.5");
  }

  add(xml: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, this.doc, () => {
      this.requireApi();
      if (!/^\s*(<\?xml[^>]*\?>\s*)?<[A-Za-z_]/.test(xml))
        throw new FakeError("InvalidArgument", "fake: not an XML fragment");
      const part: CustomXmlPartData = { id: newId("xml"), namespaceUri: namespaceOf(xml), xml };
      this.doc.customXmlParts.push(part);
      return part;
    }).at({ kind: "method", name: "Add", args: [xml], parent: this, eager: true });
  }

  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, this.doc, () => {
      this.requireApi();
      const part = (this.resolve() ?? []).find((p) => p.id === id);
      if (!part) throw new FakeError("ItemNotFound", `fake: no custom XML part ${id}`);
      return part;
    }).at({ kind: "method", name: "GetItem", args: [id], parent: this });
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlParts {
    return new FakeCustomXmlParts(this.context, this.doc, namespaceUri).at({
      kind: "method",
      name: "GetByNamespace",
      args: [namespaceUri],
      parent: this,
    });
  }

  /** Of a scoped collection: its one item, else a null object. */
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, this.doc, () => {
      this.requireApi();
      const list = this.resolve() ?? [];
      return list.length === 1 ? list[0] : null;
    }).at({ kind: "method", name: "GetOnlyItemOrNullObject", args: [], parent: this });
  }

  protected wrap(item: CustomXmlPartData): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, this.doc, () => item, false);
  }
}

class FakeCustomXmlPart
  extends FakeObject<CustomXmlPartData>
  implements Pick<Excel.CustomXmlPart, "id" | "namespaceUri">
{
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument,
    resolver: () => CustomXmlPartData | null,
    queued = true
  ) {
    super(context, resolver, queued);
  }
  get id(): string {
    return this.get("id");
  }
  get namespaceUri(): string {
    return this.get("namespaceUri");
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>(this.context);
    this.call((part) => result.set(part.xml), "GetXml");
    return result;
  }
  setXml(xml: string): void {
    this.call(
      (part) => {
        if (namespaceOf(xml) !== part.namespaceUri)
          throw new FakeError("InvalidArgument", "fake: setXml keeps the part's namespace");
        part.xml = xml;
      },
      "SetXml",
      [xml]
    );
  }
  delete(): void {
    this.call(
      (part) => (this.doc.customXmlParts = this.doc.customXmlParts.filter((p) => p !== part)),
      "Delete"
    );
  }
  protected read(part: CustomXmlPartData, property: string): unknown {
    if (property === "id" || property === "namespaceUri") return part[property];
    throw new FakeError("PropertyNotFound", `fake: CustomXmlPart.${property}`);
  }
}

/** workbook.settings of one add-in Id (ExcelApi 1.4). */
class FakeSettings extends FakeObject<FakeDocument> {
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument,
    readonly addinId: string
  ) {
    super(context, () => doc, false);
  }

  private get map(): Map<string, unknown> {
    return this.doc.settingsFor(this.addinId);
  }

  add(key: string, value: unknown): FakeSetting {
    // Settings are stored as JSON in the document: a round trip, not the object itself.
    return new FakeSetting(this.context, this.map, key, () => {
      this.map.set(key, JSON.parse(JSON.stringify(value)));
      return key;
    }).at({ kind: "method", name: "Add", args: [key, value], parent: this, eager: true });
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, this.map, key, () => {
      if (!this.map.has(key)) throw new FakeError("ItemNotFound", `no setting ${key}`);
      return key;
    }).at({ kind: "method", name: "GetItem", args: [key], parent: this });
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, this.map, key, () => (this.map.has(key) ? key : null)).at({
      kind: "method",
      name: "GetItemOrNullObject",
      args: [key],
      parent: this,
    });
  }

  protected read(_doc: FakeDocument, property: string): unknown {
    throw new FakeError("PropertyNotFound", `fake: SettingCollection.${property}`);
  }
}

class FakeSetting extends FakeObject<string> implements Pick<Excel.Setting, "key" | "value"> {
  constructor(
    context: FakeContext,
    readonly map: Map<string, unknown>,
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
    this.call((key) => this.map.delete(key), "Delete");
  }
  protected read(key: string, property: string): unknown {
    if (property === "key") return key;
    if (property === "value") return this.map.get(key);
    throw new FakeError("PropertyNotFound", `fake: Setting.${property}`);
  }
}
