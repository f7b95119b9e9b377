import { defineRule, type RuleFinding } from "../types";
import { atCell, emptyText } from "../_shared/where";
import { idNumberProblem } from "../../util/checkdigits";
import { cellText, maskId } from "../../util/text";
import type { TableName } from "../../contract/tables";
import { notCheckedText } from "../../read/describe-needs";

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
  fix: {
    zh: "按身份证逐位填写 18 位号码，单元格设为文本格式。",
    en: "Copy the 18-character number from the ID card into a cell formatted as text.",
  },
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
          message: notCheckedText(table ? [`${name}.idNumber`] : [name]),
        });
        continue;
      }
      const col = table.loc.columns.idNumber;
      for (const row of table.rows) {
        const cellValue = table.loc.sheet.rows[row.row]?.[col]?.v;
        // The number as read (groups joined up); a placeholder such as 无 reads as empty.
        const id = typeof row.v.idNumber === "string" ? row.v.idNumber : "";
        const who = String(row.v.name ?? "");
        const at = atCell(table, row, "idNumber");
        if (!id) {
          findings.push({
            severity: "error",
            ...at,
            message: emptyText(
              { zh: `${who}的身份证号`, en: `The ID number of ${who || "this person"}` },
              cellText(cellValue)
            ),
          });
          continue;
        }
        const problem = idNumberProblem(id);
        if (!problem) continue;
        findings.push({
          severity: "error",
          ...at,
          message:
            typeof cellValue === "number"
              ? {
                  zh: `${who}的身份证号以数字格式保存（${maskId(id)}），Excel 只保留 15 位有效数字，末几位已丢失；请将单元格设为文本格式后重新输入。`,
                  en: `The ID number of ${who || "this person"} is stored as a number (${maskId(id)}); Excel keeps 15 significant digits, so the last ones are lost. Format the cell as text and type it again.`,
                }
              : {
                  zh: `${who}的身份证号 ${maskId(id)} ${PROBLEMS[problem].zh}。`,
                  en: `The ID number of ${who || "this person"} (${maskId(id)}) ${PROBLEMS[problem].en}.`,
                },
        });
      }
    }
    return findings;
  },
});
