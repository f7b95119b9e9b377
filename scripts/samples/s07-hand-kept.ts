/**
 * A final-stage workbook kept by hand the way a finance clerk keeps it: the 项目信息 sheet
 * copied in from another workbook (its names now scoped to the sheet), two names deleted and
 * their labels typed with colons, one value typed into its label's cell; the contract amount
 * as 16万元; a leap-day start; the personnel budget typed as text; a ledger exported from
 * accounting software (date-times as text, an amount-in-words column left of 金额, a page
 * subtotal, the headers repeated after a page break and a grand total typed inside the table,
 * a returned purchase); 无 / 否 / "/" where nothing applies; an ID number typed in groups;
 * 在岗 for "not left"; dates with a time of day; a training list pasted without its table
 * and signed off below; a charity total row. Its true problems: one organisation filed
 * without its filing number, one certificate number given as 无, one activity before the
 * contract started.
 */
import type ExcelJS from "exceljs";
import type { Sample } from "./types";
import { CONTRACTORS, idNumber } from "./people";
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
import { TABLES, templateHeader } from "../../src/engine/contract/tables";
import { infoRow } from "../../src/hosts/xlsx/template/layout";
import { amountInWords } from "./words";
import { scopeNamesToSheet } from "./scoped-names";

resetVouchers();
const START = "2024-02-29";
const END = "2025-02-28";
const fields = ["公益慈善类", "生活服务类", "社区事务类", "文体活动类"];
const org = organisations(
  "托克扎克镇",
  "托克扎克",
  Array.from({ length: 12 }, (_, i) => ({
    field: fields[i % 4],
    filedOn: day("2024-04-15", i * 8),
    activities: [day("2024-06-10", i * 6), day("2024-09-16", i * 5)],
  }))
);
// Filed with the township on a date, but the filing number never written down.
org.orgs[11].filingNumber = null;
// Not filed yet, in the clerk's words: 未备案 and "/".
org.orgs[10].filedOn = { text: "未备案" };
org.orgs[10].filingNumber = "/";
// An activity the first organisation held before the contract started: it does not count.
org.activities.push({
  ...org.activities[0],
  date: "2024-02-20",
  title: `${org.orgs[0].name}春节前走访`,
});

const STAFF = [
  { name: "古丽米热·买买提", monthly: 3600 },
  { name: "陈志强", monthly: 3400 },
];

/** The ledger as the accounting software exported it: service rows with a time of day. */
const ledgerRows: Row[] = [
  ...payroll(START, 12, STAFF, 900),
  spend("2024-03-18", "服务性支出", "调研", "需求摸底调研问卷印制", 1300, "疏附县文印中心"),
  spend("2024-04-15", "服务性支出", "活动物资", "孵化基地办公用品", 5400, "疏附县百货商店"),
  spend("2024-04-26", "服务性支出", "活动物资", "孵化基地办公用品退货", -400, "疏附县百货商店"),
  spend(
    "2024-05-20",
    "服务性支出",
    "培训",
    "社区社会组织人才培训资料",
    3800,
    "托克扎克镇党群服务中心"
  ),
  spend("2024-06-12", "服务性支出", "活动物资", "邻里互助日活动物资", 4300, "托克扎克镇供销社"),
  spend(
    "2024-07-22",
    "服务性支出",
    "大赛资助",
    "微公益大赛获奖组织资助",
    12000,
    "托克扎克镇社区社会组织联合会"
  ),
  spend("2024-08-19", "服务性支出", "交通", "入户探访及活动交通费", 2600, "疏附县客运站"),
  spend("2024-09-27", "服务性支出", "活动物资", "民族团结联欢会物资", 5100, "托克扎克镇供销社"),
  spend("2024-10-14", "服务性支出", "培训", "社区志愿者培训讲师费", 3500, "喀什大学继续教育学院"),
  spend("2024-11-18", "服务性支出", "宣传", "婚嫁新风宣传册印制", 2900, "疏附县文印中心"),
  spend("2024-12-20", "服务性支出", "活动物资", "困境老人冬季慰问物资", 3400, "疏附县百货商店"),
  spend("2025-01-17", "服务性支出", "宣传", "典型案例汇编印制", 1600, "疏附县文印中心"),
  spend("2024-08-30", "评估及其他", "评估费", "项目中期第三方评估", 8000, "喀什地区社会工作协会"),
  spend("2025-02-25", "评估及其他", "评估费", "项目末期第三方评估", 9000, "喀什地区社会工作协会"),
  spend("2025-02-26", "评估及其他", "审计费", "项目专项审计", 1000, "喀什正信会计师事务所"),
];

const LEDGER = TABLES.find((t) => t.name === "Ledger")!;
const WORDS_HEADER = "金额（大写）";
/** Where the exported ledger breaks pages: a subtotal and the headers again. */
const PAGE_ROWS = 20;

function exportedLedger(): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  const fieldsBefore = LEDGER.fields.slice(0, 5); // 日期 … 摘要
  const after = LEDGER.fields.slice(5); // 金额, 收款方
  const line = (r: Row): ExcelJS.CellValue[] => {
    const date = String(r.date);
    const service = r.category === "服务性支出";
    return [
      service ? `${date} 00:00:00` : new Date(`${date}T00:00:00Z`),
      ...fieldsBefore.slice(1).map((f) => r[f.key] as ExcelJS.CellValue),
      amountInWords(r.amount as number),
      ...after.map((f) => r[f.key] as ExcelJS.CellValue),
    ];
  };
  const blank = (label: string, at: number, amount: number): ExcelJS.CellValue[] => {
    const row: ExcelJS.CellValue[] = Array(LEDGER.fields.length + 1).fill(null);
    row[at] = label;
    row[6] = amount;
    return row;
  };
  let page = 0;
  let total = 0;
  ledgerRows.forEach((r, i) => {
    out.push(line(r));
    page += r.amount as number;
    total += r.amount as number;
    if ((i + 1) % PAGE_ROWS === 0 && i + 1 < ledgerRows.length) {
      out.push(blank("本页小计", 4, page));
      out.push([...LEDGER.fields.slice(0, 5).map((f) => f.header), WORDS_HEADER, "金额", "收款方"]);
      page = 0;
    }
  });
  out.push(blank("合  计", 0, total));
  return out;
}

export const sample: Sample = {
  file: "07-tokezhake-hand-kept.xlsx",
  about:
    "托克扎克镇项目，末期，财务人员手工维护的工作簿：冒号标签、工作表级名称、万元金额、文本日期时间、大写金额列、表内合计行、占位词等 (a hand-kept workbook)",
  content: {
    info: {
      ProjectName: "2024年托克扎克镇“邻里守望”社区治理项目",
      ProjectCode: "SFMZ-FC-2024-07",
      Contractor: CONTRACTORS.hexie.name,
      ContractorUSCC: { text: CONTRACTORS.hexie.uscc.replace(/^(.{6})(.{6})/, "$1 $2 ") },
      Township: "托克扎克镇",
      ContractStart: START,
      ContractEnd: END,
      ContractAmount: { text: "16万元" },
      AsOfDate: null,
    },
    budget: { 人力成本: { text: "96,000.00" }, 服务性支出: 46000, 评估及其他: 18000 },
    tables: {
      Ledger: ledgerRows,
      Staff: [
        {
          name: STAFF[0].name,
          idNumber: { text: idNumber("1990-03-12", 51, true).replace(/^(.{6})(.{8})/, "$1 $2 ") },
          post: "项目主管",
          employment: "专职",
          certLevel: "初级",
          certNumber: { text: "2020650100023456" },
          careerStart: "2020-07-01",
          joined: START,
          left: "在岗",
          otherProject: "无",
        },
        {
          name: STAFF[1].name,
          idNumber: { text: idNumber("1994-11-25", 62, false) },
          post: "社工",
          employment: "专职",
          certLevel: "无",
          certNumber: "/",
          careerStart: "2022-09-01",
          joined: START,
          left: "在岗",
          otherProject: "否",
        },
        {
          name: "努尔买买提·吐尔洪",
          idNumber: { text: idNumber("1987-06-30", 73, false) },
          post: "财务",
          employment: "兼职",
          certLevel: "助理社会工作师",
          certNumber: "无",
          joined: START,
          left: "在岗",
          otherProject: "/",
        },
      ],
      Supervisors: [
        {
          name: "阿不都拉·艾海提",
          idNumber: { text: idNumber("1978-05-05", 81, false) },
          kind: "内部",
          certLevel: "中级",
          certNumber: { text: "2015650100006543" },
          careerStart: "2011-03-01",
          employer: CONTRACTORS.hexie.name,
        },
        {
          name: "周晓梅",
          idNumber: { text: idNumber("1981-08-19", 92, true) },
          kind: "外部",
          certLevel: "中级",
          certNumber: { text: "2013650100009911" },
          careerStart: "2009-09-01",
          employer: "喀什大学法政学院",
        },
      ],
      CommunityOrgs: org.orgs,
      Activities: [
        ...services(
          spread("2024-04-20", "2025-01-20", 12),
          [1, 12, 48, 10, 60, 1, 1, 11, 45, 9, 52, 1]
        ).map((a) => ({ ...a, date: { text: slashDateTime(String(a.date)) } })),
        ...org.activities,
      ],
      Contests: [
        {
          date: "2024-07-22",
          title: "托克扎克镇社区社会组织微公益大赛",
          type: "微公益大赛",
          participants: 12,
          grantAmount: 12000,
        },
      ],
      Trainings: [
        {
          date: "2024-05-20",
          topic: "社区社会组织规范管理",
          audience: "社区社会组织人才",
          personTimes: 34,
        },
        { date: "2024-10-14", topic: "志愿服务技能", audience: "社区志愿者", personTimes: 31 },
      ],
      FamilyFiles: familyFiles(
        "TK",
        spread("2024-04-08", "2025-01-28", 21),
        spread("2024-05-15", "2025-01-10", 5)
      ),
      CharityResources: [
        { date: "2024-06-03", source: "疏附县慈善总会", form: "资金", value: 3000, use: "助学" },
        { date: "2024-09-12", source: "托克扎克镇爱心商户", form: "物资", value: 2400, use: "/" },
        { date: null, source: "合计", form: null, value: 5400, use: null },
      ],
      Cases: [
        { title: "互助会带动邻里守望", orgs: "无", completedOn: "2024-11-20" },
        { title: "调解队化解邻里纠纷", orgs: "无", completedOn: "2024-12-18" },
        { title: "文艺队凝聚人心", orgs: "无", completedOn: "2025-01-22" },
      ],
      MonthlyReports: monthlyReports(START, 12, (i) => 5 + (i % 4)).map((r) => ({
        ...r,
        month: { text: monthWords(String((r.month as { text: string }).text)) },
      })),
    },
  },
  mutate(wb) {
    const info = wb.getWorksheet("项目信息")!;
    // Labels retyped with colons; two names deleted; the reporting date typed into its label's cell.
    info.getCell(`A${infoRow("ProjectName")}`).value = "项目名称：";
    info.getCell(`A${infoRow("ContractAmount")}`).value = "合同金额（元）:";
    wb.definedNames.remove(`项目信息!$B$${infoRow("ContractAmount")}`, "ContractAmount");
    wb.definedNames.remove(`项目信息!$B$${infoRow("AsOfDate")}`, "AsOfDate");
    info.getCell(`A${infoRow("AsOfDate")}`).value = "报告截止日期：2025年3月5日";
    // The ledger as exported, with an amount-in-words column left of 金额.
    const ws = wb.getWorksheet("支出台账")!;
    ws.removeTable("Ledger");
    const rows = exportedLedger();
    const headers = [
      ...LEDGER.fields.slice(0, 5).map(templateHeader),
      WORDS_HEADER,
      ...LEDGER.fields.slice(5).map(templateHeader),
    ];
    for (let r = 1; r <= rows.length + 1; r += 1)
      for (let c = 1; c <= headers.length; c += 1) ws.getCell(r, c).value = null;
    ws.addTable({
      name: "Ledger",
      ref: "A1",
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
    ws.getColumn(6).width = 26;
    // Excel moves the budget's references when a column is inserted: 金额 is now column G.
    const budget = wb.getWorksheet("预算")!;
    for (let r = 2; r <= 4; r += 1) {
      const cell = budget.getCell(`C${r}`);
      const f = (cell.value as ExcelJS.CellFormulaValue).formula.replace(/\$F:\$F/g, "$G:$G");
      cell.value = { formula: f } as ExcelJS.CellFormulaValue;
    }
    // Training list pasted by hand without its table, headers with units, signed off below.
    const training = wb.getWorksheet("培训")!;
    training.removeTable("Trainings");
    training.getCell("D1").value = "参训人次（人次）";
    training.getCell("A5").value = "制表人：陈志强";
    training.getCell("C5").value = "审核：古丽米热·买买提";
  },
  postWrite: (bytes) => scopeNamesToSheet(bytes, "项目信息"),
  expected: [
    // Its true problems.
    "STF-CERT error 人员!F4", // 证书编号 = 无 under a claimed certificate
    "WB-VALUE error 社区社会组织!H13", // filed on a date, no 备案编号
    "KPI-ORGS info 服务活动!A1:G1", // one organisation activity before the contract start
    // Read, and said how: names gone (one finding for both), a lost table, the text budget's total.
    "WB-STRUCTURE warning 项目信息!B10",
    "WB-STRUCTURE warning 培训!A1",
    "WB-TOTALS warning 预算!B5",
    // Values read after a coercion.
    "WB-VALUE warning 项目信息!B6", // credit code typed in groups
    "WB-VALUE warning 项目信息!B10", // 16万元
    "WB-VALUE warning 项目信息!A11", // 报告截止日期：2025年3月5日
    "WB-VALUE warning 预算!B2", // "96,000.00"
    "WB-VALUE warning 人员!B2", // ID number typed in groups
    "WB-VALUE warning 人员!E4", // 助理社会工作师 = 初级
    ...cells("支出台账", "A", [40, 41, 42, 43, 46, 47, 48, 49, 50, 51, 52, 53]), // date-times
    ...cells("服务活动", "A", [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]), // date-times
    // Rows that are not data: one warning each, nothing else.
    "WB-VALUE warning 支出台账!A22:H22", // 本页小计
    "WB-VALUE warning 支出台账!A23:H23", // headers repeated
    "WB-VALUE warning 支出台账!A44:H44",
    "WB-VALUE warning 支出台账!A45:H45",
    "WB-VALUE warning 支出台账!A57:H57", // 合  计
    "WB-VALUE warning 慈善资源!A4:E4", // 合计
  ],
};

function cells(sheet: string, col: string, rows: number[]): string[] {
  return rows.map((r) => `WB-VALUE warning ${sheet}!${col}${r}`);
}

/** "2024-04-20" -> "2024/4/20 0:00", as an export writes a date-time. */
function slashDateTime(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}/${m}/${d} 0:00`;
}

/** "2024-05" -> "2024年5月份". */
function monthWords(label: string): string {
  const [y, m] = label.split("-").map(Number);
  return `${y}年${m}月份`;
}
