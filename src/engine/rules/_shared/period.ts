/** Which records count toward a target: dated from ContractStart up to AsOfDate. */
import type { RuleContext } from "../types";
import type { Text } from "../../i18n";
import { dateReasons } from "../../evidence";

export function countsTowardTarget(ctx: RuleContext, date: number | string | null): boolean {
  if (typeof date !== "number") return false;
  const { start, asOf } = ctx.stage;
  if (start !== null && date < start) return false;
  return date <= asOf;
}

/** Split rows into those that count and how many were left out. */
export function inPeriod<T extends { v: Record<string, unknown> }>(
  ctx: RuleContext,
  rows: readonly T[],
  dateKey: string
) {
  const counted: T[] = [];
  const left: T[] = [];
  for (const row of rows) {
    if (countsTowardTarget(ctx, row.v[dateKey] as number | null)) counted.push(row);
    else left.push(row);
  }
  return { counted, excluded: left.length, left };
}

/** Why a date keeps a record from counting toward a target, or null when it counts. */
export function dateReason(ctx: RuleContext, date: unknown, field?: Text): Text | null {
  const reasons = dateReasons(field);
  if (typeof date !== "number") return reasons.none;
  if (ctx.stage.start !== null && date < ctx.stage.start) return reasons.before;
  return date > ctx.stage.asOf ? reasons.after : null;
}
