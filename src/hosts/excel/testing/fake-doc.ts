/**
 * The fake's document: what Excel would hold in memory (sheets of cells with values, formulas,
 * formats; tables, names, notes, comments, settings, charts, event handlers), with none of the
 * proxy machinery. Built from a WorkbookModel so tests start from the engine's fixtures.
 */
import type { CellScalar, WorkbookModel } from "../../../engine/model";
import { a1, parseA1, parseRange, type RangePos } from "../../../engine/util/address";
import type { ValidationData } from "./fake-validation";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface FillData {
  /** null: no fill (Excel reports "#FFFFFF" with pattern "None"). */
  color: string | null;
  pattern: string;
  patternColor: string | null;
  tintAndShade: number;
  patternTintAndShade: number;
}

export interface FontData {
  color: string;
  bold: boolean;
  size: number;
}

export interface BorderData {
  style: string;
  color: string;
  weight: string;
}

export type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";
export const EDGES: readonly Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];

export interface HyperlinkData {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface CellData {
  value: CellScalar;
  /** Formula without '='. */
  formula?: string;
  numberFormat: string;
  /** Entered with a leading apostrophe: shown and kept as text. */
  quotePrefix: boolean;
  fill: FillData;
  font: FontData;
  borders: Record<Edge, BorderData>;
  wrapText: boolean;
  /** RangeFormat.verticalAlignment: Excel's default is "Bottom". */
  verticalAlignment: string;
  hyperlink: HyperlinkData | null;
}

export type ChangedHandler = (args: Record<string, unknown>) => Promise<unknown>;

export interface ChartData {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  seriesName: string | null;
  xValues: string | null;
  position: [string, string | undefined] | null;
}

/** A sheet's print setup (worksheet.pageLayout, ExcelApi 1.9). */
export interface PageLayoutData {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Whole rows, as "$3:$4". */
  printTitleRows: string | null;
  printArea: string | null;
  /** headersFooters.defaultForAllPages. */
  footer: { left: string; center: string; right: string };
}

export interface SheetData {
  id: string;
  name: string;
  /** "Visible", "Hidden" or "VeryHidden"; a hidden sheet cannot be activated. */
  visibility: string;
  /**
   * Protected (Review > Protect Sheet, every cell locked): Excel refuses any change to its
   * cells, formats, notes and comments (AccessDenied, "You cannot perform the requested
   * operation": https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
   * worksheet.protection.protected tells (ExcelApi 1.2,
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection).
   */
  protected: boolean;
  cells: Map<number, CellData>;
  columnWidths: Map<number, number>;
  /** Row heights set by the add-in, in points. */
  rowHeights: Map<number, number>;
  merges: RangePos[];
  pageLayout: PageLayoutData;
  charts: ChartData[];
  changed: Set<ChangedHandler>;
  /** Data validation set by the add-in (range.dataValidation, fake-validation.ts). */
  validations?: ValidationData[];
  /** Rows kept in view at the top (worksheet.freezePanes, fake-freeze.ts); 0: none. */
  frozenRows: number;
}

export interface TableData {
  id: string;
  name: string;
  sheet: SheetData;
  range: RangePos;
  showHeaders: boolean;
  showTotals: boolean;
  columns: string[];
  /** Table.style, e.g. "TableStyleMedium2", when the add-in set one. */
  style?: string;
}

export interface NameData {
  name: string;
  /** With the leading '=', as Office.js reports it. */
  formula: string;
  type: string;
  visible: boolean;
  /**
   * The sheet a sheet-scoped name belongs to. Office.js lists workbook-scoped names in
   * workbook.names and a sheet's own in worksheet.names (ExcelApi 1.4), never both:
   * https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-names-member
   * and .../excel.worksheet#excel-excel-worksheet-names-member.
   */
  scope?: SheetData;
}

export interface NoteData {
  sheet: SheetData;
  row: number;
  col: number;
  content: string;
  authorName: string;
}

export interface CommentData extends NoteData {
  id: string;
}

export function defaultCell(): CellData {
  const border = (): BorderData => ({ style: "None", color: "#000000", weight: "Thin" });
  return {
    value: null,
    numberFormat: "General",
    quotePrefix: false,
    fill: {
      color: null,
      pattern: "None",
      patternColor: null,
      tintAndShade: 0,
      patternTintAndShade: 0,
    },
    font: { color: "#000000", bold: false, size: 11 },
    borders: { EdgeTop: border(), EdgeBottom: border(), EdgeLeft: border(), EdgeRight: border() },
    wrapText: false,
    verticalAlignment: "Bottom",
    hyperlink: null,
  };
}

const DEFAULT_JSON = JSON.stringify(defaultCell());

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
    this.name = "FakeExcelError";
  }
}

/** Parse "A1", "A1:C3", "A:C" or "2:5" into a range. */
export function parseRect(ref: string): RangePos | null {
  const plain = ref.replace(/\$/g, "").trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(plain);
  if (cols) {
    const a = parseA1(`${cols[1]}1`)!.col;
    const b = parseA1(`${cols[2]}1`)!.col;
    return {
      start: { row: 0, col: Math.min(a, b) },
      end: { row: MAX_ROWS - 1, col: Math.max(a, b) },
    };
  }
  const rows = /^(\d+):(\d+)$/.exec(plain);
  if (rows) {
    const [a, b] = [Number(rows[1]) - 1, Number(rows[2]) - 1].sort((x, y) => x - y);
    return { start: { row: a, col: 0 }, end: { row: b, col: MAX_COLS - 1 } };
  }
  return parseRange(plain);
}

/** How Excel prints a sheet name in an address: quoted unless it is a plain word. */
export function addressSheet(name: string): string {
  return /^[A-Za-z_\u3400-\u9fff][\w.\u3400-\u9fff]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

let ids = 0;
export function newId(kind: string): string {
  ids += 1;
  return `{${kind}-${String(ids).padStart(8, "0")}}`;
}

/** An event the document raised: fake-excel.ts hands it to the handlers after the sync. */
export interface RaisedEvent {
  kind: "changed" | "added" | "deleted" | "nameChanged";
  sheet: SheetData;
  args: Record<string, unknown>;
}

/** A custom XML part (workbook.customXmlParts, ExcelApi 1.5): stored in the file itself. */
export interface CustomXmlPartData {
  id: string;
  namespaceUri: string;
  xml: string;
}

/** The add-in the fake runs as when a test names none (its settings are its own). */
export const DEFAULT_ADDIN_ID = "fucai-dev";

export class FakeDocument {
  sheets: SheetData[] = [];
  tables: TableData[] = [];
  names: NameData[] = [];
  notes: NoteData[] = [];
  comments: CommentData[] = [];
  /**
   * workbook.settings are "unique to a single Excel file and add-in pairing, whereas properties
   * are solely connected to the file"
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks#access-document-settings):
   * one map per add-in Id.
   */
  settingsByAddin = new Map<string, Map<string, unknown>>();
  customXmlParts: CustomXmlPartData[] = [];
  /** Review > Protect Workbook (structure): sheets cannot be added, deleted, renamed or moved. */
  structureProtected = false;
  /** File > Options > Advanced > Use 1904 date system: serials count days from 1904-01-01. */
  date1904 = false;
  /** Worksheet-collection event handlers (ExcelApi 1.7 added/deleted, 1.9 changed, 1.17 renamed). */
  handlers = {
    changed: new Set<ChangedHandler>(),
    added: new Set<ChangedHandler>(),
    deleted: new Set<ChangedHandler>(),
    nameChanged: new Set<ChangedHandler>(),
  };
  /**
   * Times an API call that Excel cannot undo cleared the user's undo history
   * (insertWorksheetsFromBase64, Worksheet.delete …: "the user's undo stack is cleared starting
   * from that API call", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
   */
  undoCleared = 0;
  /** Events raised by the running sync, dispatched once it is over. */
  raised: RaisedEvent[] = [];
  activeSheet: SheetData | null = null;
  selection: { sheet: string; address: string } | null = null;

  /** The settings of one add-in in this document. */
  settingsFor(addinId: string): Map<string, unknown> {
    let map = this.settingsByAddin.get(addinId);
    if (!map) this.settingsByAddin.set(addinId, (map = new Map()));
    return map;
  }

  /** The settings of the default add-in (DEFAULT_ADDIN_ID). */
  get settings(): Map<string, unknown> {
    return this.settingsFor(DEFAULT_ADDIN_ID);
  }

  raise(kind: RaisedEvent["kind"], sheet: SheetData, args: Record<string, unknown> = {}): void {
    this.raised.push({ kind, sheet, args });
  }

  /** Excel refuses changes to a protected sheet's cells, formats, notes and comments. */
  assertEditable(sheet: SheetData): void {
    if (sheet.protected)
      throw new FakeError(
        "AccessDenied",
        `You cannot perform the requested operation. (fake: sheet ${sheet.name} is protected)`
      );
  }

  /** Excel refuses to add, delete, rename, move or hide sheets of a structure-protected workbook. */
  assertStructureEditable(): void {
    if (this.structureProtected)
      throw new FakeError(
        "AccessDenied",
        "You cannot perform the requested operation. (fake: the workbook's structure is protected)"
      );
  }

  static fromModel(model: WorkbookModel): FakeDocument {
    const doc = new FakeDocument();
    for (const s of model.sheets) {
      const sheet = doc.addSheet(s.name);
      s.rows.forEach((row, r) =>
        row?.forEach((c, col) => {
          if (!c) return;
          const cell = doc.cell(sheet, r, col);
          cell.value = c.v;
          if (c.f !== undefined) cell.formula = c.f;
          if (c.fmt !== undefined) cell.numberFormat = c.fmt;
        })
      );
    }
    for (const t of model.tables) {
      const sheet = doc.sheet(t.sheet);
      const range = parseRange(t.ref);
      if (!sheet || !range) continue;
      doc.tables.push({
        id: newId("table"),
        name: t.name,
        sheet,
        range,
        showHeaders: t.headerRowCount > 0,
        showTotals: t.totalsRowCount > 0,
        columns: [...t.columns],
      });
    }
    for (const n of model.names) {
      doc.names.push({
        name: n.name,
        formula: `=${n.formula}`,
        type: n.sheet ? "Range" : "Error",
        visible: true,
        scope: n.scope !== undefined ? doc.sheet(n.scope) : undefined,
      });
    }
    doc.activeSheet = doc.sheets[0] ?? null;
    return doc;
  }

  /** A sheet by name (case-insensitive, as Excel) or id. */
  sheet(key: string): SheetData | undefined {
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === lower);
  }

  addSheet(name: string, index = this.sheets.length): SheetData {
    if (name.length > 31 || /[[\]:*?/\\]/.test(name) || !name.trim())
      throw new FakeError("InvalidArgument", `bad sheet name ${name}`);
    if (this.sheet(name)) throw new FakeError("ItemAlreadyExists", `sheet ${name} exists`);
    const sheet: SheetData = {
      id: newId("sheet"),
      name,
      visibility: "Visible",
      protected: false,
      frozenRows: 0,
      cells: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      merges: [],
      pageLayout: {
        orientation: "Portrait",
        paperSize: "Letter",
        centerHorizontally: false,
        zoom: { scale: 100 },
        printTitleRows: null,
        printArea: null,
        footer: { left: "", center: "", right: "" },
      },
      charts: [],
      changed: new Set(),
    };
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetData): void {
    if (
      this.sheets.filter((s) => s.visibility === "Visible").length <= 1 &&
      sheet.visibility === "Visible"
    )
      throw new FakeError("InvalidOperation", "cannot delete the last visible sheet");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    this.notes = this.notes.filter((n) => n.sheet !== sheet);
    this.comments = this.comments.filter((c) => c.sheet !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0] ?? null;
  }

  /** The cell, created with default properties when absent. */
  cell(sheet: SheetData, row: number, col: number): CellData {
    const key = cellKey(row, col);
    let cell = sheet.cells.get(key);
    if (!cell) sheet.cells.set(key, (cell = defaultCell()));
    return cell;
  }

  peek(sheet: SheetData, row: number, col: number): CellData | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  /** Bounding range of cells with a value or formula (valuesOnly) or with anything at all. */
  usedRange(sheet: SheetData, valuesOnly: boolean): RangePos | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [key, cell] of sheet.cells) {
      const used = valuesOnly
        ? cell.value !== null || cell.formula !== undefined
        : JSON.stringify(cell) !== DEFAULT_JSON;
      if (!used) continue;
      const row = Math.floor(key / MAX_COLS);
      const col = key % MAX_COLS;
      r0 = Math.min(r0, row);
      c0 = Math.min(c0, col);
      r1 = Math.max(r1, row);
      c1 = Math.max(c1, col);
    }
    return r1 < 0 ? null : { start: { row: r0, col: c0 }, end: { row: r1, col: c1 } };
  }

  noteAt(sheet: SheetData, row: number, col: number): NoteData | undefined {
    return this.notes.find((n) => n.sheet === sheet && n.row === row && n.col === col);
  }

  commentAt(sheet: SheetData, row: number, col: number): CommentData | undefined {
    return this.comments.find((n) => n.sheet === sheet && n.row === row && n.col === col);
  }

  /**
   * Every non-default cell of every sheet as JSON, keyed "sheet!A1": compare two snapshots to
   * prove that nothing (value, formula, fill, font, borders, number format…) changed.
   */
  snapshot(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const sheet of this.sheets) {
      for (const [key, cell] of sheet.cells) {
        const json = JSON.stringify(cell);
        if (json === DEFAULT_JSON) continue;
        out[`${sheet.name}!${a1(Math.floor(key / MAX_COLS), key % MAX_COLS)}`] = json;
      }
    }
    return out;
  }
}
