/**
 * Each finding of two checks as new, resolved or persisting: the same rule on the same row
 * (by the table's key, so rows inserted above do not move it) or else the same cell or target.
 * Progress on track is not a finding of a problem and is left out.
 */
import type { Finding } from "../findings";
import type { TableName } from "../contract/tables";
import { parseRange } from "../util/address";
import { rowKey } from "./keys";
import { getter } from "./match";
import type { Snapshot } from "./snapshot";
import type { FindingsComparison } from "./types";

/** Where a finding is, stable across submissions: a table row by its key, else the cell. */
function placer(snapshot: Snapshot): (f: Finding) => string {
  // Sheet -> (sheet row -> "Table|key|field-by-column")
  const rows = new Map<string, Map<number, { table: TableName; key: string }>>();
  const columns = new Map<string, Map<number, string>>();
  for (const [name, t] of Object.entries(snapshot.tables)) {
    const table = name as TableName;
    const byRow = rows.get(t.sheet) ?? new Map();
    for (const row of t.rows)
      byRow.set(row.row, { table, key: rowKey(table, getter(t, row), t.fields).id });
    rows.set(t.sheet, byRow);
    columns.set(t.sheet, new Map(t.columns.map((c, i) => [c, t.fields[i]] as const)));
  }
  return (f) => {
    const range = f.sheet && f.cell ? parseRange(f.cell) : null;
    if (range && range.start.row === range.end.row) {
      const hit = rows.get(f.sheet!)?.get(range.start.row);
      if (hit) {
        const field =
          range.start.col === range.end.col
            ? (columns.get(f.sheet!)?.get(range.start.col) ?? `#${range.start.col}`)
            : "*";
        return `row\u0000${hit.table}\u0000${hit.key}\u0000${field}`;
      }
    }
    if (f.sheet && f.cell) return `cell\u0000${f.sheet}\u0000${f.cell}`;
    return `at\u0000${f.sheet ?? ""}\u0000${f.target ?? ""}`;
  };
}

export function compareFindings(
  earlier: readonly Finding[],
  later: readonly Finding[],
  before: Snapshot,
  after: Snapshot
): FindingsComparison {
  const placeBefore = placer(before);
  const placeAfter = placer(after);
  const id = (f: Finding, place: string) => `${f.rule}\u0000${place}`;
  const waiting = new Map<string, Finding[]>();
  for (const f of earlier) {
    if (f.status === "progress") continue;
    const k = id(f, placeBefore(f));
    const q = waiting.get(k);
    if (q) q.push(f);
    else waiting.set(k, [f]);
  }
  const out: FindingsComparison = {
    new: [],
    resolved: [],
    persisting: [],
    counts: { new: 0, resolved: 0, persisting: 0 },
  };
  const matched = new Set<Finding>();
  for (const f of later) {
    if (f.status === "progress") continue;
    const match = waiting.get(id(f, placeAfter(f)))?.shift();
    if (match) matched.add(match);
    (match ? out.persisting : out.new).push(f);
  }
  out.resolved = earlier.filter((f) => f.status !== "progress" && !matched.has(f));
  out.counts = {
    new: out.new.length,
    resolved: out.resolved.length,
    persisting: out.persisting.length,
  };
  return out;
}
