import { defineRule } from "../types";
import { atTable } from "../_shared/where";
import { professionalActivities, professionalEvidence } from "../_shared/kpi";
import { targetVerdict } from "../_shared/target";

const WHAT = { zh: "专业服务活动", en: "professional service activities" };
const UNIT = { zh: "场", en: "" };

export default defineRule({
  id: "KPI-SERVICES",
  area: "kpi",
  kind: "target",
  severities: ["error", "warning", "info"],
  clause: "特别提示 3",
  title: { zh: "专业服务活动场次", en: "Professional service activities" },
  fix: {
    zh: "按计划开展个案、小组、社区活动等专业服务并逐场登记。",
    en: "Hold the planned casework, group and community activities and record each.",
  },
  describe: (rs) => ({
    zh: `承接机构开展专业服务活动（个案、小组、社区活动）不少于 ${rs.targets.services} 场次。`,
    en: `At least ${rs.targets.services} professional service activities (casework, groups, community events) by the contractor.`,
  }),
  needs: ["Activities.type", "Activities.host", "Activities.date"],
  check(ctx) {
    const { counted, excluded } = professionalActivities(ctx);
    return targetVerdict(ctx, {
      actual: counted.length,
      target: ctx.ruleset.targets.services,
      what: WHAT,
      unit: UNIT,
      at: atTable(ctx, "Activities"),
      excluded,
      evidence: professionalEvidence(ctx),
    });
  },
  measure: (ctx) => [
    {
      label: { zh: "专业服务活动", en: "Service activities" },
      unit: UNIT,
      actual: professionalActivities(ctx).counted.length,
      target: ctx.ruleset.targets.services,
    },
  ],
});
