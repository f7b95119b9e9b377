import { defineRule, type RuleFinding } from "../types";
import { atCell } from "../_shared/where";
import { repeatedValues } from "../_shared/duplicates";

export default defineRule({
  id: "LED-VOUCHER",
  area: "budget",
  kind: "always",
  severities: ["error", "warning"],
  clause: "五.(三)",
  title: { zh: "凭证号", en: "Voucher number" },
  fix: {
    zh: "按记账凭证填写凭证号，每张凭证只登记一次。",
    en: "Enter each voucher's number once, as on the voucher.",
  },
  describe: () => ({
    zh: "每笔支出应有凭证号（缺失为提示），同一凭证号不得重复使用（错误）。",
    en: "Every payment should carry a voucher number (missing: warning); a number may not be used twice (error).",
  }),
  needs: ["Ledger.voucher"],
  check(ctx) {
    const ledger = ctx.table("Ledger");
    const findings: RuleFinding[] = ledger.rows
      .filter((row) => typeof row.v.voucher !== "string" || !row.v.voucher)
      .map((row) => ({
        severity: "warning" as const,
        ...atCell(ledger, row, "voucher"),
        message: { zh: "凭证号为空。", en: "The voucher number is empty." },
      }));
    findings.push(
      ...repeatedValues(ledger, "voucher", (v, first) => ({
        zh: `凭证号「${v}」与 ${first} 重复。`,
        en: `Voucher number "${v}" is already used at ${first}.`,
      }))
    );
    return findings;
  },
});
