/** Staff and supervisor helpers: who is on the project on a day, and who counts as qualified. */
import type { Row, TableData } from "../../read/project";
import { certAtLeast } from "../../contract/enums";
import { addMonths } from "../../util/dates";
import type { RuleContext } from "../types";

/**
 * The day staffing is judged on: the reporting date, or the contract end when the report
 * comes after it (staff who leave when the contract ends were on post for all of it).
 */
export function staffingDay(ctx: RuleContext): number {
  const { asOf, end } = ctx.stage;
  return end !== null ? Math.min(asOf, end) : asOf;
}

export function onPost(row: Row, asOf: number): boolean {
  const joined = row.v.joined;
  const left = row.v.left;
  if (typeof joined !== "number" || joined > asOf) return false;
  return typeof left !== "number" || left >= asOf;
}

export function isFullTime(row: Row): boolean {
  return row.v.employment === "专职";
}

/** Whole years of social-work experience reached by asOf (start + n years <= asOf). */
export function yearsOfExperience(row: Row, asOf: number): number {
  const start = row.v.careerStart;
  if (typeof start !== "number" || start > asOf) return 0;
  let years = 0;
  while (addMonths(start, (years + 1) * 12) <= asOf) years += 1;
  return years;
}

export function qualifies(row: Row, level: string, years: number, asOf: number): boolean {
  return (
    certAtLeast(row.v.certLevel as string | null, level) && yearsOfExperience(row, asOf) >= years
  );
}

/** Rows that claim a certificate level (other than 无) without its number. */
export function missingCertNumbers(table: TableData): Row[] {
  return table.rows.filter((row) => {
    const level = row.v.certLevel;
    return typeof level === "string" && level !== "无" && !row.v.certNumber;
  });
}
