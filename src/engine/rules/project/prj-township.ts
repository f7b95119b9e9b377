import { defineRule } from "../types";
import { atName } from "../_shared/where";
import { cellText } from "../../util/text";

export default defineRule({
  id: "PRJ-TOWNSHIP",
  area: "data",
  kind: "always",
  severities: ["error"],
  clause: "二",
  title: { zh: "实施地点", en: "Township" },
  fix: {
    zh: "从下拉列表选择本年度的项目实施乡镇。",
    en: "Choose this year's township from the drop-down list.",
  },
  describe: (rs) => ({
    zh: `实施地点须为：${rs.program.sites.join("、")}。`,
    en: `The township must be one of: ${rs.program.sites.join(", ")}.`,
  }),
  needs: ["name:Township"],
  check(ctx) {
    if (ctx.value("Township") !== null) return [];
    const raw = cellText(ctx.named("Township")!.raw);
    const sites = ctx.ruleset.program.sites;
    return [
      {
        severity: "error",
        ...atName(ctx, "Township"),
        message: raw
          ? {
              zh: `实施地点「${raw}」不在本年度项目地点（${sites.join("、")}）之内。`,
              en: `Township "${raw}" is not one of this year's sites (${sites.join(", ")}).`,
            }
          : { zh: "实施地点为空。", en: "The township is empty." },
      },
    ];
  },
});
