import { defineRule, type RuleFinding } from "../types";
import { atCell } from "../_shared/where";
import { isFullTime } from "../_shared/people";

export default defineRule({
  id: "STF-EXCLUSIVE",
  area: "staff",
  kind: "always",
  severities: ["error"],
  clause: "四.(二).1",
  title: { zh: "专职人员不得兼任", en: "Full-time staff not shared" },
  fix: {
    zh: "专职人员不得兼任其他福彩项目：调整岗位或改为兼职；确无兼任的，该栏留空。",
    en: "Full-time staff may not work on another lottery project: change the post, or leave the cell empty if there is none.",
  },
  describe: () => ({
    zh: "同一专职人员不得兼任地区范围内其他地区本级福彩公益金支持项目的工作人员。",
    en: "A full-time staff member may not also work on another prefecture-funded lottery project.",
  }),
  needs: ["Staff.employment", "Staff.otherProject"],
  check(ctx) {
    const staff = ctx.table("Staff");
    const findings: RuleFinding[] = [];
    for (const row of staff.rows) {
      if (!isFullTime(row) || !row.v.otherProject) continue;
      findings.push({
        severity: "error",
        ...atCell(staff, row, "otherProject"),
        message: {
          zh: `专职人员${row.v.name ?? ""}同时兼任「${row.v.otherProject}」，违反专职不得兼任的规定。`,
          en: `Full-time staff member ${row.v.name ?? ""} also works on "${row.v.otherProject}", which the plan forbids.`,
        },
      });
    }
    return findings;
  },
});
