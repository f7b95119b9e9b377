/**
 * fucai summary: the bureau's summary workbook and CSV over sets of project workbooks.
 * Cross-project rules on built sets (shared staff, a contractor with three projects, a clean
 * program of three), masking, formula injection, a corrupt file among good ones, the same
 * result with one worker as with several, and the output recalculated by LibreOffice.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { buildWorkbook, type WorkbookContent } from "../src/hosts/xlsx/template/build";
import { withCachedValues } from "../src/hosts/xlsx/template/cached";
import { bundledRuleSet } from "../src/engine/rulesets/ruleset";
import { readWorkbookModel } from "../src/hosts/xlsx/read-model";
import { isErrorValue } from "../src/engine/model";
import { sample as compliant } from "../scripts/samples/s01-compliant-final";
import { CONTRACTORS, idNumber, uscc } from "../scripts/samples/people";
import { buildCli, fucai, STACK_LINE } from "./support/cli";
import { recalcWithLibreOffice } from "./support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "fucai-summary-"));
const ruleset = bundledRuleSet();

interface Variant {
  code: string;
  township: string;
  contractor: { name: string; uscc: string };
  amount?: number;
  /** Birth dates of the two full-time staff: equal births give equal ID numbers. */
  staffSeed: number;
  name?: string;
}

/** The compliant sample as another project: its own code, site, contractor and staff. */
async function project(file: string, v: Variant): Promise<string> {
  const base = compliant.content;
  const staff = base.tables!.Staff!.map((s, i) => ({
    ...s,
    idNumber: {
      text: idNumber(`198${v.staffSeed % 10}-0${i + 1}-1${i}`, v.staffSeed * 3 + i, i !== 2),
    },
  }));
  const content: WorkbookContent = {
    ...base,
    info: {
      ...base.info,
      ProjectCode: v.code,
      Township: v.township,
      Contractor: v.contractor.name,
      ContractorUSCC: v.contractor.uscc,
      ContractAmount: v.amount ?? 160000,
      ...(v.name ? { ProjectName: { text: v.name } } : {}),
    },
    tables: { ...base.tables, Staff: staff },
  };
  const path = join(dir, file);
  writeFileSync(path, await withCachedValues(buildWorkbook(ruleset, content)));
  return path;
}

const other = { name: "疏附县和美家庭服务中心", uscc: uscc("52", "MJW5D6P8R") };
let clean: string[];

beforeAll(async () => {
  buildCli();
  clean = [
    await project("a.xlsx", {
      code: "P-A",
      township: "乌帕尔镇",
      contractor: CONTRACTORS.tongxin,
      staffSeed: 1,
    }),
    await project("b.xlsx", {
      code: "P-B",
      township: "站敏乡",
      contractor: CONTRACTORS.yangguang,
      staffSeed: 2,
    }),
    await project("c.xlsx", {
      code: "P-C",
      township: "托克扎克镇",
      contractor: other,
      staffSeed: 3,
    }),
  ];
}, 240_000);

async function sheets(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

function crossRules(wb: ExcelJS.Workbook): string[] {
  const ws = wb.getWorksheet("汇总-交叉检查")!;
  const rules: string[] = [];
  ws.eachRow((row, n) => {
    const v = String(row.getCell(1).value ?? "");
    if (n > 2 && /^X-/.test(v)) rules.push(`${v} ${String(row.getCell(2).value)}`);
  });
  return rules.sort();
}

describe("fucai summary", () => {
  it("summarises a clean program of three with no cross-project findings and every sheet", async () => {
    const out = join(dir, "clean.xlsx");
    const r = fucai(["summary", ...clean, "-o", out]);
    expect(r.code).toBe(0);
    const wb = await sheets(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "汇总-县级",
      "汇总-交叉检查",
      "汇总-审核意见",
      "汇总-P-A",
      "汇总-P-B",
      "汇总-P-C",
      "读取失败",
    ]);
    expect(crossRules(wb)).toEqual([]);
    const overview = wb.getWorksheet("汇总-县级")!;
    const codes: string[] = [];
    overview.getColumn(2).eachCell((c) => codes.push(String(c.value)));
    expect(codes).toEqual(expect.arrayContaining(["P-A", "P-B", "P-C"]));
    // Frozen header, A4 landscape with repeated header rows.
    expect(overview.views[0]).toMatchObject({ state: "frozen" });
    expect(overview.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
    expect(overview.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
  }, 60_000);

  it("finds shared full-time staff and a contractor with three projects", async () => {
    const shared = await project("d.xlsx", {
      code: "P-D",
      township: "乌帕尔镇",
      contractor: CONTRACTORS.tongxin,
      staffSeed: 1,
    });
    const out = join(dir, "cross.xlsx");
    const r = fucai([
      "summary",
      clean[0],
      clean[1],
      shared,
      await project("e.xlsx", {
        code: "P-E",
        township: "站敏乡",
        contractor: CONTRACTORS.tongxin,
        staffSeed: 5,
      }),
      "-o",
      out,
    ]);
    // Written: 0, whatever the summary reports (help.ts documents summary's exit codes).
    expect(r.code).toBe(0);
    const rules = crossRules(await sheets(out));
    expect(rules).toContain("X-CONTRACTOR 错误");
    expect(rules).toContain("X-STAFF 错误");
    expect(rules.filter((x) => x.startsWith("X-PROGRAM"))).toHaveLength(3); // fund, and two sites twice
  }, 90_000);

  it("never shows an ID number unmasked, anywhere in the workbook", async () => {
    const out = join(dir, "mask.xlsx");
    const shared = await project("f.xlsx", {
      code: "P-F",
      township: "站敏乡",
      contractor: other,
      staffSeed: 1,
    });
    fucai(["summary", clean[0], shared, "-o", out]);
    const model = readWorkbookModel(new Uint8Array(readFileSync(out)), out);
    const texts = model.sheets.flatMap((s) =>
      s.rows.flatMap((row) => (row ?? []).map((c) => String(c?.v ?? "")))
    );
    expect(texts.some((t) => /653121\*{8}\d{3}[\dX]/.test(t))).toBe(true); // the X-STAFF message, masked
    expect(texts.filter((t) => /\d{17}[\dX]/.test(t))).toEqual([]);
  }, 90_000);

  it("writes text from workbooks as text, never as a formula, and guards the CSV", async () => {
    const evil = await project("evil.xlsx", {
      code: '=HYPERLINK("http://x","y")',
      township: "乌帕尔镇",
      contractor: other,
      staffSeed: 7,
      name: "+SUM(1,2)",
    });
    const out = join(dir, "evil.xlsx.out.xlsx");
    fucai(["summary", evil, "-o", out]);
    const model = readWorkbookModel(new Uint8Array(readFileSync(out)), out);
    const formulas = model.sheets.flatMap((s) =>
      s.rows.flatMap((row) => (row ?? []).filter((c) => c?.f).map((c) => `${s.name}: ${c!.f}`))
    );
    expect(formulas.every((f) => f.includes("SUMIFS("))).toBe(true); // only our own totals
    const overview = model.sheets.find((s) => s.name === "汇总-县级")!;
    expect(overview.rows.some((row) => row?.some((c) => c?.v === "+SUM(1,2)" && !c.f))).toBe(true);
    const csv = join(dir, "evil.csv");
    fucai(["summary", evil, "-o", csv]);
    const text = readFileSync(csv, "utf8");
    expect(text.startsWith("\ufeff")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).toContain(`"'+SUM(1,2)"`);
    expect(text).not.toMatch(/(^|,)"[=+@]/m);
  }, 90_000);

  it("exits 2 and writes nothing when it cannot write the summary", () => {
    const blocked = join(dir, "blocked");
    writeFileSync(blocked, "a file where a folder should be");
    const r = fucai(["summary", clean[0], "-o", join(blocked, "汇总.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.all).not.toMatch(STACK_LINE);
    expect(existsSync(join(blocked, "汇总.xlsx"))).toBe(false);
    expect(r.stderr).toContain("无法写出汇总文件");
    expect(r.stderr).toContain("未写出任何文件");
  });

  it("lists a corrupt file on 读取失败 and still summarises the others", async () => {
    const corrupt = join(dir, "corrupt.xlsx");
    writeFileSync(corrupt, readFileSync(clean[0]).subarray(0, 4000));
    const out = join(dir, "with-corrupt.xlsx");
    const r = fucai(["summary", clean[0], corrupt, clean[1], "-o", out]);
    expect(r.code).toBe(0); // written, with the corrupt file listed on 读取失败 and on screen
    expect(r.all).not.toMatch(STACK_LINE);
    expect(r.all).toContain("corrupt.xlsx");
    const wb = await sheets(out);
    const failed = wb.getWorksheet("读取失败")!;
    const listed: string[] = [];
    failed.eachRow((row) => listed.push(String(row.getCell(1).value)));
    expect(listed.some((l) => l.endsWith("corrupt.xlsx"))).toBe(true);
    expect(wb.getWorksheet("汇总-P-A")).toBeDefined();
    expect(wb.getWorksheet("汇总-P-B")).toBeDefined();
  }, 90_000);

  it("gives the same result with one worker as with several", () => {
    const one = join(dir, "one.csv");
    const many = join(dir, "many.csv");
    fucai(["summary", ...clean, "workbooks/samples", "-o", one, "-j", "1"]);
    fucai(["summary", ...clean, "workbooks/samples", "-o", many, "-j", "4"]);
    expect(readFileSync(many, "utf8")).toBe(readFileSync(one, "utf8"));
  }, 120_000);

  it("gives interim projects their pace: projected spending per cap, the monthly rate each KPI needs", async () => {
    const csv = join(dir, "pace.csv");
    const samples = ["02-zhanmin-interim-behind.xlsx", "05-zhanmin-format-drift.xlsx"];
    fucai(["summary", ...samples.map((f) => join("workbooks", "samples", f)), "-o", csv]);
    const [head, ...rows] = readFileSync(csv, "utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(",").map((c) => c.replace(/^"|"$/g, "")));
    const of = (row: string[], col: string) => row[head.indexOf(col)];
    const [s02, s05] = [
      rows.find((r) => r[1] === "SFMZ-FC-2024-02")!,
      rows.find((r) => r[1] === "SFMZ-FC-2024-05")!,
    ];
    // 48,900 in 6 whole months: 97,800 by the contract end; 60,900 in all: 121,800.
    expect(of(s02, "人力成本 预计期末")).toBe("97800");
    expect(of(s02, "合计 预计期末")).toBe("121800");
    expect(of(s02, "专业服务活动 每月需完成")).toBe("1");
    expect(of(s02, "慈善资源 每月需完成")).toBe("584");
    // Sample 05 heads over its contract amount of 120,000.
    expect(of(s05, "合计 预计期末")).toBe("125000");
    const xlsx = join(dir, "pace.xlsx");
    fucai(["summary", ...samples.map((f) => join("workbooks", "samples", f)), "-o", xlsx]);
    const wb = await sheets(xlsx);
    const texts = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => out.push(String(c.value))));
      return out;
    };
    expect(texts("汇总-县级")).toContain("按月均推算期末支出（元）");
    expect(texts("汇总-SFMZ-FC-2024-02")).toContain("此后每月需完成");
  }, 60_000);

  it("writes English headers with --lang en", async () => {
    const out = join(dir, "en.xlsx");
    fucai(["summary", clean[0], "-o", out, "--lang", "en"]);
    const ws = (await sheets(out)).getWorksheet("汇总-县级")!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain("Contractor");
    expect(texts).toContain("✔ Compliant");
  }, 60_000);

  it("opens and recalculates in LibreOffice without errors, to the same totals", () => {
    const out = join(dir, "lo.xlsx");
    fucai(["summary", "workbooks/samples", "-o", out]);
    const [converted] = recalcWithLibreOffice([out]);
    const ours = readWorkbookModel(new Uint8Array(readFileSync(out)), out);
    const theirs = readWorkbookModel(new Uint8Array(readFileSync(converted)), converted);
    expect(theirs.sheets.map((s) => s.name)).toEqual(ours.sheets.map((s) => s.name));
    const errors = theirs.sheets.flatMap((s) =>
      s.rows.flatMap((row) =>
        (row ?? [])
          .filter((c) => c && isErrorValue(c.v))
          .map((c) => `${s.name}: ${JSON.stringify(c!.v)}`)
      )
    );
    expect(errors).toEqual([]);
    const sheet = (m: typeof ours) => m.sheets.find((s) => s.name === "汇总-县级")!;
    const totals = (m: typeof ours) =>
      sheet(m).rows.flatMap((row) => (row ?? []).filter((c) => c?.f).map((c) => c!.v));
    expect(totals(theirs)).toEqual(totals(ours));
    expect(totals(ours).length).toBeGreaterThan(5);
  }, 120_000);
});
