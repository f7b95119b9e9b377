/**
 * Addresses as Office.js speaks them ("'支出台账'!A1:G20") and the contract's sheets and tables
 * matched the way the engine's reader matches them (src/engine/read/locate.ts).
 */
import { INFO_SHEET, REVIEWS, TABLES } from "../../engine/contract/tables";
import { parseRange, quoteSheet, type RangePos } from "../../engine/util/address";
import { compact } from "../../engine/util/text";

/** Sheets the contract names: the project form, the sheet of every table, and 审核意见. */
export const CONTRACT_SHEETS: readonly string[] = [
  INFO_SHEET,
  ...[...TABLES, REVIEWS].map((t) => t.sheet),
];

const CONTRACT_SHEET_KEYS = new Set(CONTRACT_SHEETS.map((s) => compact(s)));
const CONTRACT_TABLE_KEYS = new Set([...TABLES, REVIEWS].map((t) => t.name.toLowerCase()));

/**
 * Would the engine's findSheet take this sheet for a contract sheet? It matches exactly or
 * after compact() (full-width, spaces), so every sheet that passes here may be read by a rule.
 */
export function isContractSheet(name: string): boolean {
  return CONTRACT_SHEET_KEYS.has(compact(name));
}

/** Table objects are found by name, case-insensitively (locateTable). */
export function isContractTable(name: string): boolean {
  return CONTRACT_TABLE_KEYS.has(name.toLowerCase());
}

/** A sheet-qualified address; the sheet is always quoted, which Excel accepts for any name. */
export function qualified(sheet: string, ref: string): string {
  return `${quoteSheet(sheet)}!${ref}`;
}

/** Split "'It''s'!A1:B2" or "Sheet1!A1" into sheet and reference (without '$'). */
export function splitAddress(address: string): { sheet: string | null; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, ref: address.replace(/\$/g, "") };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1).replace(/\$/g, "") };
}

/** The range part of an Office.js address, parsed; null for anything but a plain A1 range. */
export function rangeOf(address: string): RangePos | null {
  return parseRange(splitAddress(address).ref);
}

export function cellCount(r: RangePos): number {
  return (r.end.row - r.start.row + 1) * (r.end.col - r.start.col + 1);
}
