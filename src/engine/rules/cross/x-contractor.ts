import { defineCrossRule, type CrossRuleFinding } from "../types";
import { countedProjects, label, refTo } from "../_shared/projects";

export default defineCrossRule({
  id: "X-CONTRACTOR",
  area: "cross",
  kind: "cap",
  severities: ["error"],
  clause: "特别提示 1",
  title: { zh: "同一机构承接项目数", en: "Projects per contractor" },
  fix: {
    zh: "请民政局核对该机构承接的项目，超出的项目须调整承接主体。",
    en: "The bureau should review the contractor's projects; the excess ones need another contractor.",
  },
  describe: (rs) => ({
    zh: `同一家社会组织（按统一社会信用代码）最多承接 ${rs.program.maxProjectsPerContractor} 个项目。`,
    en: `One contractor (by unified social credit code) may hold at most ${rs.program.maxProjectsPerContractor} projects.`,
  }),
  check(projects, ruleset) {
    const max = ruleset.program.maxProjectsPerContractor;
    const byUscc = new Map<string, typeof projects>();
    for (const p of countedProjects(projects).counted) {
      if (!p.uscc) continue;
      byUscc.set(p.uscc, [...(byUscc.get(p.uscc) ?? []), p]);
    }
    const findings: CrossRuleFinding[] = [];
    for (const [uscc, list] of byUscc) {
      if (list.length <= max) continue;
      const who = list[0].contractor ?? uscc;
      findings.push({
        severity: "error",
        message: {
          zh: `${who}（${uscc}）承接了 ${list.length} 个项目（${list.map(label).join("、")}），超过最多 ${max} 个的规定。`,
          en: `${who} (${uscc}) holds ${list.length} projects (${list.map(label).join(", ")}), more than the ${max} allowed.`,
        },
        refs: list.map((p) => refTo(p, "ContractorUSCC")),
        figures: { actual: list.length, max },
      });
    }
    return findings;
  },
});
