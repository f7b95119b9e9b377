/**
 * The rows of 审核意见 as the reader left them (read/project.ts reads the table with every
 * table's tolerance), judged for use: a row applies to nothing when it is malformed. The
 * reader has already reported empty and unreadable cells (WB-VALUE, a decision without its
 * reason, person or date included); an unknown rule ID is reported here.
 */
import type { Finding } from "../findings";
import type { TableData } from "../read/project";
import { ruleById } from "../rules/catalog";
import { a1 } from "../util/address";
import type { ReviewDecision, ReviewField, ReviewRow, ReviewSheet } from "./model";

const text = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

export function reviewSheet(table: TableData): { sheet: ReviewSheet; findings: Finding[] } {
  const { loc } = table;
  const findings: Finding[] = [];
  const rows: ReviewRow[] = table.rows.map((r) => {
    const v = r.v;
    const decision = text(v.decision) as ReviewDecision | null;
    const row: ReviewRow = {
      row: r.row,
      rule: text(v.rule),
      location: text(v.location),
      summary: text(v.summary),
      fingerprint: text(v.fingerprint)?.toLowerCase() ?? null,
      explanation: text(v.explanation),
      decision,
      reason: text(v.reason),
      reviewer: text(v.reviewer),
      decidedOn: typeof v.decidedOn === "number" ? v.decidedOn : null,
      valid: false,
    };
    const complete =
      !r.unreadable?.size &&
      row.rule !== null &&
      row.location !== null &&
      row.fingerprint !== null &&
      (decision === null ||
        (row.reason !== null && row.reviewer !== null && row.decidedOn !== null));
    const known = row.rule === null || ruleById(row.rule.toUpperCase()) !== undefined;
    if (!known && loc.columns.rule !== undefined)
      findings.push(unknownRule(loc.sheet.name, a1(r.row, loc.columns.rule), row.rule!));
    if (known && row.rule) row.rule = row.rule.toUpperCase();
    row.valid = complete && known;
    return row;
  });
  return {
    sheet: {
      sheet: loc.sheet.name,
      foundBy: loc.foundBy,
      headerRow: loc.headerRow,
      lastDataRow: loc.lastDataRow,
      columns: loc.columns as Partial<Record<ReviewField, number>>,
      span: loc.span,
      rows,
    },
    findings,
  };
}

function unknownRule(sheet: string, cell: string, rule: string): Finding {
  return {
    rule: "WB-VALUE",
    severity: "error",
    sheet,
    cell,
    message: {
      zh: `「规则」的值「${rule}」不是本工具的检查规则编号，此行审核意见不适用于任何问题。请从检查结果中复制规则编号，或通过检查工具填写。`,
      en: `"Rule" holds "${rule}", which is not a rule of this tool, so the review row applies to no finding. Copy the rule from the check's findings, or write the row with the checking tool.`,
    },
  };
}
