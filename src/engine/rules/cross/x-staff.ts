import { defineCrossRule, type CrossRuleFinding } from "../types";
import { countedProjects, label } from "../_shared/projects";
import { formatSerial } from "../../util/dates";
import { maskId } from "../../util/text";

type Person = {
  p: import("../types").ProjectFacts;
  s: import("../types").ProjectFacts["staff"][number];
};

function overlap(a: Person["s"], b: Person["s"]): boolean {
  const aStart = a.joined ?? -Infinity;
  const bStart = b.joined ?? -Infinity;
  const aEnd = a.left ?? Infinity;
  const bEnd = b.left ?? Infinity;
  return aStart <= bEnd && bStart <= aEnd;
}

function period(s: Person["s"], lang: "zh" | "en"): string {
  const from = s.joined === null ? "?" : formatSerial(s.joined);
  const to = s.left === null ? (lang === "zh" ? "至今" : "now") : formatSerial(s.left);
  return lang === "zh" ? `${from}～${to}` : `${from} to ${to}`;
}

export default defineCrossRule({
  id: "X-STAFF",
  area: "cross",
  kind: "always",
  severities: ["error"],
  clause: "四.(二).1",
  title: { zh: "专职人员跨项目任职", en: "Full-time staff on two projects" },
  fix: {
    zh: "专职人员只能在一个福彩项目任职：调整人员安排或改为兼职，并核对到岗、离岗日期。",
    en: "A full-time staff member may serve one lottery project: change the assignment or employment, and check the dates.",
  },
  describe: () => ({
    zh: "在一个项目任专职的人员（按身份证号），在任职期间不得同时列为其他项目的工作人员。",
    en: "A person who is full-time staff on one project may not be listed as staff on another project during an overlapping period (matched by ID number).",
  }),
  check(projects) {
    const byId = new Map<string, Person[]>();
    for (const p of countedProjects(projects).counted) {
      for (const s of p.staff) byId.set(s.idNumber, [...(byId.get(s.idNumber) ?? []), { p, s }]);
    }
    const findings: CrossRuleFinding[] = [];
    for (const [id, list] of byId) {
      const seen = new Set<string>();
      for (const a of list) {
        if (!a.s.fullTime) continue;
        for (const b of list) {
          if (b.p === a.p || !overlap(a.s, b.s)) continue;
          const pair = [a.p.file, b.p.file].sort().join("|");
          if (seen.has(pair)) continue;
          seen.add(pair);
          findings.push({
            severity: "error",
            message: {
              zh: `${a.s.name}（${maskId(id)}）是项目 ${label(a.p)} 的专职人员（${period(a.s, "zh")}），同期又列为项目 ${label(b.p)} 的工作人员（${period(b.s, "zh")}）。`,
              en: `${a.s.name} (${maskId(id)}) is full-time on project ${label(a.p)} (${period(a.s, "en")}) and listed as staff on project ${label(b.p)} over the same time (${period(b.s, "en")}).`,
            },
            refs: [
              { file: a.p.file, sheet: a.s.sheet, cell: a.s.cell },
              { file: b.p.file, sheet: b.s.sheet, cell: b.s.cell },
            ],
          });
        }
      }
    }
    return findings;
  },
});
