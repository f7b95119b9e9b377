/**
 * The WB-VALUE findings reading gives: values that cannot be read, required fields left
 * empty, values read only after a coercion (one by one up to a limit per column, then one
 * finding for the rest), and rows that are not data.
 */
import type { CellScalar } from "../model";
import type { Finding } from "../findings";
import type { FieldDef, FieldType, NameDef } from "../contract/tables";
import { enumDef } from "../contract/enums";
import type { RuleSet } from "../rulesets/ruleset";
import { formatSerial, monthLabel } from "../util/dates";
import { formatNumber } from "../util/text";
import type { Coerced } from "./coerce";
import type { RowKind } from "./rows";
import { fill } from "../i18n";

/** Coercion warnings shown one by one per column before they are summed up in one finding. */
export const COERCION_WARNINGS_PER_COLUMN = 20;

const TYPE_NAMES: Record<FieldType, { zh: string; en: string }> = {
  text: { zh: "文本", en: "text" },
  number: { zh: "数字", en: "a number" },
  date: { zh: "日期", en: "a date" },
  month: { zh: "月份", en: "a month" },
  enum: { zh: "选项", en: "one of the options" },
};

export type Field = FieldDef | NameDef;

export function fieldName(field: Field): string {
  return "header" in field ? field.header : field.label;
}

function shown(field: Field, value: string | number): string {
  if (typeof value === "string") return value;
  if (field.type === "date") return formatSerial(value);
  if (field.type === "month") return monthLabel(value);
  return formatNumber(value);
}

export function rawShown(raw: CellScalar): string {
  if (raw === null) return "";
  if (typeof raw === "object") return raw.error;
  return String(raw);
}

const HOW: Record<string, { zh: string; en: string }> = {
  "text-number": { zh: "是以文本形式保存的数字", en: "is a number stored as text" },
  "text-date": { zh: "是以文本形式保存的日期", en: "is a date stored as text" },
  synonym: { zh: "不是标准选项", en: "is not one of the standard options" },
  placeholder: { zh: "表示“没有”", en: "stands for none" },
  spaces: { zh: "含有多余的空格或全角字符", en: "carries stray spaces or full-width characters" },
};

export class ValueFindings {
  private coercionsPerColumn = new Map<
    string,
    { count: number; first: string; last: string; sheet: string; header: string }
  >();
  constructor(
    private readonly findings: Finding[],
    private readonly ruleset: RuleSet
  ) {}

  bad(sheet: string, cell: string, field: Field, raw: CellScalar) {
    const type = TYPE_NAMES[field.type];
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
          { name: fieldName(field), raw: rawShown(raw), allowed }
        ),
        en: fill(
          `"{name}" holds "{raw}", which cannot be read as ${type.en}${allowed ? " (expected one of: {allowed})" : ""}.`,
          { name: field.en, raw: rawShown(raw), allowed }
        ),
      },
    });
  }

  /** A required field left empty; `placeholder` is the word that stood for nothing ("无"). */
  empty(sheet: string, cell: string, field: Field, placeholder?: string, because?: Field) {
    const inRow = "header" in field;
    const name = fieldName(field);
    const as = placeholder
      ? { zh: `填写的「${placeholder}」视为未填，`, en: `"${placeholder}" counts as empty; ` }
      : { zh: "", en: "" };
    let message: { zh: string; en: string };
    if (because)
      message = {
        zh: `已填写「${fieldName(because)}」，${as.zh}「${name}」不能为空。`,
        en: `${as.en}"${field.en}" is required once "${because.en}" is filled in.`,
      };
    else if (inRow)
      message = {
        zh: `「${name}」为必填项，${as.zh}本行已有其他数据但此项为空。`,
        en: `${as.en}"${field.en}" is required and is empty in a row that holds other data.`,
      };
    else
      message = {
        zh: `「${name}」未填写${placeholder ? `（「${placeholder}」视为未填）` : ""}。`,
        en: `${as.en}"${field.en}" is not filled in.`,
      };
    this.findings.push({ rule: "WB-VALUE", severity: "error", sheet, cell, message });
  }

  coerced(
    sheet: string,
    cell: string,
    field: Field,
    raw: CellScalar,
    result: Coerced<string | number>,
    unit?: { gloss: string; scale: number }
  ) {
    if (result.kind !== "ok" || (!result.coerced && !unit)) return;
    const name = fieldName(field);
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
    const how = result.coerced
      ? HOW[result.coerced]
      : { zh: "按表头单位换算", en: "is scaled by the unit in its header" };
    const scaled = unit
      ? {
          zh: `（表头单位为「${unit.gloss}」，已乘以 ${formatNumber(unit.scale)}）`,
          en: ` (the header's unit is ${unit.gloss}; multiplied by ${formatNumber(unit.scale)})`,
        }
      : { zh: "", en: "" };
    this.findings.push({
      rule: "WB-VALUE",
      severity: "warning",
      sheet,
      cell,
      message: {
        zh: `「${name}」的值「${rawShown(raw)}」${how.zh}，已按「${value}」读取${scaled.zh}，请改为标准格式。`,
        en: `"${field.en}" value "${rawShown(raw)}" ${how.en}; read as "${value}"${scaled.en}. Please use the standard form.`,
      },
    });
  }

  /** A totals row typed into a table, or its headers repeated: not data, left out. */
  notData(sheet: string, range: string, row: number, kind: RowKind, label: string) {
    const message =
      kind === "total"
        ? {
            zh: `第 ${row + 1} 行是手工填写的合计行（「${label}」），不是明细数据，已不计入任何合计与计数。`,
            en: `Row ${row + 1} is a totals row typed into the table ("${label}"), not a record: it is left out of every sum and count.`,
          }
        : {
            zh: `第 ${row + 1} 行重复了表头（可能是分页打印时复制的），不是明细数据，已跳过。`,
            en: `Row ${row + 1} repeats the table's headers (perhaps copied at a page break); it is not a record and was skipped.`,
          };
    this.findings.push({ rule: "WB-VALUE", severity: "warning", sheet, cell: range, message });
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
