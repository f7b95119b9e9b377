import { fill } from "../../i18n";
import { defineCrossRule, type CrossRuleFinding } from "../types";
import { countedProjects, label, refTo } from "../_shared/projects";
import { formatSerial } from "../../util/dates";

export default defineCrossRule({
  id: "X-PROGRAM",
  area: "cross",
  kind: "cap",
  severities: ["error", "info"],
  clause: "三.1；二",
  title: { zh: "项目资金总盘子与实施地点", en: "Program fund and sites" },
  fix: {
    zh: "请民政局核对各项目合同金额与实施地点，调整超出资金总额或同一地点重复的项目。",
    en: "The bureau should review contract amounts and sites and adjust the projects over the fund or sharing a site.",
  },
  describe: (rs) => ({
    zh: `各项目合同金额合计不得超过 ${rs.program.totalFund.toLocaleString("en-US")} 元；每个实施地点至多 ${rs.program.maxProjectsPerSite} 个项目。同一项目编号有多份报送时，以报告截止日期较晚者为准。`,
    en: `Contract amounts together may not exceed ${rs.program.totalFund.toLocaleString("en-US")} yuan, and a site may have at most ${rs.program.maxProjectsPerSite} project; of several submissions of one project the later one counts.`,
  }),
  check(projects, ruleset) {
    const { counted, setAside } = countedProjects(projects);
    const findings: CrossRuleFinding[] = [];
    for (const { kept, dropped } of setAside) {
      findings.push({
        severity: "info",
        message: {
          zh: `项目 ${label(kept)} 有多份报送：采用 ${kept.file}（截至 ${formatSerial(kept.asOf)}），${dropped.file}（截至 ${formatSerial(dropped.asOf)}）不计入跨项目检查。`,
          en: `Project ${label(kept)} was submitted more than once: ${kept.file} (as of ${formatSerial(kept.asOf)}) counts and ${dropped.file} (as of ${formatSerial(dropped.asOf)}) was set aside.`,
        },
        refs: [refTo(kept, "ProjectCode"), refTo(dropped, "ProjectCode")],
      });
    }
    const fund = ruleset.program.totalFund;
    let sum = 0;
    for (const p of counted) sum += p.amount ?? 0;
    if (sum > fund) {
      findings.push({
        severity: "error",
        scope: "program",
        message: {
          zh: fill("{count} 个项目合同金额合计 {sum} 元，超过项目资金总额 {fund} 元。", {
            count: counted.length,
            sum,
            fund,
          }),
          en: fill(
            "The {count} projects' contract amounts total {sum} yuan, above the program fund of {fund} yuan.",
            { count: counted.length, sum, fund }
          ),
        },
        refs: counted.map((p) => refTo(p, "ContractAmount")),
        figures: { actual: sum, cap: fund },
      });
    }
    const bySite = new Map<string, typeof counted>();
    for (const p of counted)
      if (p.township) bySite.set(p.township, [...(bySite.get(p.township) ?? []), p]);
    const max = ruleset.program.maxProjectsPerSite;
    for (const [site, list] of bySite) {
      if (list.length <= max) continue;
      findings.push({
        severity: "error",
        message: {
          zh: `实施地点「${site}」有 ${list.length} 个项目（${list.map(label).join("、")}），每个地点至多 ${max} 个。`,
          en: `Township ${site} has ${list.length} projects (${list.map(label).join(", ")}); at most ${max} allowed.`,
        },
        refs: list.map((p) => refTo(p, "Township")),
        figures: { actual: list.length, max },
      });
    }
    return findings;
  },
});
