import { fill } from "../../i18n";
import { defineRule, type RuleFinding } from "../types";
import { atCell } from "../_shared/where";
import { differenceNote, withNote } from "../_shared/shown";
import { crossingRow, plannedTotal, spendingRows, total } from "../_shared/ledger";
import { a1 } from "../../util/address";
import { ledgerEvidence } from "../_shared/evidence";
import { capPaceFigures, capPaceFinding } from "../_shared/cap-pace";

export default defineRule({
  id: "BUD-TOTAL",
  area: "budget",
  kind: "cap",
  severities: ["error"],
  clause: "三.1",
  title: { zh: "项目资金总额", en: "Project total" },
  fix: {
    zh: "核对台账是否重复记账；总支出和预算合计均须控制在资助标准和合同金额以内。",
    en: "Look for double entries; keep spending and the plan within the grant and the contract amount.",
  },
  describe: (rs) => ({
    zh: `支出台账合计与预算合计均不得超过单个项目资助标准 ${rs.project.grant.toLocaleString("en-US")} 元，也不得超过合同金额。`,
    en: `Neither the ledger total nor the budget total may exceed the grant of ${rs.project.grant.toLocaleString("en-US")} yuan or the contract amount.`,
  }),
  needs: ["Budget.planned", "Ledger.amount"],
  check(ctx) {
    const findings: RuleFinding[] = [];
    const grant = ctx.ruleset.project.grant;
    const contract = ctx.value("ContractAmount");
    const limit = typeof contract === "number" && contract > 0 ? Math.min(grant, contract) : grant;
    const limitText = {
      zh: limit < grant ? `合同金额 {limit} 元` : `单个项目资助标准 {limit} 元`,
      en: limit < grant ? "the contract amount of {limit} yuan" : "the grant of {limit} yuan",
    };
    const rows = spendingRows(ctx, "any");
    const crossing = crossingRow(rows, limit);
    const actual = total(rows);
    const evidence = ledgerEvidence(ctx, "any");
    if (crossing) {
      findings.push({
        severity: "error",
        ...atCell(ctx.table("Ledger"), crossing, "amount"),
        message: withNote(
          {
            zh: fill(`支出台账合计 {actual} 元，超过${limitText.zh}；本行支出后累计首次超过。`, {
              actual,
              limit,
            }),
            en: fill(
              `Ledger spending totals {actual} yuan, above ${limitText.en}; this payment first took the total over.`,
              { actual, limit }
            ),
          },
          differenceNote(ctx, null, actual)
        ),
        figures: { actual, limit, ...capPaceFigures(ctx, actual, limit) },
        evidence,
      });
    }
    const budget = ctx.table("Budget");
    const totalCell =
      budget.loc.totalsRow !== null && budget.loc.columns.actual !== undefined
        ? {
            sheet: budget.loc.sheet.name,
            cell: a1(budget.loc.totalsRow, budget.loc.columns.actual),
          }
        : atCell(ctx.table("Ledger"), ctx.table("Ledger").loc.headerRow, "amount");
    const pace = capPaceFinding(ctx, {
      actual,
      cap: limit,
      what: { zh: "项目", en: "Total spending" },
      limit: {
        zh: limit < grant ? "合同金额" : "单个项目资助标准",
        en: limit < grant ? "the contract amount" : "the grant",
      },
      at: totalCell,
      capKey: "limit",
      evidence,
    });
    if (pace) findings.push(pace);
    const planned = plannedTotal(budget);
    if (planned > limit) {
      const col = budget.loc.columns.planned;
      const at =
        budget.loc.totalsRow !== null
          ? { sheet: budget.loc.sheet.name, cell: a1(budget.loc.totalsRow, col) }
          : budget.rows.length
            ? {
                sheet: budget.loc.sheet.name,
                cell: `${a1(budget.rows[0].row, col)}:${a1(budget.rows[budget.rows.length - 1].row, col)}`,
              }
            : atCell(budget, budget.loc.headerRow, "planned");
      findings.push({
        severity: "error",
        ...at,
        message: {
          zh: fill(`预算合计 {planned} 元，超过${limitText.zh}。`, { planned, limit }),
          en: fill(`The budget plan totals {planned} yuan, above ${limitText.en}.`, {
            planned,
            limit,
          }),
        },
        figures: { planned, limit },
      });
    }
    return findings;
  },
});
