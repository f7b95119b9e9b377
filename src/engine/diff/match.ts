/**
 * Matching one table's rows across two submissions by the table's key; rows sharing a key on
 * one side are matched in row order (the first with the first), and the key is noted once.
 */
import type { TableName } from "../contract/tables";
import type { Value } from "../read/project";
import { rowKey, type RowKey } from "./keys";
import type { TableSnapshot } from "./snapshot";

export type SnapRow = TableSnapshot["rows"][number];

export interface Matched {
  pairs: { earlier: SnapRow; later: SnapRow; key: RowKey }[];
  added: { row: SnapRow; key: RowKey }[];
  removed: { row: SnapRow; key: RowKey }[];
  /** Keys used by more than one row, per side: the first such row of each. */
  duplicates: { earlier: SnapRow[]; later: SnapRow[] };
}

export function getter(t: TableSnapshot, row: SnapRow): (field: string) => Value | undefined {
  return (field) => {
    const i = t.fields.indexOf(field);
    return i < 0 ? undefined : row.values[i];
  };
}

/** Keys over the fields both sides read, so a column missing on one side cannot split keys. */
function keysOf(table: TableName, t: TableSnapshot, common: string[]) {
  return t.rows.map((row) => ({ row, key: rowKey(table, getter(t, row), common) }));
}

function firstOfDuplicates(keyed: { row: SnapRow; key: RowKey }[]): SnapRow[] {
  const seen = new Map<string, number>();
  for (const k of keyed) seen.set(k.key.id, (seen.get(k.key.id) ?? 0) + 1);
  const out: SnapRow[] = [];
  for (const k of keyed) {
    if ((seen.get(k.key.id) ?? 0) > 1) {
      out.push(k.row);
      seen.delete(k.key.id);
    }
  }
  return out;
}

export function matchRows(table: TableName, earlier: TableSnapshot, later: TableSnapshot): Matched {
  const common = earlier.fields.filter((f) => later.fields.includes(f));
  const before = keysOf(table, earlier, common);
  const after = keysOf(table, later, common);
  const queues = new Map<string, { row: SnapRow; key: RowKey }[]>();
  for (const k of before) {
    const q = queues.get(k.key.id);
    if (q) q.push(k);
    else queues.set(k.key.id, [k]);
  }
  const pairs: Matched["pairs"] = [];
  const added: Matched["added"] = [];
  for (const k of after) {
    const match = queues.get(k.key.id)?.shift();
    if (match) pairs.push({ earlier: match.row, later: k.row, key: k.key });
    else added.push(k);
  }
  const removed = [...queues.values()].flat().sort((a, b) => a.row.row - b.row.row);
  return {
    pairs,
    added,
    removed,
    duplicates: { earlier: firstOfDuplicates(before), later: firstOfDuplicates(after) },
  };
}
