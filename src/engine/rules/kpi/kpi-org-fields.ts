import { defineRule } from "../types";
import { atTable } from "../_shared/where";
import { newOrgs, ORG_NEEDS } from "../_shared/kpi";

export default defineRule({
  id: "KPI-ORG-FIELDS",
  area: "kpi",
  kind: "target",
  severities: ["warning", "info"],
  clause: "四.(一).2",
  title: { zh: "重点培育领域", en: "Focus fields" },
  fix: {
    zh: "在未覆盖的重点领域培育社区社会组织，并完成乡镇备案。",
    en: "Cultivate and file organisations in the focus fields not yet covered.",
  },
  describe: (rs) => ({
    zh: `${rs.targets.focusFields.join("、")}四个重点领域各至少有 1 家有效培育的社区社会组织（末期未覆盖为警告，中期为提示）。`,
    en: `Each focus field (${rs.targets.focusFields.join(", ")}) has at least one effectively cultivated organisation (warning at the end, info before).`,
  }),
  needs: [...ORG_NEEDS, "CommunityOrgs.field"],
  check(ctx) {
    const covered = new Set(
      newOrgs(ctx)
        .filter((o) => o.effective)
        .map((o) => o.row.v.field as string)
    );
    const fields = ctx.ruleset.targets.focusFields;
    const missing = fields.filter((f) => !covered.has(f));
    if (!missing.length) return [];
    return [
      {
        severity: ctx.stage.kind === "final" ? "warning" : "info",
        ...atTable(ctx, "CommunityOrgs"),
        message: {
          zh: `重点领域「${missing.join("、")}」尚无有效培育的社区社会组织（已覆盖 ${fields.length - missing.length}/${fields.length} 个领域）。`,
          en: `No effectively cultivated organisation yet in: ${missing.join(", ")} (${fields.length - missing.length} of ${fields.length} fields covered).`,
        },
        figures: {
          actual: fields.length - missing.length,
          target: fields.length,
          missing: missing.join("、"),
        },
      },
    ];
  },
});
