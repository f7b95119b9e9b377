import { defineRule } from "../types";
import { atCell } from "../_shared/where";
import { missingCertNumbers } from "../_shared/people";

export default defineRule({
  id: "SUP-CERT",
  area: "staff",
  kind: "always",
  severities: ["error"],
  clause: "五.(一)",
  title: { zh: "督导证书编号", en: "Supervisor certificate number" },
  fix: {
    zh: "按证书填写督导的证书编号；没有证书的，证书等级选“无”。",
    en: "Enter the supervisor's certificate number; without one, choose 无 as the level.",
  },
  describe: () => ({
    zh: "填写了证书等级（非「无」）的督导须填写证书编号。",
    en: "A supervisor with a certificate level other than 无 needs its certificate number.",
  }),
  needs: ["Supervisors.certLevel", "Supervisors.certNumber"],
  check(ctx) {
    const table = ctx.table("Supervisors");
    return missingCertNumbers(table).map((row) => ({
      severity: "error" as const,
      ...atCell(table, row, "certNumber"),
      message: {
        zh: `督导${row.v.name ?? ""}填写的证书等级为「${row.v.certLevel}」，但未填写证书编号。`,
        en: `Supervisor ${row.v.name ?? ""} claims a certificate of level ${row.v.certLevel} but gives no certificate number.`,
      },
    }));
  },
});
