/**
 * One table of two submissions compared: rows added, removed and changed (with the changed
 * fields' old and new values), and which of those changes touch reported history: a row
 * dated on or before the earlier reporting date, or moved across it, in a dated table; a
 * staff or supervisor date in the reported period.
 */
import { TABLES, type TableName } from "../contract/tables";
import { a1, rangeA1 } from "../util/address";
import { TABLE_KEYS } from "./keys";
import { getter, matchRows, type SnapRow } from "./match";
import type { Snapshot, TableSnapshot } from "./snapshot";
import type { ComparisonNote, FieldChange, RowChange, TableComparison } from "./types";
import { fieldName, inSentence, rowLabel, sameValue, shown, tableName } from "./values";
import { retroactive } from "../rules/submissions/sub-retro";

function changedFields(
  table: TableName,
  e: TableSnapshot,
  l: TableSnapshot,
  before: SnapRow,
  after: SnapRow
): FieldChange[] {
  const out: FieldChange[] = [];
  const get = getter(e, before);
  l.fields.forEach((field, i) => {
    if (!e.fields.includes(field)) return;
    const old = get(field) ?? null;
    const now = after.values[i];
    if (sameValue(old, now)) return;
    out.push({
      field,
      header: fieldName(table, field),
      old: shown(table, field, old),
      new: shown(table, field, now),
    });
  });
  return out;
}

/** "凭证号，无凭证号时按日期、类别、金额、摘要" / "voucher no. (or, without one, date, …)". */
function keyWords(table: TableName): { zh: string; en: string } {
  const [first, second] = TABLE_KEYS[table].keys.map((k) => ({
    zh: k.map((f) => fieldName(table, f).zh).join("、"),
    en: k.map((f) => inSentence(fieldName(table, f).en)).join(", "),
  }));
  if (!second) return first;
  return {
    zh: `${first.zh}（无${first.zh}时按${second.zh}）`,
    en: `${first.en} (or, without one, ${second.en})`,
  };
}

function duplicateNote(
  table: TableName,
  side: "earlier" | "later",
  rows: SnapRow[]
): ComparisonNote {
  const shownRows = rows.slice(0, 5).map((r) => r.row + 1);
  const more = rows.length > shownRows.length;
  const t = tableName(table);
  const key = keyWords(table);
  return {
    kind: "duplicate-keys",
    message: {
      zh: `${side === "earlier" ? "较早" : "较晚"}报送的${t.zh}表中有 ${rows.length} 组行的${key.zh}相同（第 ${shownRows.join("、")} 行${more ? "等" : ""}），已按行序逐一对应比较。`,
      en: `In the ${side} submission's ${inSentence(t.en)}, ${rows.length} group(s) of rows share the same ${key.en} (rows ${shownRows.join(", ")}${more ? " and more" : ""}); they were compared in row order.`,
    },
  };
}

export function compareTable(
  table: TableName,
  earlier: Snapshot,
  later: Snapshot,
  cutoff: number,
  notes: ComparisonNote[]
): TableComparison | null {
  const e = earlier.tables[table];
  const l = later.tables[table];
  if (!e && !l) return null;
  const base = {
    table,
    sheet: (l ?? e)!.sheet,
    title: { zh: TABLES.find((t) => t.name === table)!.sheet, en: tableName(table).en },
    added: 0,
    removed: 0,
    changed: 0,
    unchanged: 0,
    retro: 0,
    rows: [] as RowChange[],
  };
  if (!e || !l) return { ...base, missingIn: e ? "later" : "earlier" };
  const m = matchRows(table, e, l);
  if (m.duplicates.earlier.length)
    notes.push(duplicateNote(table, "earlier", m.duplicates.earlier));
  if (m.duplicates.later.length) notes.push(duplicateNote(table, "later", m.duplicates.later));
  const rows: RowChange[] = [];
  let unchanged = 0;
  const dateCol = (t: TableSnapshot) => {
    const i = t.fields.indexOf(TABLE_KEYS[table].date ?? "");
    return i >= 0 ? t.columns[i] : t.span.first;
  };
  for (const p of m.pairs) {
    const fields = changedFields(table, e, l, p.earlier, p.later);
    if (!fields.length) {
      unchanged += 1;
      continue;
    }
    const old = getter(e, p.earlier);
    const now = getter(l, p.later);
    const retro = retroactive(table, "changed", cutoff, old, now, fields);
    // A staff row's retroactive change is its date: point there, not at a post renamed beside it.
    const dates = TABLE_KEYS[table].dates;
    const at = (retro && dates && fields.find((f) => dates.includes(f.field))) || fields[0];
    rows.push({
      change: "changed",
      label: rowLabel(table, now, l.fields),
      earlierRow: p.earlier.row + 1,
      laterRow: p.later.row + 1,
      sheet: l.sheet,
      cell: a1(p.later.row, l.columns[l.fields.indexOf(at.field)]),
      fields,
      retro,
    });
  }
  for (const a of m.added) {
    const now = getter(l, a.row);
    rows.push({
      change: "added",
      label: rowLabel(table, now, l.fields),
      earlierRow: null,
      laterRow: a.row.row + 1,
      sheet: l.sheet,
      cell: a1(a.row.row, dateCol(l)),
      fields: [],
      retro: retroactive(table, "added", cutoff, null, now, []),
    });
  }
  for (const r of m.removed) {
    const old = getter(e, r.row);
    rows.push({
      change: "removed",
      label: rowLabel(table, old, e.fields),
      earlierRow: r.row.row + 1,
      laterRow: null,
      sheet: l.sheet,
      // Gone from the later workbook: the finding points at the table (its header), not at A1.
      cell: rangeA1({
        start: { row: l.headerRow, col: l.span.first },
        end: { row: l.headerRow, col: l.span.last },
      }),
      fields: [],
      retro: retroactive(table, "removed", cutoff, old, null, []),
    });
  }
  // In the later workbook's order; removed rows where they stood in the earlier one.
  rows.sort(
    (a, b) =>
      (a.laterRow ?? a.earlierRow ?? 0) - (b.laterRow ?? b.earlierRow ?? 0) || rank(a) - rank(b)
  );
  return {
    ...base,
    added: m.added.length,
    removed: m.removed.length,
    changed: rows.filter((r) => r.change === "changed").length,
    unchanged,
    retro: rows.filter((r) => r.retro).length,
    rows,
  };
}

const rank = (r: RowChange) => (r.change === "removed" ? 0 : r.change === "changed" ? 1 : 2);
