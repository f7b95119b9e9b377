/** Values of compared rows as people and programs read them: dates as dates, IDs masked. */
import { fieldDef, tableDef, type TableName } from "../contract/tables";
import type { Text } from "../i18n";
import type { Value } from "../read/project";
import { formatSerial, monthLabel } from "../util/dates";
import { compact, formatNumber, maskId } from "../util/text";
import { ID_FIELDS, TABLE_KEYS } from "./keys";

/** A value as shown: dates "YYYY-MM-DD", months "YYYY-MM", ID numbers masked. */
export type Shown = string | number | null;

export function shown(table: TableName, field: string, v: Value): Shown {
  if (v === null) return null;
  const type = fieldDef(table, field).type;
  if (typeof v === "number" && type === "date") return formatSerial(v);
  if (typeof v === "number" && type === "month") return monthLabel(v);
  if (typeof v === "string" && ID_FIELDS.has(field)) return maskId(v);
  return v;
}

export function shownText(v: Shown, lang: "zh" | "en"): string {
  if (v === null || v === "") return lang === "zh" ? "（空）" : "(blank)";
  return typeof v === "number" ? formatNumber(v) : v;
}

/** Equal as read: numbers to the cent, text ignoring spaces and full-/half-width forms. */
export function sameValue(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 0.005;
  return compact(String(a)) === compact(String(b));
}

export function fieldName(table: TableName, field: string): Text {
  const def = fieldDef(table, field);
  return { zh: def.header, en: def.en };
}

/** "「支出台账」" / "ledger (支出台账)". */
export function tableName(table: TableName): Text {
  const def = tableDef(table);
  return { zh: `「${def.sheet}」`, en: `${def.en} (${def.sheet})` };
}

/** "Voucher no." → "voucher no." inside a sentence; "ID number" stays. */
export function inSentence(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** "凭证号 P-3，日期 2024-05-15" / "voucher no. P-3, date 2024-05-15": the fields that name a row. */
export function rowLabel(
  table: TableName,
  get: (field: string) => Value | undefined,
  present: readonly string[]
): Text {
  const parts = TABLE_KEYS[table].label
    .filter((f) => present.includes(f))
    .map((f) => ({ f, v: shown(table, f, get(f) ?? null) }))
    .filter((p) => p.v !== null && p.v !== "");
  return {
    zh: parts.map((p) => `${fieldDef(table, p.f).header} ${shownText(p.v, "zh")}`).join("，"),
    en: parts
      .map((p) => `${inSentence(fieldDef(table, p.f).en)} ${shownText(p.v, "en")}`)
      .join(", "),
  };
}

/** "金额 10,000 → 12,000；摘要 工资 → 工资补发". */
export function changesText(fields: readonly { header: Text; old: Shown; new: Shown }[]): Text {
  return {
    zh: fields
      .map((f) => `${f.header.zh} ${shownText(f.old, "zh")} → ${shownText(f.new, "zh")}`)
      .join("；"),
    en: fields
      .map((f) => `${f.header.en} ${shownText(f.old, "en")} → ${shownText(f.new, "en")}`)
      .join("; "),
  };
}
