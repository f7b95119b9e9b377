/**
 * The standard project workbook (shared/spec/workbook-contract.md) as data: sheets, table
 * names, defined names, canonical headers and the aliases a reader accepts.
 */
import type { EnumKey } from "./enums";

export type FieldType = "text" | "number" | "date" | "month" | "enum";

export interface FieldDef {
  key: string;
  /** Canonical Chinese header. */
  header: string;
  en: string;
  type: FieldType;
  enumKey?: EnumKey;
  /** Extra header texts accepted for this column (the canonical header and `en` always are). */
  aliases?: string[];
  /** May be blank in a row with data. */
  optional?: boolean;
  /** A rule of its own reports this field missing or unreadable, so WB-VALUE stays silent. */
  ownRule?: string;
  /** A template formula column: the template fills it, users do not type into it. */
  formula?: boolean;
  /** Column width in the template, in characters. */
  width?: number;
  /** A code (ID number, credit code): typed in groups with spaces it is read joined up. */
  code?: boolean;
  /** Required once this other field of the row holds a value (备案编号 once 乡镇备案日期 is set). */
  requiredWith?: string;
}

export type TableName =
  | "Budget"
  | "Ledger"
  | "Staff"
  | "Supervisors"
  | "CommunityOrgs"
  | "Activities"
  | "Contests"
  | "Trainings"
  | "FamilyFiles"
  | "CharityResources"
  | "Cases"
  | "MonthlyReports";

/** A table of the contract: project data (TableName), or the reviewers' table (Reviews). */
export interface TableDef<N extends string = TableName> {
  name: N;
  sheet: string;
  en: string;
  fields: FieldDef[];
  /**
   * The fields that make a row a record: its category and its date. A row in which one of
   * them is not valid and a cell reads 合计 (or the headers repeat) is not data.
   */
  rowKeys: string[];
  /** The template gives the table a totals row (Excel's; kept as a plain row when the table object is lost). */
  templateTotalsRow?: boolean;
}

export type NameKey =
  | "ProjectName"
  | "ProjectCode"
  | "Contractor"
  | "ContractorUSCC"
  | "Township"
  | "ContractStart"
  | "ContractEnd"
  | "ContractAmount"
  | "AsOfDate";

export interface NameDef {
  name: NameKey;
  label: string;
  en: string;
  type: FieldType;
  enumKey?: EnumKey;
  aliases?: string[];
  ownRule?: string;
  code?: boolean;
}

export const INFO_SHEET = "项目信息";

/** Sheets the tools write start with this; they may replace their own and touch no other sheet. */
export const SUMMARY_PREFIX = "汇总-";

export const NAMES: readonly NameDef[] = [
  { name: "ProjectName", label: "项目名称", en: "Project name", type: "text" },
  {
    name: "ProjectCode",
    label: "项目编号（合同编号）",
    en: "Project code (contract no.)",
    type: "text",
    aliases: ["项目编号", "合同编号"],
  },
  {
    name: "Contractor",
    label: "承接机构",
    en: "Contractor",
    type: "text",
    aliases: ["承接单位", "承接主体"],
  },
  {
    name: "ContractorUSCC",
    label: "统一社会信用代码",
    en: "Unified social credit code",
    type: "text",
    ownRule: "PRJ-USCC",
    code: true,
  },
  {
    name: "Township",
    label: "实施地点（乡镇）",
    en: "Township",
    type: "enum",
    enumKey: "township",
    ownRule: "PRJ-TOWNSHIP",
    aliases: ["实施地点", "项目地点"],
  },
  {
    name: "ContractStart",
    label: "合同开始日期",
    en: "Contract start",
    type: "date",
    ownRule: "PRJ-PERIOD",
    aliases: ["项目开始日期"],
  },
  {
    name: "ContractEnd",
    label: "合同结束日期",
    en: "Contract end",
    type: "date",
    ownRule: "PRJ-PERIOD",
    aliases: ["项目结束日期"],
  },
  {
    name: "ContractAmount",
    label: "合同金额（元）",
    en: "Contract amount (yuan)",
    type: "number",
    aliases: ["合同金额"],
  },
  {
    name: "AsOfDate",
    label: "报告截止日期",
    en: "Reporting date",
    type: "date",
    aliases: ["截止日期"],
  },
];

const f = (
  key: string,
  header: string,
  en: string,
  type: FieldType,
  extra: Partial<FieldDef> = {}
): FieldDef => ({ key, header, en, type, ...extra });

export const TABLES: readonly TableDef[] = [
  {
    name: "Budget",
    sheet: "预算",
    en: "Budget plan",
    rowKeys: ["category"],
    templateTotalsRow: true,
    fields: [
      f("category", "类别", "Category", "enum", {
        enumKey: "category",
        aliases: ["预算类别", "支出类别"],
        width: 16,
      }),
      f("planned", "预算金额", "Planned", "number", { aliases: ["预算", "计划金额"], width: 16 }),
      f("actual", "实际支出", "Actual", "number", {
        formula: true,
        aliases: ["实际金额", "已支出"],
        width: 16,
      }),
      f("rate", "执行率", "Rate", "number", { formula: true, aliases: ["预算执行率"], width: 12 }),
    ],
  },
  {
    name: "Ledger",
    sheet: "支出台账",
    en: "Expenditure ledger",
    rowKeys: ["date", "category"],
    fields: [
      f("date", "日期", "Date", "date", {
        ownRule: "LED-DATE",
        aliases: ["支付日期", "付款日期", "支出日期"],
        width: 13,
      }),
      f("voucher", "凭证号", "Voucher no.", "text", {
        optional: true,
        aliases: ["凭证编号", "凭证", "Voucher"],
        width: 12,
      }),
      f("category", "类别", "Category", "enum", {
        enumKey: "category",
        ownRule: "LED-CATEGORY",
        aliases: ["支出类别", "费用类别"],
        width: 14,
      }),
      f("subject", "明细科目", "Item", "text", {
        optional: true,
        aliases: ["科目", "明细"],
        width: 14,
      }),
      f("summary", "摘要", "Description", "text", {
        optional: true,
        aliases: ["说明", "Summary"],
        width: 30,
      }),
      f("amount", "金额", "Amount", "number", {
        ownRule: "LED-AMOUNT",
        aliases: ["支出金额", "发生额", "报销金额"],
        width: 14,
      }),
      f("payee", "收款方", "Payee", "text", {
        optional: true,
        aliases: ["收款单位", "收款人"],
        width: 22,
      }),
    ],
  },
  {
    name: "Staff",
    sheet: "人员",
    en: "Project staff",
    rowKeys: ["employment", "joined"],
    fields: [
      f("name", "姓名", "Name", "text", { width: 10 }),
      f("idNumber", "身份证号", "ID number", "text", {
        ownRule: "STF-ID",
        code: true,
        aliases: ["身份证号码", "身份证", "ID No."],
        width: 21,
      }),
      f("post", "岗位", "Post", "text", { aliases: ["职务"], width: 12 }),
      f("employment", "用工性质", "Employment", "enum", {
        enumKey: "employment",
        aliases: ["专兼职"],
        width: 10,
      }),
      f("certLevel", "证书等级", "Certificate level", "enum", {
        enumKey: "certLevel",
        aliases: ["职业资格", "证书级别"],
        width: 10,
      }),
      f("certNumber", "证书编号", "Certificate no.", "text", {
        optional: true,
        aliases: ["证书号"],
        width: 18,
      }),
      f("careerStart", "从业起始日期", "In social work since", "date", {
        optional: true,
        aliases: ["从业开始日期", "从业日期"],
        width: 14,
      }),
      f("joined", "到岗日期", "Joined", "date", { aliases: ["入职日期"], width: 13 }),
      f("left", "离岗日期", "Left", "date", { optional: true, aliases: ["离职日期"], width: 13 }),
      f("otherProject", "兼任其他福彩项目", "Other lottery project", "text", {
        optional: true,
        aliases: ["兼任项目", "兼任其他项目"],
        width: 22,
      }),
    ],
  },
  {
    name: "Supervisors",
    sheet: "督导",
    en: "Supervisors",
    rowKeys: ["kind"],
    fields: [
      f("name", "姓名", "Name", "text", { width: 10 }),
      f("idNumber", "身份证号", "ID number", "text", {
        ownRule: "STF-ID",
        code: true,
        aliases: ["身份证号码", "身份证", "ID No."],
        width: 21,
      }),
      f("kind", "督导类型", "Type", "enum", {
        enumKey: "supervisorType",
        aliases: ["类型"],
        width: 10,
      }),
      f("certLevel", "证书等级", "Certificate level", "enum", {
        enumKey: "certLevel",
        aliases: ["职业资格", "证书级别"],
        width: 10,
      }),
      f("certNumber", "证书编号", "Certificate no.", "text", {
        optional: true,
        aliases: ["证书号"],
        width: 18,
      }),
      f("careerStart", "从业起始日期", "In social work since", "date", {
        aliases: ["从业开始日期", "从业日期"],
        width: 14,
      }),
      f("employer", "所在单位", "Employer", "text", { aliases: ["工作单位", "单位"], width: 24 }),
    ],
  },
  {
    name: "CommunityOrgs",
    sheet: "社区社会组织",
    en: "Community organisations",
    rowKeys: ["field", "newlyCultivated"],
    fields: [
      f("name", "组织名称", "Name", "text", { aliases: ["名称", "社区社会组织名称"], width: 24 }),
      f("field", "领域", "Field", "enum", {
        enumKey: "orgField",
        aliases: ["类别", "服务领域"],
        width: 12,
      }),
      f("village", "所在村（社区）", "Village / community", "text", {
        aliases: ["所在村", "所在社区", "村（社区）"],
        width: 16,
      }),
      f("leader", "负责人", "Leader", "text", { width: 10 }),
      f("leaderType", "负责人类别", "Leader type", "enum", {
        enumKey: "leaderType",
        aliases: ["负责人类型"],
        width: 14,
      }),
      f("newlyCultivated", "本项目新培育", "Cultivated by this project", "enum", {
        enumKey: "yesNo",
        aliases: ["新培育", "是否新培育"],
        width: 12,
      }),
      f("filedOn", "乡镇备案日期", "Filed with township on", "date", {
        optional: true,
        aliases: ["备案日期"],
        width: 14,
      }),
      f("filingNumber", "备案编号", "Filing no.", "text", {
        optional: true,
        requiredWith: "filedOn",
        aliases: ["备案号"],
        width: 14,
      }),
    ],
  },
  {
    name: "Activities",
    sheet: "服务活动",
    en: "Service activities",
    rowKeys: ["date", "type"],
    fields: [
      f("date", "日期", "Date", "date", { aliases: ["活动日期"], width: 13 }),
      f("title", "活动名称", "Activity", "text", { aliases: ["名称"], width: 26 }),
      f("type", "活动类型", "Type", "enum", {
        enumKey: "activityType",
        aliases: ["类型"],
        width: 12,
      }),
      f("host", "主办方", "Host", "text", { aliases: ["主办单位", "组织方"], width: 22 }),
      f("group", "服务对象", "Served group", "enum", {
        enumKey: "beneficiaryGroup",
        aliases: ["对象"],
        width: 10,
      }),
      f("beneficiaries", "受益人数", "Beneficiaries", "number", {
        aliases: ["受益人次", "服务人数"],
        width: 10,
      }),
      f("evidence", "佐证材料", "Evidence", "text", {
        optional: true,
        aliases: ["佐证", "附件"],
        width: 24,
      }),
    ],
  },
  {
    name: "Contests",
    sheet: "大赛",
    en: "Contests",
    rowKeys: ["date", "type"],
    fields: [
      f("date", "日期", "Date", "date", { aliases: ["举办日期"], width: 13 }),
      f("title", "名称", "Name", "text", { aliases: ["大赛名称"], width: 28 }),
      f("type", "类型", "Type", "enum", {
        enumKey: "contestType",
        aliases: ["大赛类型"],
        width: 14,
      }),
      f("participants", "参赛组织数", "Participating organisations", "number", {
        aliases: ["参赛组织数量", "参赛数"],
        width: 12,
      }),
      f("grantAmount", "资助金额", "Grants awarded", "number", {
        optional: true,
        aliases: ["资助金额（元）"],
        width: 12,
      }),
    ],
  },
  {
    name: "Trainings",
    sheet: "培训",
    en: "Trainings",
    rowKeys: ["date", "audience"],
    fields: [
      f("date", "日期", "Date", "date", { aliases: ["培训日期"], width: 13 }),
      f("topic", "主题", "Topic", "text", { aliases: ["培训主题", "名称"], width: 28 }),
      f("audience", "培训对象", "Audience", "enum", {
        enumKey: "trainingTarget",
        aliases: ["对象"],
        width: 16,
      }),
      f("personTimes", "参训人次", "Person-times", "number", {
        aliases: ["参训人数", "人次"],
        width: 10,
      }),
    ],
  },
  {
    name: "FamilyFiles",
    sheet: "婚姻家庭档案",
    en: "Marriage and family files",
    rowKeys: ["date", "type"],
    fields: [
      f("date", "建档日期", "Filed on", "date", { aliases: ["日期"], width: 13 }),
      f("number", "档案编号", "File no.", "text", { aliases: ["编号"], width: 14 }),
      f("type", "档案类型", "Type", "enum", {
        enumKey: "familyFileType",
        aliases: ["类型"],
        width: 14,
      }),
      f("content", "服务内容", "Service", "text", { optional: true, aliases: ["内容"], width: 30 }),
    ],
  },
  {
    name: "CharityResources",
    sheet: "慈善资源",
    en: "Charity resources",
    rowKeys: ["date", "form"],
    fields: [
      f("date", "日期", "Date", "date", { aliases: ["链接日期"], width: 13 }),
      f("source", "来源", "Donor", "text", { aliases: ["捐赠方", "来源单位"], width: 24 }),
      f("form", "形式", "Form", "enum", {
        enumKey: "charityForm",
        aliases: ["资源形式"],
        width: 8,
      }),
      f("value", "折合金额", "Value (yuan)", "number", { aliases: ["金额", "价值"], width: 12 }),
      f("use", "用途", "Use", "text", { optional: true, width: 28 }),
    ],
  },
  {
    name: "Cases",
    sheet: "典型案例",
    en: "Typical cases",
    rowKeys: ["completedOn"],
    fields: [
      f("title", "标题", "Title", "text", { aliases: ["案例名称", "案例标题"], width: 34 }),
      f("orgs", "涉及组织", "Organisations", "text", { optional: true, width: 24 }),
      f("completedOn", "完成日期", "Completed on", "date", { aliases: ["日期"], width: 13 }),
    ],
  },
  {
    name: "MonthlyReports",
    sheet: "月报",
    en: "Monthly reports",
    rowKeys: ["month"],
    fields: [
      f("month", "月份", "Month", "month", { aliases: ["报告月份", "所属月份"], width: 10 }),
      f("submittedOn", "报送日期", "Submitted on", "date", {
        optional: true,
        aliases: ["提交日期"],
        width: 13,
      }),
    ],
  },
];

// 审核意见 (table Reviews): optional, not project data, so not in TABLES.
export { REVIEWS, REVIEWS_SHEET } from "./reviews-table";

export function tableDef(name: TableName): TableDef {
  const def = TABLES.find((t) => t.name === name);
  if (!def) throw new Error(`unknown table ${name}`);
  return def;
}

export function fieldDef(table: TableName, key: string): FieldDef {
  const def = tableDef(table).fields.find((x) => x.key === key);
  if (!def) throw new Error(`unknown field ${table}.${key}`);
  return def;
}

/** Header text as the template writes it: Chinese first, English gloss after. */
export function templateHeader(field: { header: string; en: string }): string {
  return `${field.header} ${field.en}`;
}
