/**
 * xlsx bytes -> the engine's WorkbookModel. Reads the parts the engine needs (workbook,
 * relationships, shared strings, number formats, sheets, table objects, defined names) with a
 * SAX parser, without building a full spreadsheet object model.
 *
 * Why not ExcelJS's own readers: its full reader is several times slower on large ledgers and
 * has no limits against hostile files; its streaming reader drops shared formulas, misreads
 * boolean and error formula results, needs every <c> to carry r=, and reads neither table
 * objects nor defined names. ExcelJS remains our writer (template, samples, annotated copies).
 */
import type { SheetModel, TableModel, WorkbookModel } from "../../engine/model";
import { parseDefinedName } from "../../engine/model";
import { parseRange } from "../../engine/util/address";
import { WorkbookReadError, tooMany } from "./errors";
import { scanSheet } from "./sheet";
import { attr, decode, parseXml } from "./xml";
import { BUILTIN_FORMATS } from "./numfmt";
import { DEFAULT_ZIP_LIMITS, ZipArchive, sniff, type ZipLimits } from "./zip";

export interface ReadOptions {
  limits?: ZipLimits;
  /** Most cells read across all sheets; beyond it the file is refused. */
  maxCells?: number;
}

/**
 * Cells read across all sheets; beyond it the file is refused. A 200,000-row ledger holds
 * about 1.4 million; 2 million keeps a refused file under 500 MB while it is read.
 */
export const DEFAULT_MAX_CELLS = 2_000_000;
/** Sheets in a workbook: the template has 14; a file with thousands is not a project workbook. */
export const MAX_SHEETS = 1_000;
/**
 * The shared strings part inflated, decoded and split is held three times over while it is
 * read: 48 MB and a million texts keep that well under 500 MB (62 MB of two million 16-letter
 * texts peaked at 515 MB). A 200,000-row ledger has about 14 MB and 600,000 texts.
 */
export const MAX_SHARED_STRINGS_BYTES = 48 * 1024 * 1024;
export const MAX_SHARED_STRINGS = 1_000_000;

interface Rel {
  id: string;
  type: string;
  target: string;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function parseRels(files: Map<string, Uint8Array>, part: string): Rel[] {
  const relsPath = relsPathOf(part);
  const bytes = files.get(relsPath);
  if (!bytes) return [];
  const rels: Rel[] = [];
  parseXml(decode(bytes), relsPath, {
    open(name, attrs) {
      if (name === "Relationship" && attrs.Target && attrs.TargetMode !== "External") {
        rels.push({
          id: attrs.Id,
          type: attrs.Type ?? "",
          target: resolvePath(part, attrs.Target),
        });
      }
    },
  });
  return rels;
}

function parseSharedStrings(bytes: Uint8Array | undefined, max: number): string[] {
  if (!bytes) return [];
  const strings: string[] = [];
  let current: string[] = [];
  let inT = false;
  let inPhonetic = false;
  parseXml(decode(bytes), "sharedStrings.xml", {
    open(name) {
      if (name === "si") current = [];
      else if (name === "t" && !inPhonetic) inT = true;
      else if (name === "rPh") inPhonetic = true;
    },
    text(t) {
      if (inT) current.push(t);
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si") {
        // More texts than cells can use: refused before the list grows without bound.
        if (strings.length >= max) throw tooMany(max, { zh: "个共享字符串", en: "shared strings" });
        strings.push(current.join(""));
      }
    },
  });
  return strings;
}

/** Style index -> number format code. */
function parseStyles(bytes: Uint8Array | undefined): (string | undefined)[] {
  if (!bytes) return [];
  const custom = new Map<number, string>();
  const xfs: (string | undefined)[] = [];
  let inCellXfs = false;
  const numFmtIds: number[] = [];
  parseXml(decode(bytes), "styles.xml", {
    open(name, attrs) {
      if (name === "numFmt") custom.set(Number(attrs.numFmtId), attrs.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) numFmtIds.push(Number(attrs.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  for (const id of numFmtIds) xfs.push(custom.get(id) ?? BUILTIN_FORMATS[id]);
  return xfs;
}

function parseTable(bytes: Uint8Array, part: string, sheet: string): TableModel | null {
  let table: TableModel | null = null;
  parseXml(decode(bytes), part, {
    open(name, attrs) {
      if (name === "table") {
        table = {
          name: attrs.displayName || attrs.name || "",
          sheet,
          ref: attrs.ref ?? "",
          headerRowCount: attrs.headerRowCount === undefined ? 1 : Number(attrs.headerRowCount),
          totalsRowCount: Number(attrs.totalsRowCount ?? 0),
          columns: [],
        };
      } else if (name === "tableColumn" && table) {
        (table as TableModel).columns.push(attrs.name ?? "");
      }
    },
  });
  const t = table as TableModel | null;
  return t && t.name && parseRange(t.ref) ? t : null;
}

function partText(archive: ZipArchive, part: string): string | undefined {
  const bytes = archive.read(part);
  return bytes ? decode(bytes) : undefined;
}

/** The sheet names of a workbook, read from its directory and workbook part only. */
export function sheetNames(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): string[] {
  sniff(data, limits);
  const archive = new ZipArchive(data, limits);
  const files = new Map<string, Uint8Array>();
  for (const n of archive.names) if (n === "_rels/.rels") files.set(n, archive.read(n)!);
  const part =
    parseRels(files, "").find((r) => r.type.endsWith("/officeDocument"))?.target ??
    "xl/workbook.xml";
  const bytes = archive.read(part);
  if (!bytes) return [];
  const names: string[] = [];
  parseXml(decode(bytes), part, {
    open(name, attrs) {
      if (name === "sheet" && attrs.name !== undefined) names.push(attrs.name);
    },
  });
  return names;
}

export function readWorkbookModel(
  data: Uint8Array,
  source: string,
  options: ReadOptions = {}
): WorkbookModel {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  sniff(data, limits);
  const archive = new ZipArchive(data, limits);
  // The small parts first: relationships, workbook, strings, styles, table objects.
  const files = new Map<string, Uint8Array>();
  for (const n of archive.names)
    if (
      n === "_rels/.rels" ||
      (n.endsWith(".rels") && n.includes("_rels/")) ||
      /(^|\/)(workbook|sharedStrings|styles)\d*\.xml$/i.test(n) ||
      /(^|\/)tables\/[^/]+\.xml$/i.test(n)
    )
      files.set(
        n,
        archive.read(n, /sharedStrings\d*\.xml$/i.test(n) ? MAX_SHARED_STRINGS_BYTES : undefined)!
      );
  const rootRels = parseRels(files, "");
  const workbookPart =
    rootRels.find((r) => r.type.endsWith("/officeDocument"))?.target ??
    (archive.names.has("xl/workbook.xml") ? "xl/workbook.xml" : null);
  const workbookBytes = workbookPart ? files.get(workbookPart) : undefined;
  if (!workbookPart || !workbookBytes) throw new WorkbookReadError("no-workbook");

  const sheetsInfo: { name: string; rid: string; state?: string }[] = [];
  const rawNames: { name: string; text: string; localSheetId?: string; hidden: boolean }[] = [];
  let date1904 = false;
  let currentName: { name: string; localSheetId?: string; hidden: boolean } | null = null;
  let nameText = "";
  parseXml(decode(workbookBytes), workbookPart, {
    open(name, attrs) {
      if (name === "sheet")
        sheetsInfo.push({ name: attrs.name, rid: attr(attrs, "id") ?? "", state: attrs.state });
      else if (name === "workbookPr")
        date1904 = attrs.date1904 === "1" || attrs.date1904 === "true";
      else if (name === "definedName") {
        currentName = {
          name: attrs.name,
          localSheetId: attrs.localSheetId,
          hidden: attrs.hidden === "1",
        };
        nameText = "";
      }
    },
    text(t) {
      if (currentName) nameText += t;
    },
    close(name) {
      if (name === "definedName" && currentName) {
        rawNames.push({ ...currentName, text: nameText });
        currentName = null;
      }
    },
  });
  const wbRels = parseRels(files, workbookPart);
  const relById = new Map(wbRels.map((r) => [r.id, r] as const));
  const stringsPart = wbRels.find((r) => r.type.endsWith("/sharedStrings"))?.target;
  const stylesPart = wbRels.find((r) => r.type.endsWith("/styles"))?.target;
  const strings = parseSharedStrings(
    stringsPart ? files.get(stringsPart) : undefined,
    MAX_SHARED_STRINGS
  );
  // Its bytes are not needed again: let them go before the sheets are read.
  if (stringsPart) files.delete(stringsPart);
  const formats = parseStyles(stylesPart ? files.get(stylesPart) : undefined);

  const sheetParts = sheetsInfo
    .map((s) => ({ ...s, part: relById.get(s.rid)?.target }))
    .filter(
      (s): s is typeof s & { part: string } =>
        !!s.part && relById.get(s.rid)!.type.endsWith("/worksheet")
    );

  if (sheetParts.length > MAX_SHEETS) throw tooMany(MAX_SHEETS, { zh: "个工作表", en: "sheets" });
  const cellBudget = { cells: 0, max: options.maxCells ?? DEFAULT_MAX_CELLS };
  const sheets: SheetModel[] = [];
  const tables: TableModel[] = [];
  const partsRead = new Set<string>();
  for (const s of sheetParts) {
    // Excel gives every sheet a part of its own; one part behind many sheets is a forgery
    // that would be inflated and scanned once per sheet.
    if (partsRead.has(s.part))
      throw new WorkbookReadError(
        "corrupt",
        { zh: "多个工作表指向同一部件", en: "several sheets point at one part" },
        s.part
      );
    partsRead.add(s.part);
    // One sheet inflated, decoded and scanned at a time; its bytes are let go once decoded,
    // before the scan builds its cells (a large sheet's XML is held once, not twice).
    const xml = partText(archive, s.part);
    if (xml === undefined) continue;
    sheets.push(scanSheet(xml, s.part, s.name, { strings, formats, date1904, budget: cellBudget }));
    for (const rel of parseRels(files, s.part)) {
      const tableBytes = rel.type.endsWith("/table") ? files.get(rel.target) : undefined;
      if (!tableBytes) continue;
      const table = parseTable(tableBytes, rel.target, s.name);
      if (table) tables.push(table);
    }
  }
  // Workbook- and sheet-scoped names (both are defined names, workbook-contract.md); Excel's
  // own (_xlnm.Print_Titles …) are not the contract's. localSheetId is the sheet's position
  // in <sheets> (ECMA-376 Part 1, 18.2.5).
  const names = rawNames
    .filter((n) => !n.name.startsWith("_xlnm."))
    .flatMap((n) => {
      const parsed = parseDefinedName(n.name, n.text);
      if (n.localSheetId === undefined) return [parsed];
      const scope = sheetsInfo[Number(n.localSheetId)]?.name;
      return scope === undefined ? [] : [{ ...parsed, scope }];
    });
  return { source, sheets, tables, names };
}
