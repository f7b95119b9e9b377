import { defineRule, type RuleContext } from "../types";
import { atTable } from "../_shared/where";
import { newOrgs, orgActivitiesLeftOut, orgEvidence, ORG_NEEDS } from "../_shared/kpi";
import { targetVerdict } from "../_shared/target";

const WHAT = { zh: "有效培育的社区社会组织", en: "effectively cultivated community organisations" };
const UNIT = { zh: "家", en: "" };

function figures(ctx: RuleContext) {
  const orgs = newOrgs(ctx);
  return {
    actual: orgs.filter((o) => o.effective).length,
    declared: orgs.length,
    filed: orgs.filter((o) => o.filed).length,
    excluded: orgs.filter((o) => o.outOfPeriod).length,
  };
}

export default defineRule({
  id: "KPI-ORGS",
  area: "kpi",
  kind: "target",
  severities: ["error", "warning", "info"],
  clause: "四.(一).2；特别提示 2",
  title: { zh: "新培育社区社会组织", en: "Community organisations cultivated" },
  fix: {
    zh: "帮助新培育的组织在项目期内完成乡镇备案（填写备案日期和编号），并各开展不少于规定场次的社区服务活动。",
    en: "Help each new organisation file with the township (date and number) and hold its community service activities.",
  },
  describe: (rs) => ({
    zh: `新培育社区社会组织不少于 ${rs.targets.orgs} 家；须在项目期内完成乡镇备案（有备案编号）并开展不少于 ${rs.targets.orgActivities} 场社区服务活动，方视为有效培育。`,
    en: `At least ${rs.targets.orgs} newly cultivated organisations, each filed with the township during the project and hosting ${rs.targets.orgActivities}+ community service activities.`,
  }),
  needs: ORG_NEEDS,
  check(ctx) {
    const { actual, declared, filed, excluded } = figures(ctx);
    const at = atTable(ctx, "CommunityOrgs");
    const findings = targetVerdict(ctx, {
      actual,
      target: ctx.ruleset.targets.orgs,
      what: WHAT,
      unit: UNIT,
      at,
      figures: { declared, filed },
      evidence: orgEvidence(ctx),
    });
    if (excluded)
      findings.push({
        severity: "info",
        ...at,
        message: {
          zh: `有 ${excluded} 家组织的乡镇备案日期早于合同开始日期、晚于报告截止日期或未填写，未计入${WHAT.zh}。`,
          en: `${excluded} organisations were filed before the contract start, after the reporting date, or without a filing date, and were not counted as ${WHAT.en}.`,
        },
        figures: { excluded },
      });
    const activities = orgActivitiesLeftOut(ctx);
    if (activities)
      findings.push({
        severity: "info",
        ...atTable(ctx, "Activities"),
        message: {
          zh: `有 ${activities} 场社区社会组织开展的社区服务活动日期为空、早于合同开始日期或晚于报告截止日期，未计入组织的活动场次。`,
          en: `${activities} community service activities of organisations have no date, or are dated before the contract start or after the reporting date, and do not count toward the organisations' activities.`,
        },
        figures: { excluded: activities },
      });
    return findings;
  },
  measure: (ctx) => [
    {
      label: { zh: "有效培育组织", en: "Organisations cultivated" },
      unit: UNIT,
      actual: figures(ctx).actual,
      target: ctx.ruleset.targets.orgs,
    },
  ],
});
