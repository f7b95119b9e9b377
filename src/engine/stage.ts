/**
 * The project's stage on its reporting date (rules.md, "Stage"): final on or after the
 * contract end, interim before it with elapsed = M(asOf) / M(end).
 */
import { daysInMonth, serialFromYmd, wholeMonthsBetween, ymdFromSerial } from "./util/dates";

export interface Stage {
  kind: "interim" | "final";
  asOf: number;
  /** Contract period, when both dates are known and in order. */
  start: number | null;
  end: number | null;
  /** Fraction of the contract elapsed, 0..1 (1 at the final stage). */
  elapsed: number;
  monthsElapsed: number;
  monthsTotal: number;
}

/** M(d): whole calendar months from start up to the day after d. */
export function monthsFromStart(start: number, d: number): number {
  return wholeMonthsBetween(start, d + 1);
}

export function computeStage(asOf: number, start: number | null, end: number | null): Stage {
  if (start === null || end === null || end < start) {
    // Without a usable period the strictest reading applies: everything counts as due.
    return {
      kind: "final",
      asOf,
      start: null,
      end: null,
      elapsed: 1,
      monthsElapsed: 0,
      monthsTotal: 0,
    };
  }
  const monthsTotal = Math.max(1, monthsFromStart(start, end));
  if (asOf >= end) {
    return { kind: "final", asOf, start, end, elapsed: 1, monthsElapsed: monthsTotal, monthsTotal };
  }
  const monthsElapsed = asOf < start ? 0 : monthsFromStart(start, asOf);
  return {
    kind: "interim",
    asOf,
    start,
    end,
    elapsed: Math.min(1, monthsElapsed / monthsTotal),
    monthsElapsed,
    monthsTotal,
  };
}

/**
 * The n-th monthly anniversary of a day. A day the target month lacks rolls over to the
 * first of the next month: the first anniversary of 29 February 2024 is 1 March 2025
 * (rules.md, PRJ-PERIOD), of 31 January one month on is 1 March.
 */
export function anniversary(start: number, months: number): number {
  const { y, m, d } = ymdFromSerial(start);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  if (d <= daysInMonth(ny, nm)) return serialFromYmd(ny, nm, d);
  return serialFromYmd(ny, nm, daysInMonth(ny, nm)) + 1;
}

/** Last day of a term of n months from start: the day before the n-th monthly anniversary. */
export function termEnd(start: number, months: number): number {
  return anniversary(start, months) - 1;
}
