/**
 * From the host-free model to typed project data: every contract table and named value read
 * with the contract's tolerance, plus the WB-STRUCTURE and WB-VALUE findings that reading gives.
 */
import type { CellScalar, WorkbookModel } from "../model";
import type { Finding } from "../findings";
import type { FieldDef, FieldType, NameDef, NameKey, TableName } from "../contract/tables";
import { INFO_SHEET, NAMES, TABLES } from "../contract/tables";
import { enumDef } from "../contract/enums";
import type { RuleSet } from "../rulesets/ruleset";
import { a1, rangeA1 } from "../util/address";
import { formatSerial, monthLabel } from "../util/dates";
import type { Coerced } from "./coerce";
import { readDate, readEnum, readMonth, readNumber, readText } from "./coerce";
import type { LocatedName, LocatedTable } from "./locate";
import { findSheet, locateName, locateTable } from "./locate";
import { fill } from "../i18n";

export type Value = string | number | null;

export interface Row {
  /** Zero-based sheet row. */
  row: number;
  v: Record<string, Value>;
  /** Fields whose cell held something that could not be read. */
  unreadable?: Set<string>;
}

export interface TableData {
  loc: LocatedTable;
  rows: Row[];
}

export interface NamedValue {
  loc: LocatedName;
  value: Value;
  unreadable: boolean;
  raw: CellScalar;
}

export interface ProjectData {
  model: WorkbookModel;
  tables: Partial<Record<TableName, TableData>>;
  names: Partial<Record<NameKey, NamedValue>>;
  /** 'Ledger', 'Ledger.amount' or 'name:AsOfDate' for everything that could not be found. */
  missing: Set<string>;
  findings: Finding[];
}

/** Coercion warnings shown one by one per column before they are summed up in one finding. */
export const COERCION_WARNINGS_PER_COLUMN = 20;

const TYPE_NAMES: Record<FieldType, { zh: string; en: string }> = {
  text: { zh: "文本", en: "text" },
  number: { zh: "数字", en: "a number" },
  date: { zh: "日期", en: "a date" },
  month: { zh: "月份", en: "a month" },
  enum: { zh: "选项", en: "one of the options" },
};

function readAs(
  field: FieldDef | NameDef,
  raw: CellScalar,
  ruleset: RuleSet
): Coerced<string | number> {
  switch (field.type) {
    case "number":
      return readNumber(raw);
    case "date":
      return readDate(raw);
    case "month":
      return readMonth(raw);
    case "enum":
      return readEnum(raw, enumDef(field.enumKey!, ruleset));
    default:
      return readText(raw);
  }
}

function shown(field: FieldDef | NameDef, value: string | number): string {
  if (typeof value === "string") return value;
  if (field.type === "date") return formatSerial(value);
  if (field.type === "month") return monthLabel(value);
  return String(value);
}

function rawShown(raw: CellScalar): string {
  if (raw === null) return "";
  if (typeof raw === "object") return raw.error;
  return String(raw);
}

class ValueFindings {
  private coercionsPerColumn = new Map<
    string,
    { count: number; first: string; last: string; sheet: string; header: string }
  >();
  constructor(
    private readonly findings: Finding[],
    private readonly ruleset: RuleSet
  ) {}

  bad(sheet: string, cell: string, field: FieldDef | NameDef, raw: CellScalar) {
    const type = TYPE_NAMES[field.type];
    const name = "header" in field ? field.header : field.label;
    const allowed =
      field.type === "enum" ? enumDef(field.enumKey!, this.ruleset).values.join("、") : undefined;
    this.findings.push({
      rule: "WB-VALUE",
      severity: "error",
      sheet,
      cell,
      message: {
        zh: fill(
          `「{name}」的值「{raw}」无法识别为${type.zh}${allowed ? "，应为：{allowed}" : ""}。`,
          {
            name,
            raw: rawShown(raw),
            allowed,
          }
        ),
        en: fill(
          `"{name}" holds "{raw}", which cannot be read as ${type.en}${allowed ? " (expected one of: {allowed})" : ""}.`,
          {
            name: field.en,
            raw: rawShown(raw),
            allowed,
          }
        ),
      },
    });
  }

  empty(sheet: string, cell: string, field: FieldDef | NameDef) {
    const inRow = "header" in field;
    const name = inRow ? field.header : field.label;
    this.findings.push({
      rule: "WB-VALUE",
      severity: "error",
      sheet,
      cell,
      message: inRow
        ? {
            zh: `「${name}」为必填项，本行已有其他数据但此项为空。`,
            en: `"${field.en}" is required and is empty in a row that holds other data.`,
          }
        : { zh: `「${name}」未填写。`, en: `"${field.en}" is not filled in.` },
    });
  }

  coerced(
    sheet: string,
    cell: string,
    field: FieldDef | NameDef,
    raw: CellScalar,
    result: Coerced<string | number>
  ) {
    if (result.kind !== "ok" || !result.coerced) return;
    const name = "header" in field ? field.header : field.label;
    const columnKey = `${sheet}|${name}`;
    const seen = this.coercionsPerColumn.get(columnKey);
    if (seen) {
      seen.count += 1;
      seen.last = cell;
      if (seen.count > COERCION_WARNINGS_PER_COLUMN) return;
    } else {
      this.coercionsPerColumn.set(columnKey, {
        count: 1,
        first: cell,
        last: cell,
        sheet,
        header: name,
      });
    }
    const value = shown(field, result.value);
    const how =
      result.coerced === "text-number"
        ? { zh: "是以文本形式保存的数字", en: "is a number stored as text" }
        : result.coerced === "text-date"
          ? { zh: "是以文本形式保存的日期", en: "is a date stored as text" }
          : result.coerced === "synonym"
            ? { zh: "不是标准选项", en: "is not one of the standard options" }
            : {
                zh: "含有多余的空格或全角字符",
                en: "carries stray spaces or full-width characters",
              };
    this.findings.push({
      rule: "WB-VALUE",
      severity: "warning",
      sheet,
      cell,
      message: {
        zh: `「${name}」的值「${rawShown(raw)}」${how.zh}，已按「${value}」读取，请改为标准格式。`,
        en: `"${field.en}" value "${rawShown(raw)}" ${how.en}; read as "${value}". Please use the standard form.`,
      },
    });
  }

  /** One closing finding per column that had more coercions than were listed one by one. */
  flush() {
    for (const c of this.coercionsPerColumn.values()) {
      if (c.count <= COERCION_WARNINGS_PER_COLUMN) continue;
      const more = c.count - COERCION_WARNINGS_PER_COLUMN;
      this.findings.push({
        rule: "WB-VALUE",
        severity: "warning",
        sheet: c.sheet,
        cell: `${c.first}:${c.last}`,
        message: {
          zh: `「${c.header}」列另有 ${more} 个单元格的值需转换后才能读取（共 ${c.count} 个），请统一改为标准格式。`,
          en: `${more} more cells in column "${c.header}" were read only after conversion (${c.count} in all).`,
        },
        figures: { count: c.count },
      });
    }
  }
}

function structureFinding(
  severity: "error" | "warning",
  sheet: string | undefined,
  cell: string | undefined,
  target: string,
  zh: string,
  en: string
): Finding {
  return { rule: "WB-STRUCTURE", severity, sheet, cell, target, message: { zh, en } };
}

function readTable(loc: LocatedTable, values: ValueFindings, ruleset: RuleSet): Row[] {
  const rows: Row[] = [];
  const fields = loc.def.fields.filter((f) => loc.columns[f.key] !== undefined && !f.formula);
  const formulaFields = loc.def.fields.filter((f) => loc.columns[f.key] !== undefined && f.formula);
  const sheetName = loc.sheet.name;
  for (let r = loc.firstDataRow; r <= loc.lastDataRow && r < loc.sheet.rows.length; r += 1) {
    const cells = loc.sheet.rows[r];
    if (!cells) continue;
    const raws = fields.map((f) => cells[loc.columns[f.key]]?.v ?? null);
    if (raws.every((v) => v === null || (typeof v === "string" && v.trim() === ""))) continue;
    const row: Row = { row: r, v: {} };
    fields.forEach((field, i) => {
      const col = loc.columns[field.key];
      const raw = raws[i];
      const result = readAs(field, raw, ruleset);
      const cell = a1(r, col);
      if (result.kind === "ok") {
        row.v[field.key] = result.value;
        values.coerced(sheetName, cell, field, raw, result);
      } else {
        row.v[field.key] = null;
        if (result.kind === "bad") {
          (row.unreadable ??= new Set()).add(field.key);
          if (!field.ownRule) values.bad(sheetName, cell, field, raw);
        } else if (!field.optional && !field.ownRule) {
          values.empty(sheetName, cell, field);
        }
      }
    });
    // Formula columns are read as plain numbers; WB-FORMULA looks at them separately.
    for (const field of formulaFields) {
      const v = cells[loc.columns[field.key]]?.v;
      row.v[field.key] = typeof v === "number" ? v : null;
    }
    rows.push(row);
  }
  return rows;
}

export function readProject(model: WorkbookModel, ruleset: RuleSet): ProjectData {
  const findings: Finding[] = [];
  const values = new ValueFindings(findings, ruleset);
  const missing = new Set<string>();
  const tables: ProjectData["tables"] = {};
  const names: ProjectData["names"] = {};

  const located = NAMES.map((def) => [def, locateName(model, def)] as const);
  if (located.every(([, loc]) => !loc) && !findSheet(model, INFO_SHEET)) {
    // The whole form is gone: one finding, not one per value.
    for (const def of NAMES) missing.add(`name:${def.name}`);
    findings.push(
      structureFinding(
        "error",
        undefined,
        undefined,
        INFO_SHEET,
        `缺少工作表「${INFO_SHEET}」及其中的项目基本信息，依赖它的检查未执行。`,
        `Sheet "${INFO_SHEET}" with the project facts is missing; the checks that need it were not run.`
      )
    );
  }
  for (const [def, loc] of located) {
    if (!loc) {
      if (missing.has(`name:${def.name}`)) continue;
      missing.add(`name:${def.name}`);
      findings.push(
        structureFinding(
          "error",
          undefined,
          undefined,
          def.name,
          `找不到「${def.label}」（名称 ${def.name}），请使用标准模板的「项目信息」表。`,
          `Cannot find "${def.en}" (defined name ${def.name}); use the 项目信息 sheet of the standard template.`
        )
      );
      continue;
    }
    const cellAddr = a1(loc.row, loc.col);
    if (loc.foundBy === "label") {
      findings.push(
        structureFinding(
          "warning",
          loc.sheet,
          cellAddr,
          def.name,
          `未找到名称 ${def.name}，已按 A 列标签「${def.label}」读取右侧单元格。`,
          `Defined name ${def.name} is missing; the value was found by its label "${def.label}" in column A.`
        )
      );
    }
    const sheet = model.sheets.find((s) => s.name === loc.sheet)!;
    const raw = sheet.rows[loc.row]?.[loc.col]?.v ?? null;
    const result = readAs(def, raw, ruleset);
    if (result.kind === "ok") values.coerced(loc.sheet, cellAddr, def, raw, result);
    else if (result.kind === "bad" && !def.ownRule) values.bad(loc.sheet, cellAddr, def, raw);
    else if (result.kind === "blank" && !def.ownRule) values.empty(loc.sheet, cellAddr, def);
    names[def.name] = {
      loc,
      value: result.kind === "ok" ? result.value : null,
      unreadable: result.kind === "bad",
      raw,
    };
  }

  for (const def of TABLES) {
    const loc = locateTable(model, def);
    if (loc === "no-sheet" || loc === "no-header") {
      missing.add(def.name);
      for (const field of def.fields) missing.add(`${def.name}.${field.key}`);
      findings.push(
        loc === "no-sheet"
          ? structureFinding(
              "error",
              undefined,
              undefined,
              def.name,
              `缺少工作表「${def.sheet}」（表 ${def.name}），依赖它的检查未执行。`,
              `Sheet "${def.sheet}" (table ${def.name}) is missing; the checks that need it were not run.`
            )
          : structureFinding(
              "error",
              def.sheet,
              undefined,
              def.name,
              `工作表「${def.sheet}」中找不到表 ${def.name}，前 10 行内也没有可识别的表头。`,
              `No table ${def.name} on sheet "${def.sheet}", and no recognisable header row in its first 10 rows.`
            )
      );
      continue;
    }
    if (loc.foundBy === "header") {
      findings.push(
        structureFinding(
          "warning",
          loc.sheet.name,
          `${a1(loc.headerRow, 0)}`,
          def.name,
          `工作表「${loc.sheet.name}」中的 Excel 表 ${def.name} 已丢失，已按第 ${loc.headerRow + 1} 行表头读取数据；建议从标准模板恢复表格。`,
          `Excel table ${def.name} is gone from sheet "${loc.sheet.name}"; data was read by the header in row ${loc.headerRow + 1}.`
        )
      );
    }
    for (const field of loc.missing) {
      missing.add(`${def.name}.${field.key}`);
      const headerRange = rangeA1({
        start: { row: loc.headerRow, col: 0 },
        end: { row: loc.headerRow, col: Math.max(0, ...Object.values(loc.columns)) },
      });
      findings.push(
        structureFinding(
          field.optional ? "warning" : "error",
          loc.sheet.name,
          headerRange,
          `${def.name}.${field.key}`,
          `表 ${def.name}（工作表「${loc.sheet.name}」）缺少「${field.header}」列。`,
          `Table ${def.name} (sheet "${loc.sheet.name}") has no "${field.en}" (${field.header}) column.`
        )
      );
    }
    tables[def.name] = { loc, rows: readTable(loc, values, ruleset) };
  }
  values.flush();
  return { model, tables, names, missing, findings };
}

/** A1 address of a field in a row of a table. */
export function cellOf(table: TableData, row: Row | number, key: string): string {
  const r = typeof row === "number" ? row : row.row;
  const col = table.loc.columns[key];
  return col === undefined ? a1(r, 0) : a1(r, col);
}

export function nameCell(named: NamedValue): string {
  return a1(named.loc.row, named.loc.col);
}
