import { fill } from "../../i18n";
import { defineRule, type RuleFinding } from "../types";
import { atCell, emptyText } from "../_shared/where";
import { cellText } from "../../util/text";

/**
 * Words in 摘要 that mark a negative row as a refund or a reversal: 退款, 退货, 退回, 退费 …
 * (any 退), 冲减, 冲销, 冲红, 红冲, 冲正, 冲账 …, 返还, 收回, 更正 (not 冲印, photo printing).
 */
const REFUND_WORDS =
  /退|冲(?!印|洗)|红字|返还|返回|收回|回收|更正|refund|return|revers|credit note/i;

export default defineRule({
  id: "LED-AMOUNT",
  area: "budget",
  kind: "always",
  severities: ["error", "warning"],
  clause: "五.(三)",
  title: { zh: "支出金额", en: "Ledger amount" },
  fix: {
    zh: "填写大于 0 的实际金额；退款填负数并在摘要中写明“退款”或“冲减”。",
    en: "Enter the real amount above 0; enter a refund as a negative amount and say so in the description.",
  },
  describe: () => ({
    zh: "支出金额须为大于 0 的数字；为空、无法识别或为 0 是错误；负数（退款）须在摘要中注明，否则提示。",
    en: "Amounts must be numbers above 0: empty, unreadable or zero is an error; a negative amount (refund) must say so in its description, else a warning.",
  }),
  needs: ["Ledger.amount"],
  check(ctx) {
    const ledger = ctx.table("Ledger");
    const findings: RuleFinding[] = [];
    const col = ledger.loc.columns.amount;
    for (const row of ledger.rows) {
      const amount = row.v.amount;
      const at = atCell(ledger, row, "amount");
      if (amount === null) {
        const raw = cellText(ledger.loc.sheet.rows[row.row]?.[col]?.v);
        findings.push({
          severity: "error",
          ...at,
          message: row.unreadable?.has("amount")
            ? {
                zh: `金额「${raw}」无法识别为数字。`,
                en: `Amount "${raw}" cannot be read as a number.`,
              }
            : emptyText({ zh: "金额", en: "The amount" }, raw),
        });
      } else if (amount === 0) {
        findings.push({
          severity: "error",
          ...at,
          message: {
            zh: "金额为 0，请删除此行或填写实际金额。",
            en: "The amount is 0; delete the row or enter the real amount.",
          },
        });
      } else if (
        typeof amount === "number" &&
        amount < 0 &&
        !REFUND_WORDS.test(String(row.v.summary ?? ""))
      ) {
        findings.push({
          severity: "warning",
          ...at,
          message: {
            zh: fill("金额为负数 {amount} 元，但摘要未注明退款或冲减。", { amount }),
            en: fill(
              "The amount is negative ({amount} yuan) but the description does not say it is a refund.",
              { amount }
            ),
          },
          figures: { amount },
        });
      }
    }
    return findings;
  },
});
