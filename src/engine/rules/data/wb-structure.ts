import { defineRule } from "../types";

export default defineRule({
  id: "WB-STRUCTURE",
  area: "data",
  kind: "always",
  severities: ["error", "warning"],
  clause: "工作簿约定",
  title: { zh: "工作簿结构", en: "Workbook structure" },
  fix: {
    zh: "按标准模板补齐工作表、表格和列，表头使用模板的文字。",
    en: "Restore the sheet, table or column from the template, with the template's headers.",
  },
  describe: () => ({
    zh: "标准模板的工作表、表格、列和命名单元格须齐全（缺失为错误）；表格对象或名称丢失、仅按工作表和表头找到数据的，给出提示。",
    en: "Every sheet, table, column and named value of the template must be present (error); data found only by sheet, header or label gives a warning.",
  }),
  needs: [],
  // The reader finds these while it locates tables and names; this rule reports them.
  check: (ctx) => ctx.project.findings.filter((f) => f.rule === "WB-STRUCTURE"),
});
