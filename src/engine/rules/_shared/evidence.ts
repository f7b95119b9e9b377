/**
 * The rows behind the budget and KPI figures (review-cycle.md section 4). Each builder goes
 * over the same rows as the figure it stands behind, so the counted rows add up to it.
 */
import type { Text } from "../../i18n";
import type { Row, TableData } from "../../read/project";
import {
  REASONS,
  bySheetRow,
  counted,
  leftOut,
  type EvidenceRow,
  type PayeeTotal,
} from "../../evidence";
import type { RuleContext } from "../types";
import type { Category } from "./ledger";
import { dateReason } from "./period";
import { isFullTime, onPost, qualifies } from "./people";
import { formatSerial } from "../../util/dates";

function rawCell(table: TableData, row: number, key: string) {
  const col = table.loc.columns[key];
  return col === undefined ? undefined : table.loc.sheet.rows[row]?.[col]?.v;
}

/** Totals rows typed into a table (合计): left out, with the amount they show. */
function totalRows(table: TableData, keep: (row: number) => boolean, valueKey?: string) {
  const out: EvidenceRow[] = [];
  for (const s of table.skipped) {
    if (s.kind !== "total" || !keep(s.row)) continue;
    const v = valueKey ? rawCell(table, s.row, valueKey) : undefined;
    out.push(
      leftOut(table.loc.sheet.name, s.row, REASONS.totalRow, typeof v === "number" ? v : undefined)
    );
  }
  return out;
}

export interface LedgerEvidenceOptions {
  /** Only payments dated from ContractStart to AsOfDate count (a target: BUD-SERVICE). */
  inPeriod?: boolean;
}

/**
 * The ledger rows behind a category's spending ('any': the ledger total): its payments, the
 * rows that might be its payments but have no valid category or no readable amount, and the
 * totals rows typed in. Rows of another category are not about this figure and are not listed.
 */
export function ledgerEvidence(
  ctx: RuleContext,
  category: Category | "any",
  options: LedgerEvidenceOptions = {}
): EvidenceRow[] {
  const ledger = ctx.table("Ledger");
  const sheet = ledger.loc.sheet.name;
  const out: EvidenceRow[] = [];
  for (const r of ledger.rows) {
    const cat = r.v.category;
    const amount = typeof r.v.amount === "number" ? r.v.amount : undefined;
    if (category !== "any" && typeof cat === "string" && cat !== category) continue;
    if (category !== "any" && typeof cat !== "string") {
      out.push(leftOut(sheet, r.row, REASONS.noCategory, amount));
      continue;
    }
    if (amount === undefined) {
      out.push(leftOut(sheet, r.row, REASONS.noAmount));
      continue;
    }
    const date = options.inPeriod ? dateReason(ctx, r.v.date) : null;
    out.push(date ? leftOut(sheet, r.row, date, amount) : counted(sheet, r.row, amount));
  }
  out.push(
    ...totalRows(
      ledger,
      (row) => {
        const cat = rawCell(ledger, row, "category");
        return category === "any" || (typeof cat === "string" && cat.trim() === category);
      },
      "amount"
    )
  );
  return bySheetRow(out);
}

/** Counted payments per payee (收款方), the largest sum first; blank payees together. */
export function byPayee(ctx: RuleContext, evidence: readonly EvidenceRow[]): PayeeTotal[] {
  const ledger = ctx.table("Ledger");
  const rowsByNumber = new Map(ledger.rows.map((r) => [r.row + 1, r] as const));
  const groups = new Map<string | null, PayeeTotal>();
  for (const e of evidence) {
    if (!e.counted) continue;
    const raw = rowsByNumber.get(e.row)?.v.payee;
    const payee = typeof raw === "string" && raw.trim() ? raw.trim() : null;
    let g = groups.get(payee);
    if (!g) groups.set(payee, (g = { payee, amount: 0, rows: [] }));
    g.amount = Math.round((g.amount + (e.value ?? 0)) * 100) / 100;
    g.rows.push(e.row);
  }
  return [...groups.values()].sort(
    (a, b) => b.amount - a.amount || (a.payee ?? "\uffff").localeCompare(b.payee ?? "\uffff")
  );
}

/** How one row of a table stands toward a figure: counted (with what it adds) or left out. */
export type Verdict =
  { counted: true; value?: number } | { counted: false; reason: Text; value?: number };

/** Every row of a table judged by `judge`, plus its typed totals rows, in sheet order. */
export function tableEvidence(
  table: TableData,
  judge: (row: Row) => Verdict,
  valueKey?: string
): EvidenceRow[] {
  const sheet = table.loc.sheet.name;
  const out = table.rows.map((r) => {
    const v = judge(r);
    return v.counted ? counted(sheet, r.row, v.value) : leftOut(sheet, r.row, v.reason, v.value);
  });
  out.push(...totalRows(table, () => true, valueKey));
  return bySheetRow(out);
}

/**
 * The common judgement of a dated record: not of the kind counted, then its date, then (for a
 * summed figure) its value.
 */
export function judgeRecord(
  ctx: RuleContext,
  row: Row,
  spec: {
    dateKey: string;
    notQualifying?: (row: Row) => Text | null;
    sumKey?: string;
    noValue?: Text;
  }
): Verdict {
  const kind = spec.notQualifying?.(row);
  if (kind) return { counted: false, reason: kind };
  const date = dateReason(ctx, row.v[spec.dateKey]);
  const value = spec.sumKey
    ? typeof row.v[spec.sumKey] === "number"
      ? (row.v[spec.sumKey] as number)
      : null
    : undefined;
  if (date)
    return { counted: false, reason: date, ...(typeof value === "number" ? { value } : {}) };
  if (value === null) return { counted: false, reason: spec.noValue ?? REASONS.noAmount };
  return value === undefined ? { counted: true } : { counted: true, value };
}

/**
 * Every staff row toward a count of full-time staff on post on `day` (STF-COUNT), and of those
 * who also qualify (STF-QUALIFIED, `qualified` given), each left-out row with its first reason.
 */
export function staffEvidence(
  ctx: RuleContext,
  day: number,
  qualified?: { level: string; years: number }
): EvidenceRow[] {
  const date = formatSerial(day);
  return tableEvidence(ctx.table("Staff"), (r): Verdict => {
    if (!isFullTime(r)) return { counted: false, reason: REASONS.notFullTime };
    const joined = r.v.joined;
    if (typeof joined !== "number") return { counted: false, reason: REASONS.noJoined };
    if (!onPost(r, day))
      return {
        counted: false,
        reason:
          joined > day
            ? { zh: `到岗日期晚于 ${date}`, en: `Joined after ${date}` }
            : { zh: `离岗日期早于 ${date}`, en: `Left before ${date}` },
      };
    if (qualified && !qualifies(r, qualified.level, qualified.years, ctx.stage.asOf))
      return {
        counted: false,
        reason: {
          zh: `不是同时持有${qualified.level}及以上证书且从业满 ${qualified.years} 年`,
          en: `Not both a certificate of ${qualified.level} or above and ${qualified.years}+ years of experience`,
        },
      };
    return { counted: true };
  });
}
