/** A final-stage project short of staff, supervision and nearly every performance target. */
import type { Sample } from "./types";
import { CONTRACTORS, idNumber } from "./people";
import { SHARED_STAFF_ID } from "./s02-interim-behind";
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
const org = organisations("乌帕尔镇", "乌帕尔", [
  ...Array.from({ length: 8 }, (_, i) => ({
    field: ["公益慈善类", "生活服务类", "文体活动类"][i % 3],
    filedOn: day("2024-05-15", i * 10),
    activities: [day("2024-07-10", i * 5), day("2024-10-15", i * 3)],
  })),
  { field: "社区事务类", filedOn: null, activities: ["2024-09-01"] },
  {
    field: "公益慈善类",
    filedOn: "2024-09-20",
    activities: ["2024-11-11"],
    name: "乌帕尔村爱心互助会",
  },
]);

const ledger: Row[] = [
  ...payroll(
    START,
    12,
    [
      { name: "热依拉·阿布都", monthly: 3700 },
      { name: "张伟", monthly: 3600 },
    ],
    800
  ),
  spend("2024-04-16", "服务性支出", "活动物资", "孵化基地办公用品", 8200, "疏附县百货商店"),
  spend("2024-06-21", "服务性支出", "活动物资", "邻里互助日物资", 9800, "乌帕尔镇供销社"),
  spend(
    "2024-08-23",
    "服务性支出",
    "大赛资助",
    "微公益大赛资助",
    8000,
    "乌帕尔镇社区社会组织联合会"
  ),
  spend("2024-10-18", "服务性支出", "培训", "志愿者培训", 6500, "乌帕尔镇党群服务中心"),
  spend("2024-12-12", "服务性支出", "活动物资", "冬季慰问物资", 9000, "疏附县百货商店"),
  spend("2025-02-20", "评估及其他", "评估费", "项目末期评估", 9000, "喀什地区社会工作协会"),
];

export const sample: Sample = {
  file: "04-wupaer-staff-kpi.xlsx",
  about:
    "乌帕尔镇项目，末期：人员、督导配备不足，绩效指标未完成，月报缺报 (staff, supervision and targets short at the final stage)",
  content: {
    info: {
      ProjectName: "2024年乌帕尔镇社区社会组织服务提升项目",
      ProjectCode: "SFMZ-FC-2024-04",
      Contractor: CONTRACTORS.huimin.name,
      ContractorUSCC: CONTRACTORS.huimin.uscc,
      Township: "乌帕尔镇",
      ContractStart: START,
      ContractEnd: "2025-02-28",
      ContractAmount: 150000,
      AsOfDate: "2025-03-10",
    },
    budget: { 人力成本: 98000, 服务性支出: 42000, 评估及其他: 10000 },
    tables: {
      Ledger: ledger,
      Staff: [
        {
          name: "热依拉·阿布都",
          idNumber: { text: SHARED_STAFF_ID },
          post: "项目主管",
          employment: "专职",
          certLevel: "初级",
          certNumber: { text: "2023650100066001" },
          careerStart: "2023-06-01",
          joined: START,
          otherProject: "莎车县社区治理福彩项目",
        },
        {
          name: "张伟",
          idNumber: { text: idNumber("1991-08-08", 81, false) },
          post: "社工",
          employment: "专职",
          certLevel: "中级",
          careerStart: "2016-03-01",
          joined: START,
          left: "2024-12-31",
        },
        {
          name: "古丽巴哈尔·吐尔洪",
          idNumber: { text: "653121199703150427" },
          post: "文员",
          employment: "兼职",
          certLevel: "无",
          joined: "2024-06-01",
        },
      ],
      Supervisors: [
        {
          name: "周敏",
          idNumber: { text: idNumber("1984-12-22", 35, true) },
          kind: "外部",
          certLevel: "初级",
          careerStart: "2017-04-01",
          employer: "疏附县教育局",
        },
      ],
      CommunityOrgs: org.orgs,
      Activities: [
        ...services(spread("2024-05-10", "2025-01-10", 7), [1, 12, 60, 9, 52, 1, 15]),
        ...org.activities,
      ],
      Contests: [
        {
          date: "2024-08-23",
          title: "乌帕尔镇微公益大赛",
          type: "微公益大赛",
          participants: 8,
          grantAmount: 8000,
        },
      ],
      Trainings: [
        {
          date: "2024-10-18",
          topic: "社区志愿者服务技能培训",
          audience: "社区志愿者",
          personTimes: 25,
        },
      ],
      FamilyFiles: [
        ...familyFiles(
          "WH",
          spread("2024-04-12", "2025-01-20", 15),
          spread("2024-07-01", "2024-12-01", 3)
        ),
        {
          date: "2025-01-25",
          number: "WH-HJ-015",
          type: "婚嫁新风宣传",
          content: "婚嫁新风宣传（重复登记）",
        },
      ],
      CharityResources: [
        {
          date: "2024-11-20",
          source: "乌帕尔镇爱心商户",
          form: "物资",
          value: 3000,
          use: "困难群众米面油",
        },
      ],
      Cases: [
        { title: "爱心互助会的温暖故事", completedOn: "2024-12-20" },
        { title: "文艺队丰富村民精神生活", completedOn: "2025-02-10" },
      ],
      MonthlyReports: monthlyReports(START, 12, (i) => (i === 4 || i === 8 ? null : 7)),
    },
  },
  expected: [
    "STF-CERT error 人员!F3",
    "STF-COUNT error 人员!A1:J1",
    "STF-EXCLUSIVE error 人员!J2",
    "STF-ID error 人员!B4",
    "STF-QUALIFIED error 人员!A1:J1",
    "SUP-CERT error 督导!E2",
    "SUP-EXTERNAL error 督导!D2",
    "SUP-INTERNAL error 督导!A1:G1",
    "KPI-BENEFICIARIES error 服务活动!A1:G1",
    "KPI-CASES error 典型案例!A1:C1",
    "KPI-CHARITY error 慈善资源!A1:E1",
    "KPI-CONTEST error 大赛!A1:E1",
    "KPI-FAMILY error 婚姻家庭档案!A1:D1",
    "KPI-MARRIAGE error 婚姻家庭档案!A1:D1",
    "KPI-ORGS error 社区社会组织!A1:H1",
    "KPI-SERVICES error 服务活动!A1:G1",
    "KPI-TRAINING error 培训!A1:D1",
    "RPT-MONTHLY error 月报!B6",
    "RPT-MONTHLY error 月报!B10",
    "KPI-ORG-FIELDS warning 社区社会组织!A1:H1",
    "REC-DUPLICATE error 婚姻家庭档案!B20",
    "REC-DUPLICATE error 社区社会组织!A11",
    "PRJ-USCC warning 项目信息!B6",
  ],
};
