/** Values entered twice in one column: the second and later rows, each pointing at the first. */
import type { Text } from "../../i18n";
import { cellOf, type TableData } from "../../read/project";
import { compact } from "../../util/text";
import type { RuleFinding } from "../types";
import { atCell } from "./where";

export function repeatedValues(
  table: TableData,
  key: string,
  message: (value: string, firstCell: string) => Text
): RuleFinding[] {
  const first = new Map<string, number>();
  const findings: RuleFinding[] = [];
  for (const row of table.rows) {
    const v = row.v[key];
    if (typeof v !== "string" || !v) continue;
    const k = compact(v).toUpperCase();
    const seen = first.get(k);
    if (seen === undefined) {
      first.set(k, row.row);
      continue;
    }
    findings.push({
      severity: "error",
      ...atCell(table, row, key),
      message: message(v, cellOf(table, seen, key)),
    });
  }
  return findings;
}
