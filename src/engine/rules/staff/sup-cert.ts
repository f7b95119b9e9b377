import { defineRule, type RuleFinding } from "../types";
import { atCell } from "../_shared/where";

export default defineRule({
  id: "SUP-CERT",
  area: "staff",
  kind: "always",
  severities: ["error"],
  clause: "五.(一)",
  title: { zh: "督导证书编号", en: "Supervisor certificate number" },
  describe: () => ({
    zh: "填写了证书等级（非「无」）的督导须填写证书编号。",
    en: "A supervisor with a certificate level other than 无 needs its certificate number.",
  }),
  needs: ["Supervisors.certLevel", "Supervisors.certNumber"],
  check(ctx) {
    const table = ctx.table("Supervisors");
    const findings: RuleFinding[] = [];
    for (const row of table.rows) {
      const level = row.v.certLevel;
      if (typeof level !== "string" || level === "无" || row.v.certNumber) continue;
      findings.push({
        severity: "error",
        ...atCell(table, row, "certNumber"),
        message: {
          zh: `督导${row.v.name ?? ""}填写的证书等级为「${level}」，但未填写证书编号。`,
          en: `Supervisor ${row.v.name ?? ""} claims a certificate of level ${level} but gives no certificate number.`,
        },
      });
    }
    return findings;
  },
});
