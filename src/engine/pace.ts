/**
 * Pace (review-cycle.md section 3): where a cap or a target is heading in the interim stage.
 * The average rate is the figure so far over the whole months elapsed, M(AsOfDate); the months
 * left are M(ContractEnd) − M(AsOfDate). Pure arithmetic on the stage, no workbook.
 */
import type { Stage } from "./stage";
import { termEnd } from "./stage";
import { ymdFromSerial } from "./util/dates";

const cents = (n: number) => Math.round(n * 100) / 100;

export interface CapPace {
  actual: number;
  cap: number;
  /** cap − actual (negative once over). */
  headroom: number;
  /** Average per whole month elapsed; null before the first whole month. */
  average: number | null;
  /** At the average rate, at ContractEnd; null before the first whole month. */
  projected: number | null;
  /** "YYYY-MM": the first contract month whose end the projected running total passes the cap. */
  crossMonth: string | null;
  /** The projection passes the cap while the spending so far does not. */
  projectedOver: boolean;
}

/** Null outside the interim stage: at the final stage the figure is the figure. */
export function capPace(stage: Stage, actual: number, cap: number): CapPace | null {
  if (stage.kind !== "interim" || stage.start === null) return null;
  const headroom = cents(cap - actual);
  const months = stage.monthsElapsed;
  if (months <= 0)
    return {
      actual,
      cap,
      headroom,
      average: null,
      projected: null,
      crossMonth: null,
      projectedOver: false,
    };
  const average = actual / months;
  const projected = cents(average * stage.monthsTotal);
  // In whole cents, so that 100,000 over 12 months times 12 is not over through float noise:
  // the running total at the end of contract month k is actual / months × k.
  const a = Math.round(actual * 100);
  const c = Math.round(cap * 100);
  let crossMonth: string | null = null;
  if (a <= c && a * stage.monthsTotal > c * months)
    for (let k = months + 1; k <= stage.monthsTotal; k += 1)
      if (a * k > c * months) {
        crossMonth = contractMonth(stage.start, k);
        break;
      }
  return {
    actual,
    cap,
    headroom,
    average: cents(average),
    projected,
    crossMonth,
    projectedOver: crossMonth !== null,
  };
}

/** The calendar month ("YYYY-MM") in which the k-th contract month ends. */
export function contractMonth(start: number, k: number): string {
  const { y, m } = ymdFromSerial(termEnd(start, k));
  return `${y}-${String(m).padStart(2, "0")}`;
}

export function monthsLeft(stage: Stage): number {
  return Math.max(0, stage.monthsTotal - stage.monthsElapsed);
}

/**
 * What a target needs from now on, per whole month left, rounded up to whole units (yuan for a
 * yuan target). With no whole month left, the whole gap is due now. 0 once reached.
 */
export function neededPerMonth(stage: Stage, actual: number, target: number): number {
  const gap = target - actual;
  if (gap <= 1e-9) return 0;
  const left = monthsLeft(stage);
  // Round off float noise before rounding up (30 − 20.000000001 is not 11 a month).
  return Math.ceil(Math.round((left > 0 ? gap / left : gap) * 1e6) / 1e6);
}

/** A target's figure at ContractEnd at the average rate so far; null before the first whole month. */
export function projectedAtEnd(stage: Stage, actual: number): number | null {
  if (stage.kind !== "interim" || stage.monthsElapsed <= 0) return null;
  return cents((actual / stage.monthsElapsed) * stage.monthsTotal);
}

// One formatter, made on first use: toLocaleString with options builds a new one per call.
let monthFormat: Intl.DateTimeFormat | null = null;

/** "2024-11" as people read it: 2024年11月, November 2024. */
export function monthText(ym: string): { zh: string; en: string } {
  const [y, m] = ym.split("-").map(Number);
  monthFormat ??= new Intl.DateTimeFormat("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return { zh: `${y}年${m}月`, en: monthFormat.format(new Date(Date.UTC(y, m - 1, 1))) };
}
