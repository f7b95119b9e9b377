/**
 * The instructions sheet (说明) as data, generated from the same rule catalog and rule set
 * the checks use, so the two can never disagree. Hosts lay it out.
 */
import type { Text } from "../i18n";
import type { RuleSet } from "../rulesets/ruleset";
import { RULES } from "../rules/catalog";
import { AREAS } from "../rules/types";
import { TABLES, INFO_SHEET, REVIEWS_SHEET, REVIEWS } from "../contract/tables";

export interface InstructionRule {
  id: string;
  area: Text;
  title: Text;
  rule: Text;
  severity: Text;
  clause: string;
}

const SEVERITY_TEXT = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
} as const;

export interface Instructions {
  title: Text;
  source: Text;
  steps: Text[];
  sheets: { sheet: string; table: string; en: string }[];
  rules: InstructionRule[];
}

export function instructions(ruleset: RuleSet): Instructions {
  return {
    title: { zh: `${ruleset.title.zh} 项目工作簿`, en: `${ruleset.title.en}: project workbook` },
    source: {
      zh: `依据：${ruleset.source.zh}（规则集 ${ruleset.id}）`,
      en: `Source: ${ruleset.source.en} (rule set ${ruleset.id})`,
    },
    steps: [
      {
        zh: `1. 在「${INFO_SHEET}」表填写项目基本信息；每次报送前更新「报告截止日期」。`,
        en: `1. Fill in the project facts on 项目信息; update the reporting date before each submission.`,
      },
      {
        zh: "2. 在各表格末行下方继续录入即可自动扩展表格；请勿删除或改名表头、工作表。",
        en: "2. Type below the last row of a table to extend it; do not rename or delete headers or sheets.",
      },
      {
        zh: "3. 日期请按 2024-03-05 格式录入，金额与人数录入数字，选项列请从下拉列表选择。",
        en: "3. Enter dates as 2024-03-05, amounts and counts as numbers, and pick options from the drop-down lists.",
      },
      {
        zh: "4. 「预算」表的实际支出、执行率和合计由公式自动计算，请勿手工改写。",
        en: "4. The budget's actual, rate and totals are formulas: do not overwrite them.",
      },
      {
        zh: "5. 报送前可用合规检查工具（Excel 加载项或 fucai 命令）检查，下表列出全部检查规则。",
        en: "5. Before submitting, run the compliance check (Excel add-in or the fucai command); every rule is listed below.",
      },
      {
        zh: `6. 承接机构在「${REVIEWS_SHEET}」表对问题填写情况说明，民政局或评估机构填写处理意见；一般由检查工具写入，请勿改动规则、位置和指纹。`,
        en: `6. On ${REVIEWS_SHEET} the contractor explains findings and the bureau or evaluator decides on them, through the checking tool; do not change rule, location or fingerprint.`,
      },
      {
        zh: "7. 处理意见（认可、不认可、需整改）须同时填写处理理由、处理人和处理日期；已认可的问题仍列出但不计入错误和警告，数字变化后需重新处理。",
        en: "7. A decision (认可 accept, 不认可 reject, 需整改 correct) needs reason, name and date; an accepted finding stays listed but no longer counts, until its figures change.",
      },
    ],
    sheets: [...TABLES, REVIEWS].map((t) => ({ sheet: t.sheet, table: t.name, en: t.en })),
    rules: RULES.map((r) => ({
      id: r.id,
      area: AREAS[r.area],
      title: r.title,
      rule: r.describe(ruleset),
      severity: {
        zh: r.severities.map((s) => SEVERITY_TEXT[s].zh).join(" / "),
        en: r.severities.map((s) => SEVERITY_TEXT[s].en).join(" / "),
      },
      clause: r.clause,
    })),
  };
}
