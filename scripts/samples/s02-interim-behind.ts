/**
 * A project at mid-term that is behind schedule: every target below target × elapsed, one
 * monthly report missing. Also the base of s06, the same project's earlier submission.
 */
import type { Sample } from "./types";
import type { WorkbookContent } from "../../src/hosts/xlsx/template/build";
import { CONTRACTORS, idNumber } from "./people";
import {
  familyFiles,
  monthlyReports,
  organisations,
  payroll,
  resetVouchers,
  services,
  spend,
  type Row,
} from "./generate";

export const SHARED_STAFF_ID = idNumber("1993-03-27", 58, true); // 热依拉·阿布都, also on s04

export function interimContent(): WorkbookContent {
  resetVouchers();
  const START = "2024-04-01";
  const org = organisations("站敏乡", "站敏", [
    { field: "公益慈善类", filedOn: "2024-05-20", activities: ["2024-06-15", "2024-08-10"] },
    { field: "文体活动类", filedOn: "2024-06-03", activities: ["2024-07-01", "2024-09-05"] },
    { field: "生活服务类", filedOn: "2024-06-18", activities: ["2024-07-20", "2024-09-28"] },
    { field: "社区事务类", filedOn: "2024-07-22", activities: ["2024-09-16"] },
    { field: "公益慈善类", filedOn: "2024-08-30", activities: ["2024-09-20"] },
    { field: "文体活动类", filedOn: null, activities: ["2024-08-25", "2024-09-30"] },
    { field: "生活服务类", filedOn: null, activities: [] },
  ]);
  const ledger: Row[] = [
    ...payroll(
      START,
      6,
      [
        { name: "古丽米拉·艾则孜", monthly: 3800 },
        { name: "刘洋", monthly: 3500 },
      ],
      850
    ),
    spend("2024-04-25", "服务性支出", "调研", "需求摸底调研入户交通", 1800, "疏附县客运站"),
    spend("2024-06-12", "服务性支出", "活动物资", "孵化基地桌椅及办公用品", 4600, "疏附县百货商店"),
    spend("2024-08-20", "服务性支出", "培训", "社区社会组织人才培训资料", 2100, "疏附县文印中心"),
    spend("2024-09-25", "服务性支出", "活动物资", "中秋邻里活动物资", 3500, "站敏乡供销社"),
  ];
  return {
    info: {
      ProjectName: "2024年站敏乡社区社会组织参与基层治理项目",
      ProjectCode: "SFMZ-FC-2024-02",
      Contractor: CONTRACTORS.yangguang.name,
      ContractorUSCC: CONTRACTORS.yangguang.uscc,
      Township: "站敏乡",
      ContractStart: START,
      ContractEnd: "2025-03-31",
      ContractAmount: 158000,
      AsOfDate: "2024-10-15",
    },
    budget: { 人力成本: 95000, 服务性支出: 45000, 评估及其他: 18000 },
    tables: {
      Ledger: ledger,
      Staff: [
        {
          name: "古丽米拉·艾则孜",
          idNumber: { text: idNumber("1990-12-01", 16, true) },
          post: "项目主管",
          employment: "专职",
          certLevel: "初级",
          certNumber: { text: "2020650100023456" },
          careerStart: "2018-08-01",
          joined: START,
        },
        {
          name: "刘洋",
          idNumber: { text: idNumber("1995-06-19", 73, false) },
          post: "社工",
          employment: "专职",
          certLevel: "无",
          careerStart: "2022-07-01",
          joined: START,
        },
        {
          name: "热依拉·阿布都",
          idNumber: { text: SHARED_STAFF_ID },
          post: "活动助理",
          employment: "兼职",
          certLevel: "无",
          joined: "2024-05-01",
        },
      ],
      Supervisors: [
        {
          name: "周红梅",
          idNumber: { text: idNumber("1981-01-30", 44, true) },
          kind: "内部",
          certLevel: "中级",
          certNumber: { text: "2017650100005566" },
          careerStart: "2011-05-01",
          employer: CONTRACTORS.yangguang.name,
        },
        {
          name: "阿不来提·买买提",
          idNumber: { text: idNumber("1976-10-05", 9, false) },
          kind: "外部",
          certLevel: "高级",
          certNumber: { text: "2015650100000999" },
          careerStart: "2006-09-01",
          employer: "喀什地区社会工作协会",
        },
      ],
      CommunityOrgs: org.orgs,
      Activities: [
        ...services(
          ["2024-05-16", "2024-06-20", "2024-08-08", "2024-09-19", "2024-10-20"],
          [1, 10, 95, 14, 60]
        ),
        ...org.activities,
      ],
      Contests: [],
      Trainings: [
        {
          date: "2024-08-24",
          topic: "社区社会组织负责人能力提升培训",
          audience: "社区社会组织人才",
          personTimes: 20,
        },
      ],
      FamilyFiles: familyFiles(
        "ZM",
        ["2024-05-10", "2024-06-14", "2024-07-09", "2024-08-15", "2024-09-12", "2024-10-08"],
        ["2024-06-25", "2024-08-28", "2024-09-26"]
      ),
      CharityResources: [
        {
          date: "2024-09-15",
          source: "站敏乡爱心企业",
          form: "物资",
          value: 1500,
          use: "开学季困难学生文具",
        },
      ],
      Cases: [],
      MonthlyReports: monthlyReports(START, 6, (i) => (i < 5 ? 6 + (i % 3) : null)),
    },
  };
}

export const sample: Sample = {
  file: "02-zhanmin-interim-behind.xlsx",
  about: "站敏乡项目，中期（已过 6/12 个月），进度滞后 (mid-term project behind schedule)",
  content: interimContent(),
  // The later submission of 06 carries the bureau's decision on its contest, postponed with
  // the bureau's consent: accepted (认可), still listed, counted apart.
  reviews: (findings) => [
    {
      finding: findings.find((f) => f.rule === "KPI-CONTEST" && f.severity === "warning")!,
      input: {
        explanation: "原定 9 月举办的社区公益大赛因站敏乡文化活动中心改造推迟，已书面报县民政局。",
        decision: "认可",
        reason:
          "经县民政局同意，大赛推迟至 2024 年 11 月举办（疏民函〔2024〕35 号），中期不计为滞后。",
        reviewer: "阿依古丽·买买提",
        date: "2024-10-21",
      },
    },
  ],
  expected: [
    "BUD-SERVICE warning 预算!C3",
    // Pace (review-cycle.md section 3): the caps' progress, and the personnel plan of 95,000
    // outrun at 8,150 a month (97,800 by the end, crossed in 2025-03).
    "BUD-OVERRUN warning 预算!C2",
    "BUD-EVAL info/progress 预算!C4",
    "BUD-OVERRUN info/progress 预算!C3",
    "BUD-OVERRUN info/progress 预算!C4",
    "BUD-PERSONNEL info/progress 预算!C2",
    "BUD-TOTAL info/progress 预算!C5",
    "RPT-MONTHLY error 月报!B7",
    "KPI-CASES warning 典型案例!A1:C1",
    "KPI-CHARITY warning 慈善资源!A1:E1",
    "KPI-CONTEST warning 大赛!A1:E1",
    "KPI-MARRIAGE warning 婚姻家庭档案!A1:D1",
    "KPI-ORGS warning 社区社会组织!A1:H1",
    "KPI-SERVICES warning 服务活动!A1:G1",
    "KPI-BENEFICIARIES info/progress 服务活动!A1:G1",
    "KPI-BENEFICIARIES info 服务活动!A1:G1",
    "KPI-FAMILY info/progress 婚姻家庭档案!A1:D1",
    "KPI-ORG-FIELDS info 社区社会组织!A1:H1",
    "KPI-SERVICES info 服务活动!A1:G1",
    "KPI-TRAINING info/progress 培训!A1:D1",
    "KPI-TRAINING info/progress 培训!A1:D1",
  ],
};
