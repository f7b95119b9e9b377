/**
 * What a comparison needs of one submission, without the workbook model: per table the rows'
 * values as read (formula columns left out: they follow from other tables), where they sit,
 * and the named values. Built where the workbook was read; plain data, so a worker can keep
 * it after dropping the model.
 */
import { NAMES, TABLES, type NameKey, type TableName } from "../contract/tables";
import { nameCell, type ProjectData, type Value } from "../read/project";
import type { ProjectReport } from "../check";
import type { CheckedWorkbook } from "../summary/model";

export interface TableSnapshot {
  sheet: string;
  /** Field keys read, in the contract's order. */
  fields: string[];
  /** Zero-based sheet column of each field. */
  columns: number[];
  /** Columns the table spans (zero-based), for a row's range. */
  span: { first: number; last: number };
  /** Zero-based sheet row of the table's header: where a finding on the table as a whole points. */
  headerRow: number;
  /** Zero-based sheet row and the values in `fields` order. */
  rows: { row: number; values: Value[] }[];
}

export interface Snapshot {
  /** The workbook's own reporting date (never an --as-of override); null when unreadable. */
  asOfDate: number | null;
  names: Partial<Record<NameKey, { value: Value; sheet: string; cell: string }>>;
  tables: Partial<Record<TableName, TableSnapshot>>;
}

/** One submission as a comparison takes it: the check's result and the rows it read. */
export interface Submission {
  file: string;
  /** File modification time (ms since 1970), supplied by the host: decides equal reporting dates. */
  modified: number | null;
  report: CheckedWorkbook;
  snapshot: Snapshot;
}

export function snapshotOf(project: ProjectData): Snapshot {
  const tables: Snapshot["tables"] = {};
  for (const def of TABLES) {
    const t = project.tables[def.name];
    if (!t) continue;
    const fields = def.fields.filter((f) => !f.formula && t.loc.columns[f.key] !== undefined);
    tables[def.name] = {
      sheet: t.loc.sheet.name,
      fields: fields.map((f) => f.key),
      columns: fields.map((f) => t.loc.columns[f.key]),
      span: { ...t.loc.span },
      headerRow: t.loc.headerRow,
      rows: t.rows.map((r) => ({ row: r.row, values: fields.map((f) => r.v[f.key] ?? null) })),
    };
  }
  const names: Snapshot["names"] = {};
  for (const def of NAMES) {
    const n = project.names[def.name];
    if (!n) continue;
    names[def.name] = { value: n.value, sheet: n.loc.sheet, cell: nameCell(n) };
  }
  const asOf = project.names.AsOfDate?.value;
  return { asOfDate: typeof asOf === "number" ? asOf : null, names, tables };
}

/** A checked workbook as a submission: the report without its model, and the snapshot. */
export function submissionOf(report: ProjectReport, modified: number | null = null): Submission {
  const { project, ...checked } = report;
  return { file: report.file, modified, report: checked, snapshot: snapshotOf(project) };
}
