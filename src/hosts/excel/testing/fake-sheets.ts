/**
 * Worksheet proxies of the fake: the collection (getItem, add, items), a sheet (name, id,
 * position, used range, activate, delete, onChanged) and its charts.
 */
import { parseRange, rangeA1 } from "../../../engine/util/address";
import {
  FakeError,
  newId,
  parseRect,
  MAX_COLS,
  MAX_ROWS,
  type ChangedHandler,
  type ChartData,
  type FakeDocument,
  type SheetData,
} from "./fake-doc";
import { FakeNotes } from "./fake-notes";
import { FakeNames } from "./fake-names";
import { FakePageLayout } from "./fake-page-layout";
import { FakeFreezePanes } from "./fake-freeze";
import { FakeCollection, FakeContext, FakeObject } from "./fake-proxy";
import { assertCanActivate, FakeRange } from "./fake-range";

export class FakeWorksheets extends FakeCollection<SheetData, FakeWorksheet> {
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument
  ) {
    super(context, () => doc.sheets, false);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.doc, () => {
      const sheet = this.doc.sheet(key);
      if (!sheet) throw new FakeError("ItemNotFound", `no worksheet ${key}`);
      return sheet;
    }).at({ kind: "indexer", name: "", args: [key], parent: this });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.doc, () => this.doc.sheet(key) ?? null).at({
      kind: "method",
      name: "GetItemOrNullObject",
      args: [key],
      parent: this,
    });
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this.doc, () => this.doc.activeSheet).at({
      kind: "method",
      name: "GetActiveWorksheet",
      args: [],
      parent: this,
    });
  }

  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.doc, () => {
      this.doc.assertStructureEditable();
      let fresh = name;
      for (let i = this.doc.sheets.length + 1; !fresh || this.doc.sheet(fresh); i += 1)
        fresh = `Sheet${i}`;
      const sheet = this.doc.addSheet(fresh);
      this.doc.raise("added", sheet);
      return sheet;
    }).at({ kind: "method", name: "Add", args: [name ?? null], parent: this, eager: true });
  }

  /**
   * Events of every sheet, present and future: onChanged (ExcelApi 1.9), onAdded and onDeleted
   * (ExcelApi 1.7), onNameChanged (ExcelApi 1.17)
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#events).
   */
  get onChanged(): FakeEvent {
    return new FakeEvent(this.context, () => this.doc.handlers.changed, "1.9");
  }
  get onAdded(): FakeEvent {
    return new FakeEvent(this.context, () => this.doc.handlers.added, "1.7");
  }
  get onDeleted(): FakeEvent {
    return new FakeEvent(this.context, () => this.doc.handlers.deleted, "1.7");
  }
  get onNameChanged(): FakeEvent {
    return new FakeEvent(this.context, () => this.doc.handlers.nameChanged, "1.17");
  }

  protected wrap(item: SheetData): FakeWorksheet {
    return new FakeWorksheet(this.context, this.doc, () => item, false);
  }
}

export class FakeWorksheet
  extends FakeObject<SheetData>
  implements Pick<Excel.Worksheet, "name" | "id" | "position" | "visibility">
{
  private chartsProxy: FakeCharts | null = null;
  private notesProxy: FakeNotes | null = null;
  private changedProxy: FakeEvent | null = null;
  private namesProxy: FakeNames | null = null;
  private pageLayoutProxy: FakePageLayout | null = null;
  private protectionProxy: FakeWorksheetProtection | null = null;
  private freezeProxy: FakeFreezePanes | null = null;

  constructor(
    context: FakeContext,
    readonly doc: FakeDocument,
    resolver: () => SheetData | null,
    queued = true
  ) {
    super(context, resolver, queued);
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.put("name", v);
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  set position(v: number) {
    this.put("position", v);
  }
  get visibility(): Excel.Worksheet["visibility"] {
    return this.get("visibility");
  }

  get charts(): FakeCharts {
    this.chartsProxy ??= new FakeCharts(this.context, this.doc, () => this.resolve()).at({
      kind: "property",
      name: "Charts",
      parent: this,
    });
    return this.chartsProxy;
  }

  get notes(): FakeNotes {
    this.notesProxy ??= new FakeNotes(this.context, this.doc, () => this.resolve()).at({
      kind: "property",
      name: "Notes",
      parent: this,
    });
    return this.notesProxy;
  }

  /** Names scoped to this sheet (ExcelApi 1.4). */
  get names(): FakeNames {
    this.namesProxy ??= new FakeNames(this.context, this.doc, () => this.resolve()).at({
      kind: "property",
      name: "Names",
      parent: this,
    });
    return this.namesProxy;
  }

  /** Print setup (ExcelApi 1.9): fake-page-layout.ts. */
  get pageLayout(): FakePageLayout {
    this.pageLayoutProxy ??= new FakePageLayout(this.context, () => this.resolve()).at({
      kind: "property",
      name: "PageLayout",
      parent: this,
    });
    return this.pageLayoutProxy;
  }

  /** Rows kept in view (ExcelApi 1.7): fake-freeze.ts. */
  get freezePanes(): FakeFreezePanes {
    this.freezeProxy ??= new FakeFreezePanes(this.context, () => this.resolve()).at({
      kind: "property",
      name: "FreezePanes",
      parent: this,
    });
    return this.freezeProxy;
  }

  /** worksheet.protection (ExcelApi 1.2): whether the sheet is protected. */
  get protection(): FakeWorksheetProtection {
    this.protectionProxy ??= new FakeWorksheetProtection(this.context, () => this.resolve()).at({
      kind: "property",
      name: "Protection",
      parent: this,
    });
    return this.protectionProxy;
  }

  get onChanged(): FakeEvent {
    this.changedProxy ??= new FakeEvent(this.context, () => this.live().changed, "1.7");
    return this.changedProxy;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.context,
      this.doc,
      () => {
        const sheet = this.live();
        const range =
          address === undefined
            ? { start: { row: 0, col: 0 }, end: { row: MAX_ROWS - 1, col: MAX_COLS - 1 } }
            : parseRect(address);
        if (!range) throw new FakeError("InvalidArgument", `bad address ${address}`);
        return { sheet, range };
      },
      true
    ).at({
      kind: "method",
      name: "GetRange",
      args: address === undefined ? [] : [address],
      parent: this,
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      this.doc,
      () => {
        const sheet = this.live();
        const range = this.doc.usedRange(sheet, valuesOnly) ?? parseRange("A1")!;
        return { sheet, range };
      },
      true
    ).at({ kind: "method", name: "GetUsedRange", args: [valuesOnly], parent: this });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      this.doc,
      () => {
        const sheet = this.live();
        const range = this.doc.usedRange(sheet, valuesOnly);
        return range ? { sheet, range } : null;
      },
      true
    ).at({ kind: "method", name: "GetUsedRangeOrNullObject", args: [valuesOnly], parent: this });
  }

  activate(): void {
    this.call((sheet) => {
      assertCanActivate(sheet);
      this.doc.activeSheet = sheet;
    }, "Activate");
  }

  delete(): void {
    this.call((sheet) => {
      this.doc.assertStructureEditable();
      this.doc.deleteSheet(sheet);
      this.doc.undoCleared += 1;
      this.doc.raise("deleted", sheet);
    }, "Delete");
  }

  protected read(sheet: SheetData, property: string): unknown {
    switch (property) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return this.doc.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      default:
        throw new FakeError("PropertyNotFound", `fake: Worksheet.${property}`);
    }
  }

  protected override write(sheet: SheetData, property: string, value: unknown): void {
    if (property === "name") {
      this.doc.assertStructureEditable();
      const other = this.doc.sheet(String(value));
      if (other && other !== sheet)
        throw new FakeError("ItemAlreadyExists", `sheet ${value} exists`);
      const before = sheet.name;
      sheet.name = String(value);
      if (before !== sheet.name)
        this.doc.raise("nameChanged", sheet, { nameBefore: before, nameAfter: sheet.name });
    } else if (property === "position") {
      this.doc.assertStructureEditable();
      const list = this.doc.sheets.filter((s) => s !== sheet);
      list.splice(Math.max(0, Math.min(list.length, Number(value))), 0, sheet);
      this.doc.sheets = list;
    } else super.write(sheet, property, value);
  }

  protected override navigation(name: string): FakeObject<unknown> | null {
    if (name === "charts") return this.charts as FakeObject<unknown>;
    if (name === "protection") return this.protection as FakeObject<unknown>;
    return null;
  }
}

export class FakeWorksheetProtection
  extends FakeObject<SheetData>
  implements Pick<Excel.WorksheetProtection, "protected">
{
  constructor(context: FakeContext, resolver: () => SheetData | null) {
    super(context, resolver, false);
  }
  get protected(): boolean {
    return this.get("protected");
  }
  protected read(sheet: SheetData, property: string): unknown {
    if (property === "protected") return sheet.protected;
    throw new FakeError("PropertyNotFound", `fake: WorksheetProtection.${property}`);
  }
}

/**
 * An event (onChanged, onAdded …): add() registers at the next sync, like Office.js; an Excel
 * without the event's requirement set fails that sync (ApiNotFound).
 */
export class FakeEvent {
  constructor(
    readonly context: FakeContext,
    private readonly handlers: () => Set<ChangedHandler>,
    private readonly requires: string
  ) {}

  private check(): void {
    const observer = this.context.observer;
    if (observer.supports && !observer.supports(this.requires))
      throw new FakeError("ApiNotFound", `fake: this event needs ExcelApi ${this.requires}`);
  }

  add(handler: ChangedHandler): { context: FakeContext; remove(): void } {
    let registered: Set<ChangedHandler> | null = null;
    this.context.enqueue(() => {
      this.check();
      registered = this.handlers();
      registered.add(handler);
    });
    return {
      context: this.context,
      remove: () => this.context.enqueue(() => registered?.delete(handler)),
    };
  }
}

export class FakeCharts extends FakeCollection<ChartData, FakeChart> {
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument,
    private readonly sheet: () => SheetData | null
  ) {
    super(context, () => sheet()?.charts ?? null, false);
  }

  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChart {
    return new FakeChart(this.context, () => {
      const sheet = this.sheet();
      const src = source.resolve();
      if (!sheet || !src) throw new FakeError("InvalidObjectPath", "fake: chart on a null object");
      this.doc.assertEditable(sheet);
      const chart: ChartData = {
        id: newId("chart"),
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: `${src.sheet.name}!${rangeA1(src.range)}`,
        seriesBy,
        title: "",
        legendVisible: true,
        seriesName: null,
        xValues: null,
        position: null,
      };
      sheet.charts.push(chart);
      return chart;
    }).at({
      kind: "method",
      name: "Add",
      args: [type, source, seriesBy],
      parent: this,
      eager: true,
    });
  }

  protected wrap(item: ChartData): FakeChart {
    return new FakeChart(this.context, () => item, false);
  }
}

class FakeChartPart extends FakeObject<ChartData> {
  constructor(
    context: FakeContext,
    resolver: () => ChartData | null,
    private readonly field: "title" | "legendVisible" | "seriesName",
    private readonly property: string
  ) {
    super(context, resolver, false);
  }

  protected read(chart: ChartData, property: string): unknown {
    if (property !== this.property)
      throw new FakeError("PropertyNotFound", `fake: chart part ${property}`);
    return chart[this.field];
  }

  protected override write(chart: ChartData, property: string, value: unknown): void {
    if (property !== this.property)
      throw new FakeError("PropertyNotFound", `fake: chart part ${property}`);
    (chart as unknown as Record<string, unknown>)[this.field] = value;
  }
}

export class FakeChart extends FakeObject<ChartData> implements Pick<Excel.Chart, "name"> {
  readonly title = new FakeChartTitle(this.context, () => this.resolve(), "title", "text");
  readonly legend = new FakeChartLegend(
    this.context,
    () => this.resolve(),
    "legendVisible",
    "visible"
  );
  readonly series = {
    getItemAt: (index: number) =>
      new FakeChartSeries(
        this.context,
        () => {
          if (index !== 0) throw new FakeError("ItemNotFound", "fake: charts have one series");
          return this.live();
        },
        "seriesName",
        "name"
      ),
  };

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.put("name", v);
  }

  setPosition(start: string, end?: string): void {
    this.call((chart) => (chart.position = [start, end]));
  }

  protected read(chart: ChartData, property: string): unknown {
    if (property === "name") return chart.name;
    if (property === "id") return chart.id;
    throw new FakeError("PropertyNotFound", `fake: Chart.${property}`);
  }

  protected override write(chart: ChartData, property: string, value: unknown): void {
    if (property === "name") chart.name = String(value);
    else super.write(chart, property, value);
  }
}

export class FakeChartTitle extends FakeChartPart implements Pick<Excel.ChartTitle, "text"> {
  set text(v: string) {
    this.put("text", v);
  }
  get text(): string {
    return this.get("text");
  }
}

export class FakeChartLegend extends FakeChartPart implements Pick<Excel.ChartLegend, "visible"> {
  set visible(v: boolean) {
    this.put("visible", v);
  }
  get visible(): boolean {
    return this.get("visible");
  }
}

export class FakeChartSeries extends FakeChartPart implements Pick<Excel.ChartSeries, "name"> {
  set name(v: string) {
    this.put("name", v);
  }
  get name(): string {
    return this.get("name");
  }

  setXAxisValues(source: FakeRange): void {
    this.call((chart) => {
      const src = source.resolve();
      if (!src) throw new FakeError("InvalidObjectPath", "fake: x values from a null object");
      chart.xValues = `${src.sheet.name}!${rangeA1(src.range)}`;
    });
  }
}
