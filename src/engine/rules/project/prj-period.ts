import { defineRule, type RuleFinding } from "../types";
import { atName } from "../_shared/where";
import { termEnd } from "../../stage";
import { formatSerial } from "../../util/dates";
import { cellText } from "../../util/text";
import type { NameKey } from "../../contract/tables";

export default defineRule({
  id: "PRJ-PERIOD",
  area: "data",
  kind: "always",
  severities: ["error"],
  clause: "二",
  title: { zh: "项目期限", en: "Contract period" },
  fix: {
    zh: "按合同填写开始、结束日期，项目期限不得超过规定期限。",
    en: "Enter the contract's start and end dates; the term may not exceed the limit.",
  },
  describe: (rs) => ({
    zh: `合同开始、结束日期须填写，结束日期不早于开始日期，项目期限不超过 ${rs.project.termMonths} 个月。`,
    en: `Contract start and end dates are required, the end may not precede the start, and the term may not exceed ${rs.project.termMonths} months.`,
  }),
  needs: ["name:ContractStart", "name:ContractEnd"],
  check(ctx) {
    const findings: RuleFinding[] = [];
    const dates: Partial<Record<NameKey, number>> = {};
    for (const key of ["ContractStart", "ContractEnd"] as const) {
      const named = ctx.named(key)!;
      if (typeof named.value === "number") {
        dates[key] = named.value;
        continue;
      }
      const raw = cellText(named.raw);
      const label =
        key === "ContractStart"
          ? { zh: "合同开始日期", en: "Contract start" }
          : { zh: "合同结束日期", en: "Contract end" };
      findings.push({
        severity: "error",
        ...atName(ctx, key),
        message: raw
          ? {
              zh: `${label.zh}「${raw}」无法识别为日期。`,
              en: `${label.en} "${raw}" cannot be read as a date.`,
            }
          : { zh: `${label.zh}为空。`, en: `${label.en} is empty.` },
      });
    }
    const { ContractStart: start, ContractEnd: end } = dates;
    if (start === undefined || end === undefined) return findings;
    if (end < start) {
      findings.push({
        severity: "error",
        ...atName(ctx, "ContractEnd"),
        message: {
          zh: `合同结束日期 ${formatSerial(end)} 早于开始日期 ${formatSerial(start)}。`,
          en: `Contract end ${formatSerial(end)} is before its start ${formatSerial(start)}.`,
        },
      });
      return findings;
    }
    const months = ctx.ruleset.project.termMonths;
    const latest = termEnd(start, months);
    if (end > latest) {
      findings.push({
        severity: "error",
        ...atName(ctx, "ContractEnd"),
        message: {
          zh: `项目期限超过 ${months} 个月：开始日期 ${formatSerial(start)}，结束日期最晚应为 ${formatSerial(latest)}，实际为 ${formatSerial(end)}。`,
          en: `The term exceeds ${months} months: from ${formatSerial(start)} it must end by ${formatSerial(latest)}, not ${formatSerial(end)}.`,
        },
        figures: { latest: formatSerial(latest), end: formatSerial(end) },
      });
    }
    return findings;
  },
});
