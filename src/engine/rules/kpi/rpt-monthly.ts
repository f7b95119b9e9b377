import { defineRule, type RuleFinding } from "../types";
import { atCell, atTable } from "../_shared/where";
import { formatSerial, monthIndex, monthLabel, serialFromYmd, daysInMonth } from "../../util/dates";

/** The day a month's report is due: the rule set's day of the following month. */
function dueDate(month: number, day: number): number {
  const next = month + 1;
  const y = Math.floor(next / 12);
  const m = (next % 12) + 1;
  return serialFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

export default defineRule({
  id: "RPT-MONTHLY",
  area: "kpi",
  kind: "always",
  severities: ["error"],
  clause: "五.(二)",
  title: { zh: "按月报送进展", en: "Monthly progress reports" },
  fix: {
    zh: "补报缺失月份的进展报告，并在月报表中填写报送日期。",
    en: "Send the missing monthly reports and enter their dates on the 月报 sheet.",
  },
  describe: (rs) => ({
    zh: `自合同开始月份起每月报送项目进展（不足一月的首月也计）；每月报告应于次月 ${rs.reporting.monthlyDueDay} 日前报送，逾期未报为错误。`,
    en: `A progress report for every month from the contract start (a partial first month counts), due on day ${rs.reporting.monthlyDueDay} of the next month.`,
  }),
  needs: ["MonthlyReports.month", "MonthlyReports.submittedOn"],
  check(ctx) {
    const { start, end, asOf } = ctx.stage;
    if (start === null || end === null) {
      return [
        {
          severity: "info",
          status: "not-checked",
          target: "ContractStart",
          message: {
            zh: "未检查：合同起止日期缺失或无效，无法确定应报送的月份。",
            en: "Not checked: the contract dates are missing or invalid, so the months due cannot be told.",
          },
        },
      ];
    }
    const table = ctx.table("MonthlyReports");
    const day = ctx.ruleset.reporting.monthlyDueDay;
    const findings: RuleFinding[] = [];
    for (let m = monthIndex(start); m <= monthIndex(end); m += 1) {
      const due = dueDate(m, day);
      if (due >= asOf) break;
      const rows = table.rows.filter((r) => r.v.month === m);
      if (rows.some((r) => typeof r.v.submittedOn === "number")) continue;
      const label = monthLabel(m);
      findings.push({
        severity: "error",
        ...(rows.length ? atCell(table, rows[0], "submittedOn") : atTable(ctx, "MonthlyReports")),
        message: {
          zh: `${label} 月报应于 ${formatSerial(due)} 前报送，截至 ${formatSerial(asOf)} 未见报送记录。`,
          en: `The report for ${label} was due by ${formatSerial(due)} and has not been sent as of ${formatSerial(asOf)}.`,
        },
        figures: { month: label, due: formatSerial(due) },
      });
    }
    return findings;
  },
});
