import { defineRule } from "../types";
import { atTable } from "../_shared/where";
import { isFullTime, onPost, staffingDay } from "../_shared/people";
import { formatSerial } from "../../util/dates";
import { staffEvidence } from "../_shared/evidence";

export default defineRule({
  id: "STF-COUNT",
  area: "staff",
  kind: "always",
  severities: ["error"],
  clause: "四.(二).1",
  title: { zh: "专职人员数量", en: "Full-time staff" },
  fix: {
    zh: "配齐不少于规定人数的专职人员，并填写到岗日期。",
    en: "Staff the project with the required full-time staff and enter their start dates.",
  },
  describe: (rs) => ({
    zh: `报告截止日期（报告晚于合同结束日期的，按合同结束日期）在岗的专职工作人员不少于 ${rs.staff.minFullTime} 名。`,
    en: `At least ${rs.staff.minFullTime} full-time staff on the project on the reporting date (or on the contract end, when the report comes after it).`,
  }),
  needs: ["Staff.employment", "Staff.joined", "Staff.left"],
  check(ctx) {
    const min = ctx.ruleset.staff.minFullTime;
    const asOf = staffingDay(ctx);
    const actual = ctx.table("Staff").rows.filter((r) => isFullTime(r) && onPost(r, asOf)).length;
    if (actual >= min) return [];
    return [
      {
        severity: "error",
        ...atTable(ctx, "Staff"),
        message: {
          zh: `截至 ${formatSerial(asOf)}，在岗专职工作人员 ${actual} 名，少于规定的 ${min} 名。`,
          en: `On ${formatSerial(asOf)} the project has ${actual} full-time staff on post, fewer than the required ${min}.`,
        },
        figures: { actual, target: min },
        evidence: staffEvidence(ctx, asOf),
      },
    ];
  },
});
