import { defineRule, type RuleContext } from "../types";
import { atTable } from "../_shared/where";
import { professionalActivities, professionalEvidence } from "../_shared/kpi";
import { targetVerdict } from "../_shared/target";

const WHAT = { zh: "专业服务活动受益群众", en: "beneficiaries of professional services" };
const UNIT = { zh: "人", en: "" };

function beneficiaries(ctx: RuleContext) {
  const { counted, excluded } = professionalActivities(ctx);
  let actual = 0;
  for (const r of counted) if (typeof r.v.beneficiaries === "number") actual += r.v.beneficiaries;
  return { actual, excluded };
}

export default defineRule({
  id: "KPI-BENEFICIARIES",
  area: "kpi",
  kind: "target",
  severities: ["error", "warning", "info"],
  clause: "特别提示 3",
  title: { zh: "受益群众人数", en: "Beneficiaries" },
  fix: {
    zh: "如实登记每场专业服务活动的受益人数，并按计划开展后续活动。",
    en: "Record each professional activity's beneficiaries and hold the planned activities.",
  },
  describe: (rs) => ({
    zh: `专业服务活动受益群众不少于 ${rs.targets.beneficiaries} 人（各活动受益人数之和）。`,
    en: `At least ${rs.targets.beneficiaries} beneficiaries of the professional service activities (sum of people served).`,
  }),
  needs: ["Activities.type", "Activities.host", "Activities.date", "Activities.beneficiaries"],
  check(ctx) {
    const { actual, excluded } = beneficiaries(ctx);
    return targetVerdict(ctx, {
      actual,
      target: ctx.ruleset.targets.beneficiaries,
      what: WHAT,
      unit: UNIT,
      at: atTable(ctx, "Activities"),
      excluded,
      evidence: professionalEvidence(ctx, true),
    });
  },
  measure: (ctx) => [
    {
      label: { zh: "受益群众", en: "Beneficiaries" },
      unit: UNIT,
      actual: beneficiaries(ctx).actual,
      target: ctx.ruleset.targets.beneficiaries,
    },
  ],
});
