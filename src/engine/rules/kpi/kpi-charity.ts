import { defineRule } from "../types";
import { checkCount, countMeasure, type CountSpec } from "../_shared/count";

const SPEC: CountSpec = {
  table: "CharityResources",
  dateKey: "date",
  sumKey: "value",
  target: (ctx) => ctx.ruleset.targets.charityYuan,
  what: { zh: "链接慈善资源", en: "charity resources linked" },
  label: { zh: "慈善资源", en: "Charity resources" },
  unit: { zh: "元", en: "yuan" },
  noValue: { zh: "折合金额未填写或无法识别", en: "no readable value" },
};

export default defineRule({
  id: "KPI-CHARITY",
  area: "kpi",
  kind: "target",
  severities: ["error", "warning", "info"],
  clause: "特别提示 7",
  title: { zh: "链接慈善资源", en: "Charity resources" },
  fix: {
    zh: "登记链接的慈善资源及其折合金额，并继续链接资源。",
    en: "Record the charity resources linked with their value, and link more.",
  },
  describe: (rs) => ({
    zh: `链接不少于 ${rs.targets.charityYuan.toLocaleString("en-US")} 元的慈善资源用于帮扶辖区困难群众（按折合金额计）。`,
    en: `At least ${rs.targets.charityYuan.toLocaleString("en-US")} yuan of charity resources linked for people in need.`,
  }),
  needs: ["CharityResources.date", "CharityResources.value"],
  check: (ctx) => checkCount(ctx, SPEC),
  measure: (ctx) => countMeasure(ctx, SPEC),
});
