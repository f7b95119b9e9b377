import { defineRule, type RuleFinding } from "../types";
import { atCell } from "../_shared/where";

export default defineRule({
  id: "STF-CERT",
  area: "staff",
  kind: "always",
  severities: ["error"],
  clause: "四.(二).1",
  title: { zh: "人员证书编号", en: "Staff certificate number" },
  describe: () => ({
    zh: "填写了证书等级（非「无」）的工作人员须填写证书编号。",
    en: "A staff member with a certificate level other than 无 needs its certificate number.",
  }),
  needs: ["Staff.certLevel", "Staff.certNumber"],
  check(ctx) {
    const staff = ctx.table("Staff");
    const findings: RuleFinding[] = [];
    for (const row of staff.rows) {
      const level = row.v.certLevel;
      if (typeof level !== "string" || level === "无" || row.v.certNumber) continue;
      findings.push({
        severity: "error",
        ...atCell(staff, row, "certNumber"),
        message: {
          zh: `${row.v.name ?? ""}填写的证书等级为「${level}」，但未填写证书编号。`,
          en: `${row.v.name ?? "This person"} claims a certificate of level ${level} but gives no certificate number.`,
        },
      });
    }
    return findings;
  },
});
