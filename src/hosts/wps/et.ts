/// <reference types="wps-jsapi" />
/**
 * The part of WPS 表格's ET object model this host uses, typed from Kingsoft's declarations
 * (npm wps-jsapi 1.0.5, src/lib.et.d.ts and lib.kso.d.ts). Member names and parameter lists come
 * from the package (Pick, Method below); nothing here is a member the package does not declare.
 *
 * The package is generated from a COM type library, and the generator got three things wrong
 * that we correct, each where it is used:
 * - Every [out, retval] parameter became a last parameter named RHS and the method returns
 *   void: `AddComment(Text?: any, RHS?: EtComment): void`, `Address(..., RHS?: string): void`,
 *   `Sheets.Item(Index?: any, RHS?: any): void`. Method<> drops RHS and returns its type (or a
 *   narrower one of ours).
 * - Variant properties got scalar types: `EtRange.Value2: number`, `EtRange.Formula: number`,
 *   `EtWorksheet.UsedRange: number`, `EtName.RefersTo: number`, `EtName.Name: number`. The
 *   shapes we read are in values.ts (CellValue, Grid) and are checked at run time, never assumed.
 * - Booleans of the type library are declared `number` (`ProtectContents`, `Date1904`,
 *   `Visible`): COM's VARIANT_BOOL is -1/0, so we only ever test them for truthiness.
 */

/** Parameters of a generated method without its trailing RHS (the return slot). */
type DropRhs<P extends unknown[]> = Required<P> extends [...infer A, unknown] ? Partial<A> : [];

/** A generated method with its return put back: the package's parameters, returning R. */
export type Method<F, R> = F extends (...args: infer P) => void
  ? (...args: DropRhs<P>) => R
  : never;

/** Members we re-type: they must exist in the package (a compile error otherwise). */
type Declared<T, K extends keyof T> = K;

export type Interior = Pick<
  Et.EtInterior,
  "Color" | "Pattern" | "PatternColor" | "TintAndShade" | "PatternTintAndShade" | "ColorIndex"
>;

export type Font = Pick<Et.EtFont, "Color" | "Bold">;

export interface Comment extends Pick<Et.EtComment, "Delete"> {
  /** Comment.Text() reads the text; with arguments it writes (not used). */
  Text: Method<Et.EtComment["Text"], string>;
  /** The cell the comment belongs to (declared `any`). */
  readonly Parent: Range;
}

export interface Comments extends Pick<Et.EtComments, "Count"> {
  /** 1-based. */
  Item: Method<Et.EtComments["Item"], Comment>;
}

export interface Hyperlinks {
  Add: Method<Et.EtHyperlinks["Add"], unknown>;
}

type RangeRetyped = Declared<
  Et.EtRange,
  | "Value2"
  | "Formula"
  | "NumberFormat"
  | "Text"
  | "Rows"
  | "Columns"
  | "Cells"
  | "Interior"
  | "Font"
  | "Comment"
  | "Hyperlinks"
  | "Worksheet"
  | "Validation"
>;

export interface Range extends Pick<
  Et.EtRange,
  | "Row"
  | "Column"
  | "Count"
  | "Select"
  | "ClearComments"
  | "ColumnWidth"
  | "RowHeight"
  | "WrapText"
  | "MergeCells"
  | "Merge"
  | "UnMerge"
  | "Clear"
> {
  /**
   * A scalar for one cell, rows of scalars for more (values.ts reads either); dates as serial
   * numbers; see values.ts for errors and empty cells.
   */
  Value2: unknown;
  /** Like Value2: formula text ("=...") or the constant, per cell. */
  Formula: unknown;
  /** One format code when every cell shares it, else null (as Excel's Range.NumberFormat). */
  NumberFormat: unknown;
  /** What the cell shows (read for a cell at a time only). */
  readonly Text: unknown;
  readonly Rows: Range;
  readonly Columns: Range;
  readonly Cells: Range;
  readonly Interior: Interior;
  readonly Font: Font;
  /** The cell's comment, or null. */
  readonly Comment: Comment | null;
  readonly Hyperlinks: Hyperlinks;
  readonly Worksheet: Worksheet;
  /** The range's data validation (Add makes one; its properties need one to be there). */
  readonly Validation: Validation;
  Address: Method<Et.EtRange["Address"], string>;
  AddComment: Method<Et.EtRange["AddComment"], Comment>;
  /** Cells(row, column) relative to this range, 1-based. */
  Item: Method<Et.EtRange["Item"], Range>;
  Resize: Method<Et.EtRange["Resize"], Range>;
}

/**
 * Et.EtValidation: Add(Type, AlertStyle, Operator, Formula1, Formula2) is a plain void method
 * (no return slot), so it is taken as declared; Type takes the XL_VALIDATE values below.
 */
export type Validation = Pick<
  Et.EtValidation,
  "Add" | "InCellDropdown" | "IgnoreBlank" | "ShowError" | "ErrorTitle" | "ErrorMessage"
>;

export type ListColumn = Pick<Et.EtListColumn, "Name">;

export interface ListRows extends Pick<Et.EtListRows, "Count"> {
  /** Add(Position, AlwaysInsert): a row at the table's end (before its totals row). */
  Add: Method<Et.EtListRows["Add"], unknown>;
}

type ListObjectRetyped = Declared<Et.EtListObject, "Range" | "ListColumns" | "ListRows">;

export interface ListObject extends Pick<Et.EtListObject, "Name" | "ShowHeaders" | "ShowTotals"> {
  readonly Range: Range;
  readonly ListColumns: {
    readonly Count: number;
    Item: Method<Et.EtListColumns["Item"], ListColumn>;
  };
  readonly ListRows: ListRows;
}

export interface ListObjects extends Pick<Et.EtListObjects, "Count"> {
  Item: Method<Et.EtListObjects["Item"], ListObject>;
  /** Add(SourceType, Source, LinkSource, XlListObjectHasHeaders, Destination, TableStyleName). */
  Add: Method<Et.EtListObjects["Add"], ListObject>;
}

type NameRetyped = Declared<Et.EtName, "Name" | "RefersTo">;

export interface Name extends Pick<Et.EtName, "Visible"> {
  /** "ProjectName", or "项目信息!ProjectName" for a name scoped to a sheet. */
  readonly Name: unknown;
  /** "=项目信息!$B$3". */
  readonly RefersTo: unknown;
}

export interface Names extends Pick<Et.EtNames, "Count"> {
  /** 1-based. */
  Item: Method<Et.EtNames["Item"], Name>;
}

type WorksheetRetyped = Declared<
  Et.EtWorksheet,
  "UsedRange" | "Cells" | "Columns" | "Comments" | "ListObjects" | "Names" | "Hyperlinks"
>;

export interface Worksheet extends Pick<
  Et.EtWorksheet,
  "Name" | "Index" | "Visible" | "ProtectContents" | "Activate" | "Delete"
> {
  readonly UsedRange: Range;
  readonly Cells: Range;
  readonly Columns: Range;
  readonly Comments: Comments;
  readonly ListObjects: ListObjects;
  readonly Names: Names;
  readonly Hyperlinks: Hyperlinks;
  Range: Method<Et.EtWorksheet["Range"], Range>;
}

export interface Sheets extends Pick<Et.EtSheets, "Count"> {
  /** By 1-based index or by name. */
  Item: Method<Et.EtSheets["Item"], Worksheet>;
  Add: Method<Et.EtSheets["Add"], Worksheet>;
}

export type CustomXMLPart = Pick<Kso.KsoCustomXMLPart, "XML" | "NamespaceURI" | "Delete">;

export interface CustomXMLParts extends Pick<Kso.KsoCustomXMLParts, "Count"> {
  Item: Method<Kso.KsoCustomXMLParts["Item"], CustomXMLPart>;
  Add: Method<Kso.KsoCustomXMLParts["Add"], CustomXMLPart>;
}

type WorkbookRetyped = Declared<Et.EtWorkbook, "Worksheets" | "Names" | "CustomXMLParts">;

export interface Workbook extends Pick<Et.EtWorkbook, "Date1904" | "ProtectStructure"> {
  readonly Worksheets: Sheets;
  readonly Names: Names;
  readonly CustomXMLParts: CustomXMLParts;
}

export interface Application {
  /** null when no workbook is open. */
  readonly ActiveWorkbook: Workbook | null;
}

/** Kept so the checks above are not reported as unused. */
export type Retyped =
  RangeRetyped | NameRetyped | WorksheetRetyped | WorkbookRetyped | ListObjectRetyped;

/** Et.EtApplication's ActiveWorkbook exists (the one member we take from the application). */
export type ApplicationChecked = Declared<Et.EtApplication, "ActiveWorkbook">;

/**
 * XlPattern values (the package's Et.EtXlPattern, a declared enum with no run-time object, so
 * the numbers are repeated here). Microsoft documents the same values:
 * https://learn.microsoft.com/office/vba/api/excel.xlpattern
 */
export const XL_PATTERN = {
  none: -4142,
  solid: 1,
  automatic: -4105,
  linearGradient: 4000,
  rectangularGradient: 4001,
} as const;

/** Et.EtXlSheetVisibility.xlSheetVisible (-1): a sheet that can be activated; 0 hidden, 2 very hidden. */
export const XL_SHEET_VISIBLE = -1;

/**
 * Enum values of the declarations (declared enums again, so repeated here; Microsoft documents
 * the same numbers): Et.EtXlListObjectSourceType.xlSrcRange, Et.EtXlYesNoGuess.xlYes,
 * Et.EtXlDVType.xlValidateList, Et.EtXlDVAlertStyle.xlValidAlertWarning,
 * Et.EtXlFormatConditionOperator.xlBetween.
 */
export const XL_SRC_RANGE = 1 as Et.EtXlListObjectSourceType.xlSrcRange;
export const XL_YES = 1 as Et.EtXlYesNoGuess.xlYes;
export const XL_VALIDATE_LIST = 3 as Et.EtXlDVType.xlValidateList;
export const XL_VALID_ALERT_WARNING = 2;
export const XL_BETWEEN = 1;
