import { defineRule, type RuleFinding } from "../types";
import { atCell } from "../_shared/where";
import { cellText } from "../../util/text";
import { emptyText } from "../_shared/where";
import { formatSerial } from "../../util/dates";

export default defineRule({
  id: "LED-DATE",
  area: "budget",
  kind: "always",
  severities: ["error"],
  clause: "二",
  title: { zh: "支出日期", en: "Ledger date" },
  fix: {
    zh: "按凭证填写实际支付日期，须在合同期内且不晚于报告截止日期。",
    en: "Enter the payment date from the voucher, within the contract and not after the reporting date.",
  },
  describe: () => ({
    zh: "支出日期不得为空，须在合同期内，且不晚于报告截止日期。",
    en: "Every payment needs a date within the contract period and no later than the reporting date.",
  }),
  needs: ["Ledger.date"],
  check(ctx) {
    const ledger = ctx.table("Ledger");
    const findings: RuleFinding[] = [];
    const col = ledger.loc.columns.date;
    const { start, end, asOf } = ctx.stage;
    for (const row of ledger.rows) {
      const date = row.v.date;
      const at = atCell(ledger, row, "date");
      if (typeof date !== "number") {
        const raw = cellText(ledger.loc.sheet.rows[row.row]?.[col]?.v);
        findings.push({
          severity: "error",
          ...at,
          message: row.unreadable?.has("date")
            ? { zh: `日期「${raw}」无法识别。`, en: `Date "${raw}" cannot be read.` }
            : emptyText({ zh: "支出日期", en: "The payment date" }, raw),
        });
        continue;
      }
      const d = formatSerial(date);
      if (start !== null && end !== null && (date < start || date > end)) {
        findings.push({
          severity: "error",
          ...at,
          message: {
            zh: `支出日期 ${d} 不在合同期 ${formatSerial(start)} 至 ${formatSerial(end)} 内。`,
            en: `Payment date ${d} is outside the contract period ${formatSerial(start)} to ${formatSerial(end)}.`,
          },
        });
      } else if (date > asOf) {
        findings.push({
          severity: "error",
          ...at,
          message: {
            zh: `支出日期 ${d} 晚于报告截止日期 ${formatSerial(asOf)}。`,
            en: `Payment date ${d} is after the reporting date ${formatSerial(asOf)}.`,
          },
        });
      }
    }
    return findings;
  },
});
