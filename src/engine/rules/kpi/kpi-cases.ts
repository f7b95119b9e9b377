import { defineRule } from "../types";
import { checkCount, countMeasure, type CountSpec } from "../_shared/count";

const SPEC: CountSpec = {
  table: "Cases",
  dateKey: "completedOn",
  target: (ctx) => ctx.ruleset.targets.cases,
  what: { zh: "典型案例", en: "typical cases" },
  label: { zh: "典型案例", en: "Typical cases" },
  unit: { zh: "例", en: "" },
};

export default defineRule({
  id: "KPI-CASES",
  area: "kpi",
  kind: "target",
  severities: ["error", "warning", "info"],
  clause: "特别提示 8",
  title: { zh: "典型案例", en: "Typical cases" },
  fix: {
    zh: "按要求整理并登记典型案例（标题、涉及组织、完成日期）。",
    en: "Write up and record the typical cases (title, organisations, completion date).",
  },
  describe: (rs) => ({
    zh: `提炼完成辖区社区社会组织发挥作用典型案例不少于 ${rs.targets.cases} 例。`,
    en: `At least ${rs.targets.cases} typical cases of community organisations at work.`,
  }),
  needs: ["Cases.completedOn"],
  check: (ctx) => checkCount(ctx, SPEC),
  measure: (ctx) => countMeasure(ctx, SPEC),
});
