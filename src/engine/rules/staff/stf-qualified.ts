import { staffEvidence } from "../_shared/evidence";
import { defineRule } from "../types";
import { atTable } from "../_shared/where";
import { isFullTime, onPost, qualifies, staffingDay } from "../_shared/people";

export default defineRule({
  id: "STF-QUALIFIED",
  area: "staff",
  kind: "always",
  severities: ["error"],
  clause: "四.(二).1",
  title: { zh: "持证专职人员", en: "Qualified full-time staff" },
  fix: {
    zh: "至少配备 1 名持初级及以上证书且从业满 2 年的专职人员，并填写证书和从业起始日期。",
    en: "Staff at least one full-time member with a certificate and the required experience, with both entered.",
  },
  describe: (rs) => ({
    zh: `在岗专职人员中至少 ${rs.staff.minQualified} 名持有${rs.staff.qualifiedCertLevel}及以上社会工作者职业资格证书，且本人具有 ${rs.staff.qualifiedYears} 年及以上社会工作从业经历。`,
    en: `At least ${rs.staff.minQualified} full-time staff member holds a social-work certificate of level ${rs.staff.qualifiedCertLevel} or above and, the same person, ${rs.staff.qualifiedYears}+ years of experience.`,
  }),
  needs: ["Staff.employment", "Staff.joined", "Staff.left", "Staff.certLevel", "Staff.careerStart"],
  check(ctx) {
    const { minQualified, qualifiedCertLevel, qualifiedYears } = ctx.ruleset.staff;
    const day = staffingDay(ctx);
    const actual = ctx
      .table("Staff")
      .rows.filter(
        (r) =>
          isFullTime(r) &&
          onPost(r, day) &&
          qualifies(r, qualifiedCertLevel, qualifiedYears, ctx.stage.asOf)
      ).length;
    if (actual >= minQualified) return [];
    return [
      {
        severity: "error",
        ...atTable(ctx, "Staff"),
        message: {
          zh: `在岗专职人员中同时持有${qualifiedCertLevel}及以上证书且从业满 ${qualifiedYears} 年的有 ${actual} 名，至少应有 ${minQualified} 名。`,
          en: `${actual} full-time staff on post hold a certificate of ${qualifiedCertLevel} or above with ${qualifiedYears}+ years of experience; at least ${minQualified} required.`,
        },
        figures: { actual, target: minQualified },
        evidence: staffEvidence(ctx, day, { level: qualifiedCertLevel, years: qualifiedYears }),
      },
    ];
  },
});
