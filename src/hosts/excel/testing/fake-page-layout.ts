/**
 * A sheet's print setup in the fake: worksheet.pageLayout and its headersFooters (ExcelApi
 * 1.9, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout). An Excel without
 * 1.9 fails the request that touches them (ApiNotFound), and so does the fake. Values Excel
 * refuses fail the sync: an orientation or paper size it does not know, a zoom scale outside
 * 10–400 or fit-to-pages that are not whole numbers (excel.pagelayoutzoomoptions), print
 * title rows that are not whole rows ("The range must span the entire row to be valid"), a
 * print area that is not an address, a footer section over 255 characters (Excel's limit for
 * a header or footer).
 */
import { rangeA1 } from "../../../engine/util/address";
import { FakeError, MAX_COLS, parseRect, type PageLayoutData, type SheetData } from "./fake-doc";
import { FakeContext, FakeObject } from "./fake-proxy";

const API = "1.9";

/** Excel.PaperType's values (office-js typings). */
const PAPER = new Set(
  (
    "Letter LetterSmall Tabloid Ledger Legal Statement Executive A3 A4 A4Small A5 B4 B5 Folio " +
    "Quatro Paper10x14 Paper11x17 Note Envelope9 Envelope10 Envelope11 Envelope12 Envelope14 " +
    "Csheet Dsheet Esheet EnvelopeDL EnvelopeC5 EnvelopeC3 EnvelopeC4 EnvelopeC6 EnvelopeC65 " +
    "EnvelopeB4 EnvelopeB5 EnvelopeB6 EnvelopeItaly EnvelopeMonarch EnvelopePersonal FanfoldUS " +
    "FanfoldStdGerman FanfoldLegalGerman"
  ).split(" ")
);

function requireApi(context: FakeContext): void {
  if (context.observer.supports && !context.observer.supports(API))
    throw new FakeError("ApiNotFound", `fake: worksheet.pageLayout needs ExcelApi ${API}`);
}

function fitCount(v: unknown): boolean {
  return v === undefined || v === null || (Number.isInteger(v) && (v as number) >= 0);
}

export class FakePageLayout
  extends FakeObject<SheetData>
  implements Pick<Excel.PageLayout, "orientation" | "paperSize" | "centerHorizontally" | "zoom">
{
  readonly headersFooters: FakeHeaderFooterGroup;

  constructor(context: FakeContext, resolver: () => SheetData | null) {
    super(context, resolver, false);
    this.headersFooters = new FakeHeaderFooterGroup(context, resolver);
  }

  get orientation(): Excel.PageLayout["orientation"] {
    return this.get("orientation");
  }
  set orientation(v: Excel.PageLayout["orientation"]) {
    this.put("orientation", v);
  }
  get paperSize(): Excel.PageLayout["paperSize"] {
    return this.get("paperSize");
  }
  set paperSize(v: Excel.PageLayout["paperSize"]) {
    this.put("paperSize", v);
  }
  get centerHorizontally(): boolean {
    return this.get("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this.put("centerHorizontally", v);
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.get("zoom");
  }
  /** Set as a whole object, as the typings ask (x.zoom = {...}). */
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.put("zoom", v);
  }

  setPrintTitleRows(rows: string): void {
    this.call((sheet) => {
      requireApi(this.context);
      const r = parseRect(rows);
      if (!r || r.start.col !== 0 || r.end.col !== MAX_COLS - 1)
        throw new FakeError("InvalidArgument", `fake: print title rows ${rows} are not whole rows`);
      sheet.pageLayout.printTitleRows = `$${r.start.row + 1}:$${r.end.row + 1}`;
    });
  }

  setPrintArea(area: string): void {
    this.call((sheet) => {
      requireApi(this.context);
      const r = parseRect(area);
      if (!r) throw new FakeError("InvalidArgument", `fake: print area ${area}`);
      sheet.pageLayout.printArea = rangeA1(r);
    });
  }

  protected override put(property: string, value: unknown): void {
    this.context.enqueue(() => {
      requireApi(this.context);
      this.write(this.live(), property, value);
    });
  }

  protected read(sheet: SheetData, property: string): unknown {
    requireApi(this.context);
    if (property in sheet.pageLayout && property !== "footer")
      return structuredClone(sheet.pageLayout[property as keyof PageLayoutData]);
    throw new FakeError("PropertyNotFound", `fake: PageLayout.${property}`);
  }

  protected override write(sheet: SheetData, property: string, value: unknown): void {
    const layout = sheet.pageLayout;
    if (property === "orientation") {
      if (value !== "Portrait" && value !== "Landscape")
        throw new FakeError("InvalidArgument", `fake: orientation ${value}`);
      layout.orientation = value;
    } else if (property === "paperSize") {
      if (!PAPER.has(String(value))) throw new FakeError("InvalidArgument", `fake: paper ${value}`);
      layout.paperSize = String(value);
    } else if (property === "centerHorizontally") layout.centerHorizontally = Boolean(value);
    else if (property === "zoom") {
      const z = (value ?? {}) as PageLayoutData["zoom"];
      const scaled = z.scale !== undefined && z.scale !== null;
      if (scaled && (!(Number(z.scale) >= 10) || !(Number(z.scale) <= 400)))
        throw new FakeError("InvalidArgument", `fake: zoom scale ${z.scale} is not 10 to 400`);
      if (!fitCount(z.horizontalFitToPages) || !fitCount(z.verticalFitToPages))
        throw new FakeError("InvalidArgument", "fake: fit to pages must be whole numbers");
      layout.zoom = { ...z };
    } else super.write(sheet, property, value);
  }
}

export class FakeHeaderFooterGroup extends FakeObject<SheetData> {
  readonly defaultForAllPages: FakeHeaderFooter;

  constructor(context: FakeContext, resolver: () => SheetData | null) {
    super(context, resolver, false);
    this.defaultForAllPages = new FakeHeaderFooter(context, resolver);
  }

  protected read(_sheet: SheetData, property: string): unknown {
    throw new FakeError("PropertyNotFound", `fake: HeaderFooterGroup.${property}`);
  }
}

const SECTIONS = { leftFooter: "left", centerFooter: "center", rightFooter: "right" } as const;

/** The footer sections of defaultForAllPages; the fake does not model headers. */
export class FakeHeaderFooter
  extends FakeObject<SheetData>
  implements Pick<Excel.HeaderFooter, "leftFooter" | "centerFooter" | "rightFooter">
{
  constructor(context: FakeContext, resolver: () => SheetData | null) {
    super(context, resolver, false);
  }

  get leftFooter(): string {
    return this.get("leftFooter");
  }
  set leftFooter(v: string) {
    this.put("leftFooter", v);
  }
  get centerFooter(): string {
    return this.get("centerFooter");
  }
  set centerFooter(v: string) {
    this.put("centerFooter", v);
  }
  get rightFooter(): string {
    return this.get("rightFooter");
  }
  set rightFooter(v: string) {
    this.put("rightFooter", v);
  }

  protected override put(property: string, value: unknown): void {
    this.context.enqueue(() => {
      requireApi(this.context);
      this.write(this.live(), property, value);
    });
  }

  protected read(sheet: SheetData, property: string): unknown {
    requireApi(this.context);
    const section = SECTIONS[property as keyof typeof SECTIONS];
    if (!section) throw new FakeError("PropertyNotFound", `fake: HeaderFooter.${property}`);
    return sheet.pageLayout.footer[section];
  }

  protected override write(sheet: SheetData, property: string, value: unknown): void {
    const section = SECTIONS[property as keyof typeof SECTIONS];
    if (!section) return super.write(sheet, property, value);
    const text = String(value);
    if (text.length > 255)
      throw new FakeError("InvalidArgument", "fake: a footer section holds 255 characters");
    sheet.pageLayout.footer[section] = text;
  }
}
