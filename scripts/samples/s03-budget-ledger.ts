/** A final-stage project that breaks the budget caps, the ledger rules and the contract terms. */
import type { Sample } from "./types";
import { CONTRACTORS, TONGXIN_SUPERVISORS, idNumber } from "./people";
import {
  day,
  familyFiles,
  monthlyReports,
  organisations,
  payroll,
  resetVouchers,
  services,
  spend,
  spread,
  type Row,
} from "./generate";

resetVouchers();
const START = "2024-03-01";
const fields = ["公益慈善类", "生活服务类", "社区事务类", "文体活动类"];
const org = organisations(
  "托克扎克镇",
  "托克扎克",
  Array.from({ length: 11 }, (_, i) => ({
    field: fields[i % 4],
    filedOn: day("2024-05-06", i * 11),
    activities: [day("2024-07-02", i * 6), day("2024-10-08", i * 4)],
  }))
);

const ledger: Row[] = [
  spend("2024-02-26", "服务性支出", "调研", "项目启动前调研交通费", 900, "疏附县客运站"),
  ...payroll(
    START,
    12,
    [
      { name: "吾斯曼·艾力", monthly: 4500 },
      { name: "陈静", monthly: 4000 },
    ],
    0
  ),
  spend("2024-04-12", "服务性支出", "活动物资", "孵化基地办公用品", 6200, "疏附县百货商店"),
  spend("2024-05-28", "服务性支出", "培训", "人才培训场地费", 3000, "托克扎克镇党群服务中心"),
  spend("2024-06-18", "服务性支出", "活动物资", "邻里节活动物资", 0, "托克扎克镇供销社"),
  spend(
    "2024-07-25",
    "服务性支出",
    "大赛资助",
    "公益创投大赛资助",
    10000,
    "托克扎克镇社区社会组织联合会"
  ),
  spend("2024-08-14", "办公费", "办公", "打印机墨盒", 300, "疏附县百货商店"),
  spend("2024-09-10", "服务性支出", "活动物资", "民族团结活动物资", 5600, "托克扎克镇供销社"),
  spend("2024-10-22", "服务性支出", "交通", "入户探访交通费", 2400, "疏附县客运站"),
  spend("2024-11-08", "服务性支出", "活动物资", "物资款差额调整", -200, "托克扎克镇供销社"),
  spend("2024-12-16", "服务性支出", "宣传", "宣传品印制", 4100, "疏附县文印中心"),
  spend("2025-01-20", "服务性支出", "活动物资", "冬季慰问物资", 4000, "疏附县百货商店"),
  spend("2024-08-29", "评估及其他", "评估费", "项目中期第三方评估", 8000, "喀什地区社会工作协会"),
  spend("2025-02-24", "评估及其他", "评估费", "项目末期第三方评估", 9000, "喀什地区社会工作协会"),
  spend("2025-02-27", "评估及其他", "审计费", "项目专项审计及咨询", 5500, "喀什正信会计师事务所"),
  spend("2025-03-25", "服务性支出", "活动物资", "结项总结会物资", 800, "托克扎克镇供销社"),
];
// The same voucher number entered twice, and one payment without any.
ledger[30].voucher = ledger[29].voucher;
ledger[32].voucher = null;

export const sample: Sample = {
  file: "03-tokezhake-budget-ledger.xlsx",
  about:
    "托克扎克镇项目，末期：超出预算上限、台账不规范、合同金额与期限不符 (budget caps, ledger and contract terms broken)",
  content: {
    info: {
      ProjectName: "2024年托克扎克镇“五社联动”社区治理项目",
      ProjectCode: "SFMZ-FC-2024-03",
      Contractor: CONTRACTORS.tongxin.name,
      ContractorUSCC: CONTRACTORS.tongxin.uscc,
      Township: "托克扎克镇",
      ContractStart: START,
      ContractEnd: "2025-03-15",
      ContractAmount: 165000,
      AsOfDate: "2025-03-20",
    },
    budget: { 人力成本: 105000, 服务性支出: 38000, 评估及其他: 22000 },
    tables: {
      Ledger: ledger,
      Staff: [
        {
          name: "吾斯曼·艾力",
          idNumber: { text: idNumber("1987-07-14", 27, false) },
          post: "项目主管",
          employment: "专职",
          certLevel: "中级",
          certNumber: { text: "2018650100031415" },
          careerStart: "2013-06-01",
          joined: START,
        },
        {
          name: "陈静",
          idNumber: { text: idNumber("1994-02-28", 62, true) },
          post: "社工",
          employment: "专职",
          certLevel: "初级",
          certNumber: { text: "2022650100092653" },
          careerStart: "2021-07-01",
          joined: START,
        },
      ],
      Supervisors: TONGXIN_SUPERVISORS,
      CommunityOrgs: org.orgs,
      Activities: [
        ...services(
          spread("2024-04-15", "2025-01-15", 11),
          [1, 14, 50, 12, 66, 1, 1, 12, 40, 10, 45]
        ),
        ...org.activities,
      ],
      Contests: [
        {
          date: "2024-07-25",
          title: "托克扎克镇公益创投大赛",
          type: "公益创投大赛",
          participants: 11,
          grantAmount: 10000,
        },
      ],
      Trainings: [
        {
          date: "2024-05-28",
          topic: "社区社会组织人才培训",
          audience: "社区社会组织人才",
          personTimes: 42,
        },
      ],
      FamilyFiles: familyFiles(
        "TK",
        spread("2024-04-02", "2025-01-25", 21),
        spread("2024-06-03", "2025-01-08", 5)
      ),
      CharityResources: [
        {
          date: "2024-10-10",
          source: "疏附县慈善总会",
          form: "资金",
          value: 5200,
          use: "困难家庭冬季取暖",
        },
      ],
      Cases: [
        { title: "孵化基地带动社区社会组织规范发展", completedOn: "2024-12-10" },
        { title: "平安巡防队守护乡村夜晚", completedOn: "2025-01-12" },
        { title: "公益创投点亮社区微心愿", completedOn: "2025-02-05" },
      ],
      MonthlyReports: monthlyReports(START, 12, (i) => (i < 12 ? 8 : null)),
    },
  },
  expected: [
    "BUD-EVAL error 支出台账!F39",
    "BUD-EVAL error 预算!B4",
    "BUD-PERSONNEL error 支出台账!F26",
    "BUD-PERSONNEL error 预算!B2",
    "BUD-SERVICE error 预算!B3",
    "BUD-SERVICE error 预算!C3",
    "BUD-TOTAL error 支出台账!F39",
    "BUD-TOTAL error 预算!B5",
    "LED-AMOUNT error 支出台账!F29",
    "LED-CATEGORY error 支出台账!C31",
    "LED-DATE error 支出台账!A2",
    "LED-DATE error 支出台账!A40",
    "LED-VOUCHER error 支出台账!B32",
    "PRJ-AMOUNT error 项目信息!B10",
    "BUD-OVERRUN warning 支出台账!F39",
    "LED-AMOUNT warning 支出台账!F34",
    "LED-VOUCHER warning 支出台账!B34",
    "BUD-SERVICE info 预算!C3",
    "PRJ-PERIOD error 项目信息!B9",
  ],
};
