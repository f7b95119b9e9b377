/**
 * The picture behind a pace (review-cycle.md section 3): a cap's or target's figure summed month
 * by month from the rows its evidence counted, for a small chart against the cap or target line
 * with the projection to ContractEnd. Host-free; the pane's worker attaches it to findings.
 */
import type { Finding } from "./findings";
import type { Stage } from "./stage";
import type { ProjectData } from "./read/project";
import type { TableName } from "./contract/tables";
import { contractMonth } from "./pace";
import { termEnd } from "./stage";

export interface PaceSeries {
  kind: "cap" | "target";
  /** The cap or the target the line is drawn at. */
  limit: number;
  /** "YYYY-MM" of each contract month 1..monthsTotal (the calendar month it ends in). */
  months: string[];
  /**
   * The figure at the end of contract months 0..monthsElapsed (0 at the start). The last point
   * holds everything counted up to AsOfDate, so it equals the finding's figure.
   */
  cumulative: number[];
  /** At ContractEnd at the average rate so far (the finding's `projected`). */
  projected: number;
  /** Caps: "YYYY-MM" the projection passes the cap. */
  crossMonth: string | null;
  /** Counted rows with no date that places them in a month: drawn in the first month. */
  undated: number;
}

export interface DatedValue {
  /** Excel serial day; null when the row has none. */
  date: number | null;
  value: number;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * The running total at the end of each elapsed contract month. A row dated in contract month k
 * (after the end of month k−1, up to the end of month k) adds from point k on; a row before the
 * start, or undated, from point 1; a row after the last whole month (AsOfDate falls mid-month)
 * into the last point, as the pace counts it. Null before the first whole month.
 */
export function cumulativeByMonth(
  stage: Stage,
  rows: readonly DatedValue[]
): { cumulative: number[]; undated: number } | null {
  if (stage.kind !== "interim" || stage.start === null || stage.monthsElapsed <= 0) return null;
  const m = stage.monthsElapsed;
  const ends = Array.from({ length: m }, (_, i) => termEnd(stage.start!, i + 1));
  const added = new Array<number>(m + 1).fill(0);
  let undated = 0;
  for (const r of rows) {
    if (r.date === null) undated += 1;
    let k = 1;
    if (r.date !== null) {
      k = ends.findIndex((end) => r.date! <= end) + 1;
      if (k === 0) k = m;
    }
    added[k] += r.value;
  }
  const cumulative = new Array<number>(m + 1).fill(0);
  for (let k = 1; k <= m; k += 1) cumulative[k] = cents(cumulative[k - 1] + added[k]);
  return { cumulative, undated };
}

/** Each table's date, as its rules judge a record's period. */
const DATE_KEYS: Partial<Record<TableName, string>> = {
  Ledger: "date",
  CommunityOrgs: "filedOn",
  Activities: "date",
  Contests: "date",
  Trainings: "date",
  FamilyFiles: "date",
  CharityResources: "date",
  Cases: "completedOn",
};

const num = (v: unknown) => (typeof v === "number" ? v : null);

/** Per workbook read, per sheet: each data row's date (1-based row), built once for all findings. */
const DATES = new WeakMap<ProjectData, Map<string, Map<number, number | null>>>();

function datesOf(project: ProjectData, sheet: string): Map<number, number | null> {
  let bySheet = DATES.get(project);
  if (!bySheet) DATES.set(project, (bySheet = new Map()));
  let dates = bySheet.get(sheet);
  if (!dates) {
    dates = new Map();
    for (const [name, data] of Object.entries(project.tables)) {
      if (data?.loc.sheet.name !== sheet) continue;
      const key = DATE_KEYS[name as TableName];
      for (const r of data.rows) dates.set(r.row + 1, key ? num(r.v[key]) : null);
    }
    bySheet.set(sheet, dates);
  }
  return dates;
}

/**
 * A finding's series: a cap (headroom in its figures) or a target (neededPerMonth), summing the
 * counted evidence rows (a value each, else 1 each) by their table's date. Null when the finding
 * has no pace, counts rows the evidence does not list, or has nothing so far.
 */
export function seriesOf(f: Finding, project: ProjectData, stage: Stage): PaceSeries | null {
  const fig = f.figures ?? {};
  const actual = num(fig.actual);
  const projected = num(fig.projected);
  const isCap = num(fig.headroom) !== null;
  const isTarget = !isCap && num(fig.neededPerMonth) !== null;
  const limit = isCap ? (num(fig.cap) ?? num(fig.limit) ?? num(fig.planned)) : num(fig.target);
  if ((!isCap && !isTarget) || actual === null || projected === null || limit === null) return null;
  // Nothing so far is a flat line at zero: the figures say it better than a picture.
  if (actual === 0) return null;
  const rows: DatedValue[] = [];
  for (const e of f.evidence ?? [])
    if (e.counted)
      rows.push({ date: datesOf(project, e.sheet).get(e.row) ?? null, value: e.value ?? 1 });
  const by = cumulativeByMonth(stage, rows);
  if (!by) return null;
  // The rows must add up to the figure, or the chart would say something the finding does not.
  if (Math.abs(by.cumulative[by.cumulative.length - 1] - actual) > 0.005) return null;
  return {
    kind: isCap ? "cap" : "target",
    limit,
    months: Array.from({ length: stage.monthsTotal }, (_, i) => contractMonth(stage.start!, i + 1)),
    cumulative: by.cumulative,
    projected,
    crossMonth: typeof fig.crossMonth === "string" ? fig.crossMonth : null,
    undated: by.undated,
  };
}
