import { defineRule, type RuleFinding } from "../types";
import { atCell } from "../_shared/where";
import { idNumberProblem } from "../../util/checkdigits";
import { cellText, maskId } from "../../util/text";
import type { TableName } from "../../contract/tables";

const PROBLEMS = {
  length: { zh: "应为 18 位", en: "must have 18 characters" },
  characters: { zh: "只能包含数字和末位 X", en: "may hold only digits and a final X" },
  birthdate: { zh: "出生日期部分无效", en: "has an invalid date of birth" },
  checkdigit: { zh: "校验位不正确", en: "fails its check digit" },
};

export default defineRule({
  id: "STF-ID",
  area: "staff",
  kind: "always",
  severities: ["error"],
  clause: "四.(二).1",
  title: { zh: "身份证号", en: "ID number" },
  describe: () => ({
    zh: "工作人员和督导的身份证号不得为空，且须符合 GB 11643 的校验规则。",
    en: "Every staff member and supervisor needs an ID number that passes the GB 11643 check digit.",
  }),
  needs: ["Staff.idNumber"],
  check(ctx) {
    const findings: RuleFinding[] = [];
    const tables: TableName[] = ["Staff", "Supervisors"];
    for (const name of tables) {
      const table = ctx.project.tables[name];
      if (!table || table.loc.columns.idNumber === undefined) {
        // Staff is a need of the rule; a missing supervisors list is said, not passed over.
        findings.push({
          severity: "info",
          status: "not-checked",
          target: `${name}.idNumber`,
          message: {
            zh: "督导的身份证号未检查：缺少督导表或其身份证号列（见 WB-STRUCTURE）。",
            en: "Supervisors' ID numbers not checked: the supervisors table or its ID column is missing (see WB-STRUCTURE).",
          },
        });
        continue;
      }
      const col = table.loc.columns.idNumber;
      for (const row of table.rows) {
        const raw = cellText(table.loc.sheet.rows[row.row]?.[col]?.v);
        const who = String(row.v.name ?? "");
        const at = atCell(table, row, "idNumber");
        if (!raw) {
          findings.push({
            severity: "error",
            ...at,
            message: {
              zh: `${who}的身份证号为空。`,
              en: `${who || "This person"} has no ID number.`,
            },
          });
          continue;
        }
        const problem = idNumberProblem(raw);
        if (!problem) continue;
        findings.push({
          severity: "error",
          ...at,
          message: {
            zh: `${who}的身份证号 ${maskId(raw)} ${PROBLEMS[problem].zh}。`,
            en: `The ID number of ${who || "this person"} (${maskId(raw)}) ${PROBLEMS[problem].en}.`,
          },
        });
      }
    }
    return findings;
  },
});
