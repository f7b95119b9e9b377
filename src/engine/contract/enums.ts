/** Enumerations of the workbook contract, with the synonyms a reader accepts. */
import type { RuleSet } from "../rulesets/ruleset";

export interface EnumDef {
  values: readonly string[];
  /** Accepted synonym -> canonical value. */
  synonyms: Readonly<Record<string, string>>;
}

const e = (values: string[], synonyms: Record<string, string> = {}): EnumDef => ({
  values,
  synonyms,
});

export const ENUMS = {
  category: e(["人力成本", "服务性支出", "评估及其他"], {
    人员成本: "人力成本",
    人员经费: "人力成本",
    服务支出: "服务性支出",
    活动支出: "服务性支出",
    评估等其他相关费用: "评估及其他",
    评估费用: "评估及其他",
    其他: "评估及其他",
  }),
  employment: e(["专职", "兼职"], { 全职: "专职" }),
  certLevel: e(["无", "初级", "中级", "高级"], {
    助理社会工作师: "初级",
    社会工作师: "中级",
    高级社会工作师: "高级",
  }),
  supervisorType: e(["内部", "外部"], { 内部督导: "内部", 外部督导: "外部" }),
  orgField: e(["公益慈善类", "生活服务类", "社区事务类", "文体活动类", "其他"], {
    公益慈善: "公益慈善类",
    生活服务: "生活服务类",
    社区事务: "社区事务类",
    文体活动: "文体活动类",
  }),
  leaderType: e([
    "专业技术人员",
    "志愿者",
    "四老人员",
    "致富能人",
    "复退军人",
    "退休干部职工",
    "其他",
  ]),
  yesNo: e(["是", "否"], { Y: "是", N: "否", y: "是", n: "否" }),
  activityType: e(["个案", "小组", "社区活动", "社区服务", "志愿服务"], {
    个案服务: "个案",
    小组活动: "小组",
    小组工作: "小组",
  }),
  beneficiaryGroup: e(["一老", "一小", "一残", "一困", "其他"]),
  contestType: e(["微公益大赛", "公益创投大赛"]),
  trainingTarget: e(["社区志愿者", "社区社会组织人才"]),
  familyFileType: e(["婚嫁新风宣传", "婚姻家庭辅导"]),
  charityForm: e(["资金", "物资", "服务"]),
  reviewDecision: e(["认可", "不认可", "需整改"]),
} as const;

export type EnumKey = keyof typeof ENUMS | "township";

/** The township list belongs to the rule set, everything else to the contract. */
export function enumDef(key: EnumKey, ruleset: RuleSet): EnumDef {
  if (key === "township") return { values: ruleset.program.sites, synonyms: {} };
  return ENUMS[key];
}

/** Certificate levels in ascending order, for "初级 or above" comparisons. */
export const CERT_ORDER: readonly string[] = ENUMS.certLevel.values;

export function certAtLeast(level: string | null, minimum: string): boolean {
  if (!level) return false;
  return (
    CERT_ORDER.indexOf(level) >= CERT_ORDER.indexOf(minimum) && CERT_ORDER.indexOf(minimum) > 0
  );
}
