/**
 * In-memory project workbooks for rule tests. A fixture is plain data (ISO dates, numbers,
 * text); toModel lays it out the way the template does (tables at A1, defined names, budget
 * formulas with recalculated cached values), so tests run the real reader and rules without
 * any xlsx file. The compliant fixture sits exactly on every threshold: 10 organisations,
 * 200 beneficiaries, personnel at 100,000, so one step either way shows a rule's edge.
 */
import type { CellModel, SheetModel, TableModel, WorkbookModel } from "../model";
import {
  NAMES,
  TABLES,
  INFO_SHEET,
  templateHeader,
  type NameKey,
  type TableName,
} from "../contract/tables";
import { a1, columnLetters } from "../util/address";
import { parseIsoDate } from "../util/dates";
import { recalculate, cellKey, type CellKey } from "../formulas/evaluate";
import { bundledRuleSet, type RuleSet } from "../rulesets/ruleset";
import { idCheckChar, usccCheckChar } from "../util/checkdigits";
import { checkWorkbook, type ProjectReport } from "../check";
import { addReviews, type ReviewsLayout } from "./reviews-fixture";

export type FixtureValue = string | number | boolean | null;
export type FixtureRow = Record<string, FixtureValue>;

export interface Fixture {
  info: Partial<Record<NameKey, FixtureValue>>;
  budget: Record<"人力成本" | "服务性支出" | "评估及其他", FixtureValue>;
  tables: Partial<Record<Exclude<TableName, "Budget">, FixtureRow[]>>;
  /** Rows of 审核意见, by field key; the sheet is written only when given. */
  reviews?: FixtureRow[];
}

export interface LayoutOptions {
  /** Tables written without their table object (found only by header). */
  withoutTableObjects?: TableName[];
  /** Sheets left out altogether. */
  withoutSheets?: string[];
  /** Defined names left out (found only by label). */
  withoutNames?: NameKey[];
  /** Columns left out, as 'Ledger.amount'. */
  withoutColumns?: string[];
  /** Keep date text as text instead of turning ISO dates into serials. */
  rawDates?: boolean;
  /** 审核意见 as a user may have kept it. */
  reviewsLayout?: ReviewsLayout;
}

const START = "2024-03-01";

/** A valid ID number for a birth date and sequence (GB 11643 check digit). */
export function validId(birth: string, seq = 1): string {
  const first17 = `653121${birth.replace(/-/g, "")}${String(seq).padStart(3, "0")}`;
  return first17 + idCheckChar(first17);
}

export const VALID_USCC = (() => {
  const first17 = "52653121MJY2A3K4X";
  return first17 + usccCheckChar(first17);
})();

function dates(from: string, count: number, stepDays: number): string[] {
  const s = parseIsoDate(from)!;
  return Array.from({ length: count }, (_, i) => iso(s + i * stepDays));
}

function iso(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A project that meets every rule of shufu-2024 exactly at its thresholds, at the final stage. */
export function compliantFixture(): Fixture {
  const fields = ["公益慈善类", "生活服务类", "社区事务类", "文体活动类"];
  const orgs: FixtureRow[] = Array.from({ length: 10 }, (_, i) => ({
    name: `测试社区组织${i + 1}`,
    field: fields[i % 4],
    village: "乌帕尔村",
    leader: `负责人${i + 1}`,
    leaderType: "志愿者",
    newlyCultivated: "是",
    filedOn: iso(parseIsoDate("2024-04-01")! + i * 7),
    filingNumber: `备-${i + 1}`,
  }));
  const orgActivities: FixtureRow[] = orgs.flatMap((o, i) =>
    dates(iso(parseIsoDate("2024-06-01")! + i * 3), 2, 30).map((date, k) => ({
      date,
      title: `${o.name}服务${k + 1}`,
      type: "社区服务",
      host: o.name,
      group: "一老",
      beneficiaries: 10,
      evidence: null,
    }))
  );
  const services: FixtureRow[] = dates("2024-04-10", 10, 25).map((date, i) => ({
    date,
    title: `专业服务${i + 1}`,
    type: ["个案", "小组", "社区活动"][i % 3],
    host: "本机构",
    group: "其他",
    beneficiaries: 20,
    evidence: `照片${i + 1}.jpg`,
  }));
  const ledger: FixtureRow[] = [
    ...dates("2024-03-15", 10, 30).map((date, i) => ({
      date,
      voucher: `P-${i + 1}`,
      category: "人力成本",
      subject: "工资",
      summary: "工资",
      amount: 10000,
      payee: "员工",
    })),
    ...dates("2024-04-20", 4, 60).map((date, i) => ({
      date,
      voucher: `S-${i + 1}`,
      category: "服务性支出",
      subject: "活动物资",
      summary: "活动物资",
      amount: 10000,
      payee: "供销社",
    })),
    ...dates("2024-09-01", 2, 150).map((date, i) => ({
      date,
      voucher: `E-${i + 1}`,
      category: "评估及其他",
      subject: "评估费",
      summary: "评估",
      amount: 10000,
      payee: "协会",
    })),
  ];
  return {
    info: {
      ProjectName: "测试项目",
      ProjectCode: "TEST-001",
      Contractor: "疏附县测试社会工作服务中心",
      ContractorUSCC: VALID_USCC,
      Township: "乌帕尔镇",
      ContractStart: START,
      ContractEnd: "2025-02-28",
      ContractAmount: 160000,
      AsOfDate: "2025-03-05",
    },
    budget: { 人力成本: 100000, 服务性支出: 40000, 评估及其他: 20000 },
    tables: {
      Ledger: ledger,
      Staff: [
        {
          name: "甲",
          idNumber: validId("1988-05-12", 11),
          post: "主管",
          employment: "专职",
          certLevel: "初级",
          certNumber: "C-1",
          careerStart: "2023-03-05",
          joined: START,
          left: null,
          otherProject: null,
        },
        {
          name: "乙",
          idNumber: validId("1995-09-03", 22),
          post: "社工",
          employment: "专职",
          certLevel: "无",
          certNumber: null,
          careerStart: null,
          joined: START,
          left: null,
          otherProject: null,
        },
      ],
      Supervisors: [
        {
          name: "丙",
          idNumber: validId("1979-11-08", 33),
          kind: "内部",
          certLevel: "中级",
          certNumber: "S-1",
          careerStart: "2015-01-01",
          employer: "本机构",
        },
        {
          name: "丁",
          idNumber: validId("1982-04-16", 44),
          kind: "外部",
          certLevel: "中级",
          certNumber: "S-2",
          careerStart: "2023-03-05",
          employer: "喀什大学",
        },
      ],
      CommunityOrgs: orgs,
      Activities: [...services, ...orgActivities],
      Contests: [
        {
          date: "2024-07-20",
          title: "微公益大赛",
          type: "微公益大赛",
          participants: 10,
          grantAmount: 10000,
        },
      ],
      Trainings: [
        { date: "2024-05-18", topic: "人才培训", audience: "社区社会组织人才", personTimes: 30 },
      ],
      FamilyFiles: [
        ...dates("2024-04-01", 20, 14).map((date, i) => ({
          date,
          number: `HJ-${i + 1}`,
          type: "婚嫁新风宣传",
          content: null,
        })),
        ...dates("2024-05-01", 5, 30).map((date, i) => ({
          date,
          number: `FD-${i + 1}`,
          type: "婚姻家庭辅导",
          content: "调解",
        })),
      ],
      CharityResources: [
        { date: "2024-06-01", source: "慈善总会", form: "资金", value: 5000, use: "助学" },
      ],
      Cases: [1, 2, 3].map((i) => ({
        title: `案例${i}`,
        orgs: null,
        completedOn: iso(parseIsoDate("2024-11-01")! + i * 20),
      })),
      MonthlyReports: Array.from({ length: 12 }, (_, i) => {
        const m = 2 + i; // March 2024 = index 2
        const y = 2024 + Math.floor(m / 12);
        const mm = (m % 12) + 1;
        const ny = 2024 + Math.floor((m + 1) / 12);
        const nm = ((m + 1) % 12) + 1;
        return {
          month: `${y}-${String(mm).padStart(2, "0")}`,
          submittedOn: `${ny}-${String(nm).padStart(2, "0")}-05`,
        };
      }),
    },
  };
}

function cellOf(value: FixtureValue, type: string, rawDates: boolean): CellModel | undefined {
  if (value === null || value === undefined) return undefined;
  if (type === "date" && typeof value === "string" && !rawDates) {
    const serial = parseIsoDate(value);
    if (serial !== null) return { v: serial, fmt: "yyyy-mm-dd" };
  }
  return { v: value };
}

/** Lay a fixture out as the template would, as an engine model. */
export function toModel(
  fx: Fixture,
  options: LayoutOptions = {},
  source = "fixture.xlsx"
): WorkbookModel {
  const sheets: SheetModel[] = [];
  const tables: TableModel[] = [];
  const skipSheet = new Set(options.withoutSheets ?? []);
  const noObject = new Set(options.withoutTableObjects ?? []);
  const info: SheetModel = { name: INFO_SHEET, rows: [] };
  NAMES.forEach((def, i) => {
    info.rows[i + 2] = [
      { v: def.label },
      cellOf(fx.info[def.name] ?? null, def.type, !!options.rawDates),
    ];
  });
  if (!skipSheet.has(INFO_SHEET)) sheets.push(info);
  const names = skipSheet.has(INFO_SHEET)
    ? []
    : NAMES.filter((n) => !(options.withoutNames ?? []).includes(n.name)).map((def, _i) => {
        const row = NAMES.indexOf(def) + 2;
        return {
          name: def.name,
          sheet: INFO_SHEET,
          ref: a1(row, 1),
          formula: `${INFO_SHEET}!$B$${row + 1}`,
        };
      });
  const formulaCells: CellKey[] = [];
  for (const fullDef of TABLES) {
    if (skipSheet.has(fullDef.sheet)) continue;
    const dropped = new Set(
      (options.withoutColumns ?? [])
        .filter((c) => c.startsWith(`${fullDef.name}.`))
        .map((c) => c.split(".")[1])
    );
    const def = { ...fullDef, fields: fullDef.fields.filter((f) => !dropped.has(f.key)) };
    const sheet: SheetModel = {
      name: def.sheet,
      rows: [def.fields.map((f) => ({ v: templateHeader(f) }))],
    };
    let dataRows: number;
    let totals = 0;
    if (def.name === "Budget") {
      const ledger = TABLES.find((t) => t.name === "Ledger")!;
      const amountCol = columnLetters(ledger.fields.findIndex((f) => f.key === "amount"));
      const catCol = columnLetters(ledger.fields.findIndex((f) => f.key === "category"));
      const cats = Object.keys(fx.budget) as (keyof Fixture["budget"])[];
      cats.forEach((cat, i) => {
        const r = i + 2;
        sheet.rows[i + 1] = [
          { v: cat },
          cellOf(fx.budget[cat], "number", false),
          {
            v: null,
            f: `SUMIFS(${ledger.sheet}!$${amountCol}:$${amountCol},${ledger.sheet}!$${catCol}:$${catCol},$A${r})`,
          },
          { v: null, f: `IF(B${r}>0,C${r}/B${r},0)` },
        ];
        formulaCells.push(
          { sheet: def.sheet, row: i + 1, col: 2 },
          { sheet: def.sheet, row: i + 1, col: 3 }
        );
      });
      const t = cats.length + 1;
      sheet.rows[t] = [
        { v: "合计" },
        { v: null, f: `SUBTOTAL(109,Budget[${templateHeader(def.fields[1])}])` },
        { v: null, f: `SUBTOTAL(109,Budget[${templateHeader(def.fields[2])}])` },
        { v: null, f: `IF(B${t + 1}>0,C${t + 1}/B${t + 1},0)` },
      ];
      for (let c = 1; c <= 3; c += 1) formulaCells.push({ sheet: def.sheet, row: t, col: c });
      dataRows = cats.length;
      totals = 1;
    } else {
      const rows = fx.tables[def.name as Exclude<TableName, "Budget">] ?? [];
      rows.forEach((row, i) => {
        sheet.rows[i + 1] = def.fields.map((f) =>
          cellOf(row[f.key] ?? null, f.type, !!options.rawDates)
        );
      });
      dataRows = Math.max(1, rows.length);
    }
    sheets.push(sheet);
    if (!noObject.has(def.name)) {
      tables.push({
        name: def.name,
        sheet: def.sheet,
        ref: `A1:${a1(dataRows + totals, def.fields.length - 1)}`,
        headerRowCount: 1,
        totalsRowCount: totals,
        columns: def.fields.map((f) => templateHeader(f)),
      });
    }
  }
  if (fx.reviews) addReviews(fx.reviews, options.reviewsLayout, sheets, tables, cellOf);
  const model: WorkbookModel = { source, sheets, tables, names };
  // Cached values as Excel would have stored them.
  const budgetSheet = sheets.find((s) => s.name === "预算");
  if (budgetSheet) {
    const results = recalculate(
      model,
      formulaCells.filter((c) => c.sheet === budgetSheet.name)
    );
    for (const c of formulaCells) {
      const r = results.get(cellKey(c));
      const cell = budgetSheet.rows[c.row]?.[c.col];
      if (cell && r?.ok) cell.v = r.value;
    }
  }
  return model;
}

export function checkFixture(
  fx: Fixture,
  options: { asOf?: string; layout?: LayoutOptions; ruleset?: RuleSet; reviews?: boolean } = {}
): ProjectReport {
  return checkWorkbook(toModel(fx, options.layout), {
    ruleset: options.ruleset ?? bundledRuleSet(),
    asOf: options.asOf ? parseIsoDate(options.asOf)! : undefined,
    reviews: options.reviews,
  });
}

/** Findings of one rule, as "severity cell" strings, for compact assertions. */
export function findingsOf(report: ProjectReport, rule: string): string[] {
  return report.findings
    .filter((f) => f.rule === rule)
    .map(
      (f) => `${f.severity}${f.status ? `/${f.status}` : ""} ${f.sheet ?? "-"}!${f.cell ?? "-"}`
    );
}

/** Row of a fixture table as it lands in the sheet (1-based Excel row). */
export function excelRow(index: number): number {
  return index + 2;
}
