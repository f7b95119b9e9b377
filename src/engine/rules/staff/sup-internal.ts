import { tableEvidence } from "../_shared/evidence";
import { REASONS } from "../../evidence";
import { defineRule } from "../types";
import { atTable } from "../_shared/where";

export default defineRule({
  id: "SUP-INTERNAL",
  area: "staff",
  kind: "always",
  severities: ["error"],
  clause: "五.(一)",
  title: { zh: "内部督导", en: "Internal supervisor" },
  fix: {
    zh: "指定至少 1 名内部督导并登记。",
    en: "Name at least one internal supervisor and record them.",
  },
  describe: (rs) => ({
    zh: `项目须配备至少 ${rs.supervision.minInternal} 名内部督导。`,
    en: `The project needs at least ${rs.supervision.minInternal} internal supervisor.`,
  }),
  needs: ["Supervisors.kind"],
  check(ctx) {
    const min = ctx.ruleset.supervision.minInternal;
    const actual = ctx.table("Supervisors").rows.filter((r) => r.v.kind === "内部").length;
    if (actual >= min) return [];
    return [
      {
        severity: "error",
        ...atTable(ctx, "Supervisors"),
        message: {
          zh: `内部督导 ${actual} 名，至少应配备 ${min} 名。`,
          en: `${actual} internal supervisors; at least ${min} required.`,
        },
        figures: { actual, target: min },
        evidence: tableEvidence(ctx.table("Supervisors"), (r) =>
          r.v.kind === "内部" ? { counted: true } : { counted: false, reason: REASONS.notInternal }
        ),
      },
    ];
  },
});
