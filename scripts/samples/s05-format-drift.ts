/**
 * A mid-term workbook that drifted from the template the way real ones do: a sheet deleted,
 * a table object lost with its columns reordered and renamed, numbers typed as text, a synonym
 * category, a formula overwritten by a constant, a stale cached value, a lost defined name.
 */
import type ExcelJS from "exceljs";
import type { Sample } from "./types";
import { CONTRACTORS, idNumber } from "./people";
import { infoRow } from "../../src/hosts/xlsx/template/layout";
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

resetVouchers();
const START = "2024-04-01";
const org = organisations("站敏乡", "站敏", [
  { field: "公益慈善类", filedOn: "2024-05-28", activities: ["2024-06-20", "2024-08-22"] },
  { field: "生活服务类", filedOn: "2024-06-11", activities: ["2024-07-18", "2024-09-12"] },
  { field: "文体活动类", filedOn: "2024-06-26", activities: ["2024-08-01", "2024-09-19"] },
  { field: "社区事务类", filedOn: "2024-07-30", activities: ["2024-08-29", "2024-09-24"] },
  { field: "文体活动类", filedOn: "2024-08-15", activities: ["2024-09-10", "2024-09-26"] },
]);

const ledger: Row[] = [
  ...payroll(
    START,
    6,
    [
      { name: "买买提江·热合曼", monthly: 3600 },
      { name: "孙悦", monthly: 3400 },
    ],
    800
  ),
  spend("2024-04-22", "服务性支出", "调研", "需求调研问卷", 1200, "疏附县文印中心"),
  spend("2024-05-30", "活动支出", "活动物资", "孵化基地办公用品", 5600, "疏附县百货商店"),
  spend("2024-07-12", "服务性支出", "活动物资", "邻里节物资", { text: "3,800.00" }, "站敏乡供销社"),
  spend("2024-08-09", "服务性支出", "培训", "人才培训资料", { text: "¥1200" }, "疏附县文印中心"),
  spend("2024-09-06", "服务性支出", "交通", "入户探访交通费", 900, "疏附县客运站"),
  spend(
    "2024-08-28",
    "评估及其他",
    "评估费",
    "中期评估预付款",
    { text: "３０００" },
    "喀什地区社会工作协会"
  ),
];

/** Swap two columns' cells (values and formats) over the given rows. */
function swapColumns(ws: ExcelJS.Worksheet, a: number, b: number, rows: number) {
  for (let r = 1; r <= rows; r += 1) {
    const ca = ws.getCell(r, a);
    const cb = ws.getCell(r, b);
    const [va, vb] = [ca.value, cb.value];
    ca.value = vb;
    cb.value = va;
  }
}

export const sample: Sample = {
  file: "05-zhanmin-format-drift.xlsx",
  about:
    "站敏乡项目，中期：工作表缺失、表格对象丢失、文本型数字、公式被改为常量等格式问题 (workbook drifted from the template)",
  content: {
    info: {
      ProjectName: "2024年站敏乡“一老一小”社区服务项目",
      ProjectCode: "SFMZ-FC-2024-05",
      Contractor: CONTRACTORS.tongxin.name,
      ContractorUSCC: CONTRACTORS.tongxin.uscc,
      Township: "站敏",
      ContractStart: START,
      ContractEnd: "2025-03-31",
      ContractAmount: 120000,
      AsOfDate: "2024-09-30",
    },
    budget: { 人力成本: 70000, 服务性支出: 40000, 评估及其他: 10000 },
    tables: {
      Ledger: ledger,
      Staff: [
        {
          name: "买买提江·热合曼",
          idNumber: { text: idNumber("1989-10-10", 19, false) },
          post: "项目主管",
          employment: " 专职 ",
          certLevel: "助理社会工作师",
          certNumber: { text: "2019650100054321" },
          careerStart: "2019-03-01",
          joined: START,
        },
        {
          name: "孙悦",
          idNumber: { text: idNumber("1997-01-21", 88, true) },
          post: "社工",
          employment: "专职",
          certLevel: "无",
          careerStart: "2022-09-01",
          joined: START,
        },
      ],
      CommunityOrgs: org.orgs,
      Activities: [
        ...services(
          ["2024-05-08", "2024-06-12", "2024-07-17", "2024-08-14", "2024-09-11"],
          [1, 12, 48, 10, 55]
        ),
        ...org.activities,
        {
          date: { text: "2024年13月5日" },
          title: "中秋节邻里联欢",
          type: "社区活动",
          host: "本机构",
          group: "其他",
          beneficiaries: 70,
          evidence: "",
        },
      ],
      Contests: [],
      Trainings: [
        {
          date: "2024-07-06",
          topic: "社区社会组织财务规范培训",
          audience: "社区社会组织人才",
          personTimes: 18,
        },
        { date: "2024-09-14", topic: null, audience: "社区志愿者", personTimes: 22 },
      ],
      FamilyFiles: familyFiles(
        "ZY",
        [
          "2024-05-16",
          "2024-06-21",
          "2024-07-19",
          "2024-08-16",
          "2024-09-13",
          "2024-09-20",
          "2024-09-27",
          "2024-06-28",
          "2024-07-26",
          "2024-08-30",
        ],
        ["2024-07-10", "2024-09-05", "2024-09-18"]
      ),
      CharityResources: [
        {
          date: "2024-09-01",
          source: "疏附县慈善总会",
          form: "资金",
          value: 2600,
          use: "困难老人助餐",
        },
      ],
      Cases: [{ title: "“一老一小”互助模式初见成效", completedOn: "2024-09-20" }],
      MonthlyReports: monthlyReports(START, 5, () => 9),
    },
  },
  mutate(wb) {
    // The supervisors sheet was deleted.
    wb.removeWorksheet(wb.getWorksheet("督导")!.id);
    // The activities table object was lost (pasted into a fresh sheet by hand); two columns swapped, headers retyped.
    const ws = wb.getWorksheet("服务活动")!;
    const rows = ws.rowCount;
    ws.removeTable("Activities");
    swapColumns(ws, 5, 6, rows);
    ws.getCell("A1").value = "活动日期";
    ws.getCell("E1").value = "受益人次（人）";
    ws.getCell("F1").value = "服务对象";
    // The Township name was deleted from the name manager; its label in column A remains.
    wb.definedNames.remove(`项目信息!$B$${infoRow("Township")}`, "Township");
    // The evaluation actual was overwritten with a typed figure.
    wb.getWorksheet("预算")!.getCell("C4").value = 3000;
  },
  tamper(wb) {
    // The personnel actual shows a figure from before the last ledger rows: saved without recalculation.
    const cell = wb.getWorksheet("预算")!.getCell("C2");
    const v = cell.value as ExcelJS.CellFormulaValue;
    cell.value = { formula: v.formula, result: 36000 } as ExcelJS.CellFormulaValue;
  },
  expected: [
    "BUD-SERVICE warning 预算!C3",
    // Pace (review-cycle.md section 3): 62,500 in 6 months heads for 125,000, over the contract
    // amount of 120,000 in 2025-03; personnel over its plan of 70,000 in 2024-12.
    "BUD-OVERRUN warning 预算!C2",
    "BUD-TOTAL warning 预算!C5",
    "BUD-EVAL info/progress 预算!C4",
    "BUD-OVERRUN info/progress 预算!C3",
    "BUD-OVERRUN info/progress 预算!C4",
    "BUD-PERSONNEL info/progress 预算!C2",
    "SUP-CERT info/not-checked -",
    "SUP-EXTERNAL info/not-checked -",
    "SUP-INTERNAL info/not-checked -",
    "STF-ID info/not-checked -",
    "KPI-CASES warning 典型案例!A1:C1",
    "KPI-CONTEST warning 大赛!A1:E1",
    "KPI-BENEFICIARIES info/progress 服务活动!A1:G1",
    "KPI-BENEFICIARIES info 服务活动!A1:G1",
    "KPI-CHARITY info/progress 慈善资源!A1:E1",
    "KPI-FAMILY info/progress 婚姻家庭档案!A1:D1",
    "KPI-MARRIAGE info/progress 婚姻家庭档案!A1:D1",
    "KPI-ORGS info/progress 社区社会组织!A1:H1",
    "KPI-SERVICES info/progress 服务活动!A1:G1",
    "KPI-SERVICES info 服务活动!A1:G1",
    "KPI-TRAINING info/progress 培训!A1:D1",
    "KPI-TRAINING info/progress 培训!A1:D1",
    "PRJ-TOWNSHIP error 项目信息!B7",
    "WB-FORMULA error 预算!C2",
    "WB-FORMULA error 预算!C4",
    "WB-STRUCTURE error -",
    "WB-VALUE error 培训!B3",
    "WB-VALUE error 服务活动!A17",
    "WB-STRUCTURE warning 服务活动!A1",
    "WB-STRUCTURE warning 项目信息!B7",
    "WB-TOTALS warning 预算!C3",
    "WB-TOTALS warning 预算!C5",
    "WB-VALUE warning 人员!D2",
    "WB-VALUE warning 人员!E2",
    "WB-VALUE warning 支出台账!C21",
    "WB-VALUE warning 支出台账!F22",
    "WB-VALUE warning 支出台账!F23",
    "WB-VALUE warning 支出台账!F25",
  ],
};
