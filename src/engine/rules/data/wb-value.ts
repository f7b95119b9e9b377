import { defineRule } from "../types";

export default defineRule({
  id: "WB-VALUE",
  area: "data",
  kind: "always",
  severities: ["error", "warning"],
  clause: "工作簿约定",
  title: { zh: "单元格取值", en: "Cell values" },
  fix: {
    zh: "按该列的格式重新填写：日期如 2024-03-05，数字不带单位，选项从下拉列表选择。",
    en: "Retype the value in the column's form: dates like 2024-03-05, numbers without units, options from the list.",
  },
  describe: () => ({
    zh: "数字、日期、选项须能按其类型读取，有数据的行中必填项不得为空（错误）；以文本保存的数字或日期、同义选项经转换后读取的，给出提示。",
    en: "Numbers, dates and options must read as their type and required fields of a row with data may not be empty (error); values read only after conversion give a warning.",
  }),
  needs: [],
  // The reader meets these while it reads each cell; this rule reports them.
  check: (ctx) => ctx.project.findings.filter((f) => f.rule === "WB-VALUE"),
});
