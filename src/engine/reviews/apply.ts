/**
 * Applying 审核意见 to a check's findings (review-cycle.md section 2). A row applies to the
 * findings with its fingerprint; of several rows with one fingerprint the lowest (the latest
 * written) counts. 认可 takes a finding out of the error and warning totals (findings.ts
 * countBySeverity), nothing is hidden. A valid row that applies to nothing is one REV-STALE
 * info on its row; when a finding of the same rule stands at the same place with other figures,
 * that finding carries the row as `earlierReview`, so a reader can be told the earlier decision
 * was for other figures.
 */
import type { Finding } from "../findings";
import { formatSerial } from "../util/dates";
import { ruleById } from "../rules/catalog";
import { staleFinding } from "../rules/data/rev-stale";
import { findingLocation } from "./fingerprint";
import type { FindingReview, ReviewRow, ReviewSheet } from "./model";

export function findingReview(sheet: ReviewSheet, row: ReviewRow): FindingReview {
  return {
    explanation: row.explanation,
    decision: row.decision,
    accepted: row.decision === "认可",
    reason: row.reason,
    by: row.reviewer,
    date: row.decidedOn === null ? null : formatSerial(row.decidedOn),
    summary: row.summary,
    fingerprint: row.fingerprint ?? "",
    sheet: sheet.sheet,
    row: row.row + 1,
  };
}

/** A location as people may have typed it: no '$', no quotes around the sheet, any case. */
export function sameLocation(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .replace(/\$/g, "")
      .replace(/^'((?:[^']|'')*)'!/, (_, name: string) => `${name.replace(/''/g, "'")}!`)
      .toUpperCase();
  return norm(a) === norm(b);
}

/**
 * Sets `review` or `earlierReview` on the findings (which must carry their fingerprints) and
 * returns the REV-STALE findings of the rows that apply to none.
 */
export function applyReviews(findings: Finding[], sheet: ReviewSheet): Finding[] {
  const valid = sheet.rows.filter((r) => r.valid && r.fingerprint);
  const byPrint = new Map<string, ReviewRow>();
  for (const row of valid) byPrint.set(row.fingerprint!, row);
  const matched = new Set<string>();
  for (const f of findings) {
    const row = f.fingerprint ? byPrint.get(f.fingerprint) : undefined;
    if (!row) continue;
    f.review = findingReview(sheet, row);
    matched.add(row.fingerprint!);
  }
  const stale = valid.filter((r) => !matched.has(r.fingerprint!));
  const out: Finding[] = [];
  // The latest stale row for the same rule and place is the one a reader is told about.
  const open = stale.length ? findings.filter((f) => !f.review) : [];
  const places = open.map((f) => findingLocation(f));
  for (const row of stale) {
    const same = open.filter(
      (f, i) => f.rule === row.rule && sameLocation(places[i], row.location!)
    );
    for (const f of same) f.earlierReview = findingReview(sheet, row);
    const rule = ruleById(row.rule!);
    out.push({
      rule: "REV-STALE",
      ...staleFinding(sheet, row, same.length > 0, rule?.title),
    });
  }
  return out;
}
