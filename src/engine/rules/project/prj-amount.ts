import { fill } from "../../i18n";
import { defineRule } from "../types";
import { atName } from "../_shared/where";

export default defineRule({
  id: "PRJ-AMOUNT",
  area: "budget",
  kind: "cap",
  severities: ["error"],
  clause: "三.1",
  title: { zh: "合同金额", en: "Contract amount" },
  fix: {
    zh: "核对合同金额，单个项目不得超过资助标准。",
    en: "Check the contract amount; a project may not exceed the grant.",
  },
  describe: (rs) => ({
    zh: `合同金额不得超过单个项目资助标准 ${rs.project.grant.toLocaleString("en-US")} 元。`,
    en: `The contract amount may not exceed the per-project grant of ${rs.project.grant.toLocaleString("en-US")} yuan.`,
  }),
  needs: ["name:ContractAmount"],
  check(ctx) {
    const amount = ctx.value("ContractAmount");
    const grant = ctx.ruleset.project.grant;
    if (typeof amount !== "number" || amount <= grant) return [];
    return [
      {
        severity: "error",
        ...atName(ctx, "ContractAmount"),
        message: {
          zh: fill("合同金额 {amount} 元，超过单个项目资助标准 {grant} 元。", { amount, grant }),
          en: fill(
            "The contract amount of {amount} yuan exceeds the per-project grant of {grant} yuan.",
            { amount, grant }
          ),
        },
        figures: { amount, grant },
      },
    ];
  },
});
