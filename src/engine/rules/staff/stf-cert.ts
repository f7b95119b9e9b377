import { defineRule } from "../types";
import { atCell } from "../_shared/where";
import { missingCertNumbers } from "../_shared/people";

export default defineRule({
  id: "STF-CERT",
  area: "staff",
  kind: "always",
  severities: ["error"],
  clause: "四.(二).1",
  title: { zh: "人员证书编号", en: "Staff certificate number" },
  fix: {
    zh: "按证书填写证书编号；没有证书的，证书等级选“无”。",
    en: "Enter the certificate number from the certificate; without one, choose 无 as the level.",
  },
  describe: () => ({
    zh: "填写了证书等级（非「无」）的工作人员须填写证书编号。",
    en: "A staff member with a certificate level other than 无 needs its certificate number.",
  }),
  needs: ["Staff.certLevel", "Staff.certNumber"],
  check(ctx) {
    const table = ctx.table("Staff");
    return missingCertNumbers(table).map((row) => ({
      severity: "error" as const,
      ...atCell(table, row, "certNumber"),
      message: {
        zh: `${row.v.name ?? ""}填写的证书等级为「${row.v.certLevel}」，但未填写证书编号。`,
        en: `${row.v.name ?? "This person"} claims a certificate of level ${row.v.certLevel} but gives no certificate number.`,
      },
    }));
  },
});
