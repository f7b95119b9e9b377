import { defineRule, type RuleFinding } from "../types";
import type { TableData } from "../../read/project";
import { repeatedValues } from "../_shared/duplicates";

function duplicates(
  table: TableData,
  key: string,
  what: { zh: string; en: string }
): RuleFinding[] {
  return repeatedValues(table, key, (v, first) => ({
    zh: `${what.zh}「${v}」与 ${first} 重复，同一记录只能登记一次。`,
    en: `${what.en} "${v}" repeats ${first}; each record may be entered once.`,
  }));
}

export default defineRule({
  id: "REC-DUPLICATE",
  area: "data",
  kind: "always",
  severities: ["error"],
  clause: "四.(二)",
  title: { zh: "重复登记", en: "Duplicate records" },
  fix: {
    zh: "删除重复登记的行，或更正编号、名称使每条记录唯一。",
    en: "Delete the repeated row, or correct the number or name so each record is unique.",
  },
  describe: () => ({
    zh: "婚姻家庭档案编号、社区社会组织名称不得重复登记。",
    en: "A family-file number or an organisation name may not be entered twice.",
  }),
  needs: [],
  check(ctx) {
    const findings: RuleFinding[] = [];
    const files = ctx.project.tables.FamilyFiles;
    if (files && files.loc.columns.number !== undefined)
      findings.push(...duplicates(files, "number", { zh: "档案编号", en: "File number" }));
    const orgs = ctx.project.tables.CommunityOrgs;
    if (orgs && orgs.loc.columns.name !== undefined)
      findings.push(...duplicates(orgs, "name", { zh: "组织名称", en: "Organisation name" }));
    return findings;
  },
});
