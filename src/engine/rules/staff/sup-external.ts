import { defineRule } from "../types";
import { atCell, atTable } from "../_shared/where";
import { qualifies, yearsOfExperience } from "../_shared/people";
import { certAtLeast } from "../../contract/enums";

export default defineRule({
  id: "SUP-EXTERNAL",
  area: "staff",
  kind: "always",
  severities: ["error"],
  clause: "五.(一)",
  title: { zh: "外部督导资质", en: "Qualified external supervisor" },
  fix: {
    zh: "聘请持中级及以上证书、从业满 2 年的外部督导，并完整登记。",
    en: "Engage an external supervisor with the required certificate and experience, and record them.",
  },
  describe: (rs) => ({
    zh: `项目须配备至少 ${rs.supervision.minExternal} 名外部督导，持有${rs.supervision.externalCertLevel}及以上社会工作职业资格证书，且具有 ${rs.supervision.externalYears} 年及以上社会工作从业经历。`,
    en: `At least ${rs.supervision.minExternal} external supervisor with a certificate of ${rs.supervision.externalCertLevel} or above and ${rs.supervision.externalYears}+ years of experience.`,
  }),
  needs: ["Supervisors.kind", "Supervisors.certLevel", "Supervisors.careerStart"],
  check(ctx) {
    const { minExternal, externalCertLevel, externalYears } = ctx.ruleset.supervision;
    const asOf = ctx.stage.asOf;
    const table = ctx.table("Supervisors");
    const external = table.rows.filter((r) => r.v.kind === "外部");
    const qualified = external.filter((r) => qualifies(r, externalCertLevel, externalYears, asOf));
    if (qualified.length >= minExternal) return [];
    if (external.length === 0) {
      return [
        {
          severity: "error",
          ...atTable(ctx, "Supervisors"),
          message: { zh: "未配备外部督导。", en: "There is no external supervisor." },
          figures: { actual: 0, target: minExternal },
        },
      ];
    }
    // Point at what keeps each external supervisor from qualifying.
    return external.map((r) => {
      const certOk = certAtLeast(r.v.certLevel as string | null, externalCertLevel);
      const years = yearsOfExperience(r, asOf);
      return {
        severity: "error" as const,
        ...atCell(table, r, certOk ? "careerStart" : "certLevel"),
        message: certOk
          ? {
              zh: `外部督导${r.v.name ?? ""}社会工作从业经历 ${years} 年，不足 ${externalYears} 年。`,
              en: `External supervisor ${r.v.name ?? ""} has ${years} years of social-work experience, fewer than ${externalYears}.`,
            }
          : {
              zh: `外部督导${r.v.name ?? ""}的证书等级为「${r.v.certLevel ?? "空"}」，须为${externalCertLevel}及以上。`,
              en: `External supervisor ${r.v.name ?? ""} holds level "${r.v.certLevel ?? "none"}"; ${externalCertLevel} or above is required.`,
            },
        figures: { years, target: externalYears },
      };
    });
  },
});
