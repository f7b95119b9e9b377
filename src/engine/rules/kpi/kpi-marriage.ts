import { defineRule } from "../types";
import { checkCount, countMeasure, type CountSpec } from "../_shared/count";

const SPEC: CountSpec = {
  table: "FamilyFiles",
  dateKey: "date",
  filter: (r) => r.v.type === "婚嫁新风宣传",
  target: (ctx) => ctx.ruleset.targets.marriageFiles,
  what: { zh: "婚嫁新风“一对一”宣传档案", en: "one-to-one marriage custom files" },
  label: { zh: "婚嫁新风建档", en: "Marriage custom files" },
  unit: { zh: "个", en: "" },
  notQualifying: { zh: "档案类型不是婚嫁新风宣传", en: "Not a marriage custom file" },
};

export default defineRule({
  id: "KPI-MARRIAGE",
  area: "kpi",
  kind: "target",
  severities: ["error", "warning", "info"],
  clause: "特别提示 6",
  title: { zh: "婚嫁新风建档", en: "Marriage custom files" },
  fix: {
    zh: "为办理婚姻登记的新人开展“一对一”宣传并建档登记。",
    en: "Hold one-to-one sessions with newly registered couples and file each.",
  },
  describe: (rs) => ({
    zh: `对办理婚姻登记的新人开展婚嫁新风“一对一”宣传并建档，不少于 ${rs.targets.marriageFiles} 个。`,
    en: `At least ${rs.targets.marriageFiles} one-to-one marriage custom files for newly registered couples.`,
  }),
  needs: ["FamilyFiles.date", "FamilyFiles.type"],
  check: (ctx) => checkCount(ctx, SPEC),
  measure: (ctx) => countMeasure(ctx, SPEC),
});
