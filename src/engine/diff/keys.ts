/**
 * How rows of two submissions are matched (review-cycle.md section 1): a key per table,
 * the date that places a row in the reported period, and the fields that name a row for
 * people. Keys are built from the values as the reader gives them.
 */
import type { TableName } from "../contract/tables";
import type { Value } from "../read/project";
import { compact } from "../util/text";

export interface TableKeys {
  /** Fields of the key; the first list that has a value wins (Ledger: 凭证号, else the tuple). */
  keys: string[][];
  /** The field that dates a row for retroactive changes; absent: the table is not dated. */
  date?: string;
  /** Date fields whose change counts as retroactive in a table that is not dated (Staff). */
  dates?: string[];
  /** Fields that name a row in a message, besides its key. */
  label: string[];
}

export const TABLE_KEYS: Record<TableName, TableKeys> = {
  Ledger: {
    keys: [["voucher"], ["date", "category", "amount", "summary"]],
    date: "date",
    label: ["voucher", "date", "category", "amount", "summary"],
  },
  Staff: {
    keys: [["idNumber"]],
    dates: ["careerStart", "joined", "left"],
    label: ["name", "idNumber"],
  },
  Supervisors: { keys: [["idNumber"]], dates: ["careerStart"], label: ["name", "idNumber"] },
  CommunityOrgs: { keys: [["name"]], date: "filedOn", label: ["name", "filedOn"] },
  Activities: { keys: [["date", "title"]], date: "date", label: ["date", "title"] },
  Contests: { keys: [["date", "title"]], date: "date", label: ["date", "title"] },
  Trainings: { keys: [["date", "topic"]], date: "date", label: ["date", "topic"] },
  CharityResources: { keys: [["date", "source"]], date: "date", label: ["date", "source"] },
  Cases: { keys: [["title"]], date: "completedOn", label: ["title", "completedOn"] },
  FamilyFiles: { keys: [["number"]], date: "date", label: ["number", "date"] },
  MonthlyReports: { keys: [["month"]], label: ["month"] },
  Budget: { keys: [["category"]], label: ["category"] },
};

/** Fields holding ID numbers: matched as read, masked in every output. */
export const ID_FIELDS = new Set(["idNumber"]);

function keyPart(v: Value | undefined, field: string): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(Math.round(v * 100) / 100);
  const text = compact(v);
  return ID_FIELDS.has(field) ? text.toUpperCase() : text;
}

export interface RowKey {
  /** The key as a string, unique per table; "" never. */
  id: string;
  /** Fields the key was built from (empty: no key field had a value, the whole row is the key). */
  fields: string[];
}

/**
 * The key of a row: the first key list with any value; a row with none of them is keyed by
 * all its values, so that only an identical row matches it.
 */
export function rowKey(
  table: TableName,
  get: (field: string) => Value | undefined,
  allFields: readonly string[]
): RowKey {
  for (const [i, fields] of TABLE_KEYS[table].keys.entries()) {
    const parts = fields.map((f) => keyPart(get(f), f));
    if (parts.some((p) => p !== "")) return { id: `${i}\u0000${parts.join("\u0001")}`, fields };
  }
  return { id: `*\u0000${allFields.map((f) => keyPart(get(f), f)).join("\u0001")}`, fields: [] };
}
