import { defineRule } from "../types";
import { checkCount, countMeasure, type CountSpec } from "../_shared/count";

const SPEC: CountSpec = {
  table: "FamilyFiles",
  dateKey: "date",
  filter: (r) => r.v.type === "婚姻家庭辅导",
  target: (ctx) => ctx.ruleset.targets.familyFiles,
  what: { zh: "婚姻家庭辅导档案", en: "family counselling files" },
  label: { zh: "婚姻家庭辅导建档", en: "Family counselling files" },
  unit: { zh: "个", en: "" },
  notQualifying: { zh: "档案类型不是婚姻家庭辅导", en: "Not a family-counselling file" },
};

export default defineRule({
  id: "KPI-FAMILY",
  area: "kpi",
  kind: "target",
  severities: ["error", "warning", "info"],
  clause: "特别提示 6",
  title: { zh: "婚姻家庭辅导建档", en: "Family counselling files" },
  fix: {
    zh: "为婚姻家庭辅导对象建档并登记，确保档案编号唯一。",
    en: "File and record each family-counselling case, each with its own number.",
  },
  describe: (rs) => ({
    zh: `为有需要的当事人提供婚姻家庭辅导服务并建档，不少于 ${rs.targets.familyFiles} 个。`,
    en: `At least ${rs.targets.familyFiles} family counselling files.`,
  }),
  needs: ["FamilyFiles.date", "FamilyFiles.type"],
  check: (ctx) => checkCount(ctx, SPEC),
  measure: (ctx) => countMeasure(ctx, SPEC),
});
