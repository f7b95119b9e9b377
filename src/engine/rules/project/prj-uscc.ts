import { defineRule } from "../types";
import { atName } from "../_shared/where";
import { usccProblem } from "../../util/checkdigits";
import { cellText } from "../../util/text";

const PROBLEMS = {
  length: { zh: "应为 18 位", en: "must have 18 characters" },
  characters: {
    zh: "含有不允许的字符（不使用 I、O、Z、S、V）",
    en: "holds characters the code does not use (I, O, Z, S, V)",
  },
  checkdigit: { zh: "校验位不正确", en: "fails its check digit" },
};

export default defineRule({
  id: "PRJ-USCC",
  area: "data",
  kind: "always",
  severities: ["error", "warning"],
  clause: "三.2",
  title: { zh: "统一社会信用代码", en: "Unified social credit code" },
  fix: {
    zh: "按登记证书核对统一社会信用代码，逐位填写 18 位代码。",
    en: "Copy the 18-character code exactly from the registration certificate.",
  },
  describe: (rs) => ({
    zh: `承接机构统一社会信用代码须符合 GB 32100-2015 校验规则（错误）；登记管理部门代码应为「${rs.uscc.socialOrgAuthority}」（民政部门登记的社会组织），否则提示。`,
    en: `The contractor's code must pass the GB 32100-2015 check (error) and should be a social organisation's (registration authority ${rs.uscc.socialOrgAuthority}, else a warning).`,
  }),
  needs: ["name:ContractorUSCC"],
  check(ctx) {
    const named = ctx.named("ContractorUSCC")!;
    // The code as read: typed in groups with spaces it is joined up (WB-VALUE warns of that).
    const raw = (typeof named.value === "string" ? named.value : cellText(named.raw)).toUpperCase();
    const at = atName(ctx, "ContractorUSCC");
    if (!raw)
      return [
        {
          severity: "error",
          ...at,
          message: { zh: "统一社会信用代码为空。", en: "The unified social credit code is empty." },
        },
      ];
    const problem = usccProblem(raw);
    if (problem) {
      return [
        {
          severity: "error",
          ...at,
          message: {
            zh: `统一社会信用代码「${raw}」${PROBLEMS[problem].zh}。`,
            en: `Code "${raw}" ${PROBLEMS[problem].en}.`,
          },
        },
      ];
    }
    const authority = ctx.ruleset.uscc.socialOrgAuthority;
    if (!raw.startsWith(authority)) {
      return [
        {
          severity: "warning",
          ...at,
          message: {
            zh: `统一社会信用代码「${raw}」首位为「${raw[0]}」，不是民政部门登记的社会组织（应为「${authority}」）。`,
            en: `Code "${raw}" starts with "${raw[0]}": not registered as a social organisation (expected "${authority}").`,
          },
        },
      ];
    }
    return [];
  },
});
