/**
 * The table Reviews on sheet 审核意见 (review-cycle.md section 2): explanations and decisions
 * on findings. Optional and not project data: kept apart from TABLES (tables.ts), so nothing
 * that walks the project's tables sees it.
 */
import type { FieldDef, FieldType, TableDef } from "./tables";

const f = (
  key: string,
  header: string,
  en: string,
  type: FieldType,
  extra: Partial<FieldDef> = {}
): FieldDef => ({ key, header, en, type, ...extra });

export const REVIEWS_SHEET = "审核意见";

export const REVIEWS: TableDef<"Reviews"> = {
  name: "Reviews",
  sheet: REVIEWS_SHEET,
  en: "Explanations and decisions on findings",
  // A row without a fingerprint may be a repeated header row.
  rowKeys: ["fingerprint"],
  fields: [
    f("rule", "规则", "Rule", "text", { aliases: ["规则编号", "规则ID"], width: 13 }),
    f("location", "位置", "Location", "text", { aliases: ["单元格", "问题位置"], width: 16 }),
    // For people only, never matched: a blank one harms nothing.
    f("summary", "问题摘要", "Finding", "text", {
      optional: true,
      aliases: ["问题", "问题说明", "问题描述"],
      width: 30,
    }),
    f("fingerprint", "指纹", "Fingerprint", "text", { aliases: ["指纹码", "问题指纹"], width: 19 }),
    f("explanation", "情况说明", "Explanation", "text", { optional: true, width: 30 }),
    f("decision", "处理意见", "Decision", "enum", {
      enumKey: "reviewDecision",
      optional: true,
      aliases: ["审核意见", "审核结论"],
      width: 11,
    }),
    f("reason", "处理理由", "Reason", "text", {
      optional: true,
      requiredWith: "decision",
      aliases: ["理由", "审核理由"],
      width: 26,
    }),
    f("reviewer", "处理人", "Reviewer", "text", {
      optional: true,
      requiredWith: "decision",
      aliases: ["审核人"],
      width: 10,
    }),
    f("decidedOn", "处理日期", "Decided on", "date", {
      optional: true,
      requiredWith: "decision",
      aliases: ["审核日期"],
      width: 12,
    }),
  ],
};
