import { defineRule, type RuleFinding } from "../types";
import { templateFormulaCells } from "../_shared/template-cells";
import { cellKey, sameValue } from "../../formulas/evaluate";
import { a1 } from "../../util/address";
import { isErrorValue, type CellScalar } from "../../model";

function show(v: CellScalar): string {
  if (v === null) return "空";
  if (isErrorValue(v)) return v.error;
  if (typeof v === "number") return String(Math.round(v * 10000) / 10000);
  return String(v);
}

/** A formula as a message quotes it: a long one cut after 120 characters (Excel allows 8,192). */
function formulaShown(f: string): string {
  return f.length > 120 ? `${f.slice(0, 120)}…` : f;
}

export default defineRule({
  id: "WB-FORMULA",
  area: "data",
  kind: "always",
  severities: ["error"],
  clause: "工作簿约定",
  title: { zh: "模板公式", en: "Template formulas" },
  fix: {
    zh: "从标准模板复制该单元格的公式，保存前让 Excel 重新计算。",
    en: "Copy the cell's formula back from the template and let Excel recalculate before saving.",
  },
  describe: () => ({
    zh: "预算表「实际支出」「执行率」及合计行为模板公式，不得改为常量；单元格显示的值须与按 Excel 规则重新计算的结果一致。",
    en: "The budget's actual, rate and totals cells are template formulas: they may not be replaced by constants, and their stored values must match a recalculation with Excel semantics.",
  }),
  needs: ["Budget"],
  check(ctx) {
    const cells = templateFormulaCells(ctx);
    const findings: RuleFinding[] = [];
    const withFormula = cells.filter((c) => c.cell?.f);
    const results = ctx.recalculate(withFormula);
    for (const c of cells) {
      const at = { sheet: c.sheet, cell: a1(c.row, c.col) };
      if (!c.cell?.f) {
        findings.push({
          severity: "error",
          ...at,
          message: {
            zh: `此处应为模板公式，现为常量「${show(c.cell?.v ?? null)}」，不会随台账更新；请从标准模板恢复公式。`,
            en: `This cell should hold the template formula but holds the constant "${show(c.cell?.v ?? null)}", which will not follow the ledger; restore the formula from the template.`,
          },
        });
        continue;
      }
      const result = results.get(cellKey(c))!;
      if (!result.ok) {
        findings.push({
          severity: "error",
          ...at,
          message: {
            zh: `公式 =${formulaShown(c.cell.f)} 无法重新计算：${result.reason.zh}。`,
            en: `Formula =${formulaShown(c.cell.f)} cannot be recalculated: ${result.reason.en}.`,
          },
        });
        continue;
      }
      if (!sameValue(c.cell.v, result.value)) {
        findings.push({
          severity: "error",
          ...at,
          message: {
            zh: `单元格显示 ${show(c.cell.v)}，按公式重新计算应为 ${show(result.value)}；文件保存时未重新计算或公式结果被改动。`,
            en: `The cell shows ${show(c.cell.v)} but its formula recalculates to ${show(result.value)}; the file was saved without recalculation or the result was altered.`,
          },
          figures: { shown: show(c.cell.v), recalculated: show(result.value) },
        });
      }
    }
    return findings;
  },
});
