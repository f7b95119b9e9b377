/**
 * fucai summary over a folder that holds several submissions of a project: 汇总-变更 compares
 * each such project's last two submissions (tables, retroactive changes, KPIs and budget then
 * and now, findings new, resolved and persisting), and is absent when every project was
 * submitted once. The overview still greys the superseded submission.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { buildCli, fucai, SAMPLE } from "./support/cli";
import { augustContent, writeSubmissions, writeWorkbook } from "./support/submissions";
import { idNumber } from "../scripts/samples/people";

jest.setTimeout(120_000);

let dir: string;
let folder: string;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "fucai-summary-changes-"));
  folder = join(dir, "submissions");
  mkdirSync(folder);
  await writeSubmissions(folder);
  // A July submission too: the comparison is of the last two, August and October.
  const july = augustContent();
  july.info!.AsOfDate = "2024-08-05";
  await writeWorkbook(join(folder, "07-站敏乡-7月.xlsx"), july);
  copyFileSync(SAMPLE.compliant, join(folder, "01-wupaer-final-compliant.xlsx"));
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

/** Each row's text, filled cells joined by " | " (merged cells once, figures unformatted). */
function rows(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => {
    const seen = new Set<string>();
    const cells: string[] = [];
    row.eachCell((c) => {
      const text = c.text;
      if (!text || (c.isMerged && seen.has(text))) return;
      seen.add(text);
      cells.push(text);
    });
    out.push(cells.join(" | "));
  });
  return out;
}

describe("汇总-变更", () => {
  let zh: ExcelJS.Workbook;
  beforeAll(async () => {
    const out = join(dir, "summary.xlsx");
    const r = fucai(["summary", folder, "-o", out]);
    expect(r.code).toBe(0);
    zh = await load(out);
  });

  it("follows the cross-project sheet when a folder holds several submissions of a project", () => {
    const names = zh.worksheets.map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(["汇总-县级", "汇总-交叉检查", "汇总-变更"]);
    expect(zh.getWorksheet("汇总-变更")!.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToWidth: 1,
    });
  });

  it("compares the project's last two submissions, once", () => {
    const text = rows(zh.getWorksheet("汇总-变更")!);
    expect(text.filter((t) => t.startsWith("2024年站敏乡"))).toEqual([
      "2024年站敏乡社区社会组织参与基层治理项目（SFMZ-FC-2024-02）",
    ]);
    expect(text).toContain("较早报送 | 08-站敏乡-8月.xlsx · 中期 · 截至 2024-09-05");
    expect(text).toContain("较晚报送 | 10-站敏乡-10月.xlsx · 中期 · 截至 2024-10-15");
    expect(text).toContain(
      "结论 | 追溯修改 5 处；新增 16 行、删除 1 行、修改 4 行；问题新出现 3、已解决 2、仍存在 9。"
    );
    expect(text.join("\n")).not.toContain("7月");
  });

  it("lists the counts per table and every retroactive change with old and new values", () => {
    const text = rows(zh.getWorksheet("汇总-变更")!);
    expect(text).toContain("支出台账 | 5 | 1 | 1 | 3");
    const retro = text.filter((t) =>
      /^(支出台账|人员|服务活动)(!\w+(:\w+)?)? \| (「|上次报送)/.test(t)
    );
    expect(retro.map((t) => t.split(" | ")[0])).toEqual([
      "支出台账!A1:G1",
      "支出台账!F21",
      "支出台账!A24",
      "人员!H3",
      "服务活动!F2",
    ]);
    expect(retro[1]).toContain("金额 4,800 → 4,600");
    const id = idNumber("1995-06-19", 73, false);
    expect(text.join("\n")).not.toContain(id);
    expect(retro[3]).toContain(`653121********${id.slice(-4)}`);
  });

  it("gives KPIs and the budget then and now, and the findings new, resolved and persisting", () => {
    const text = rows(zh.getWorksheet("汇总-变更")!);
    expect(text).toContain("受益群众（人） | 200 | 106 | 131 | 25 | 100 | ✔ 达到应有进度");
    expect(text).toContain("服务性支出 | 45000 | 45000 | 8980 | 12320 | 3340 | ≥ 40,000");
    // 9 persisting, among them the projected personnel-plan overrun (pace, BUD-OVERRUN).
    expect(text).toContain("问题对比：新出现 3 · 已解决 2 · 仍存在 9");
    expect(text.filter((t) => / \| 已解决 \| /.test(t)).map((t) => t.split("\n")[0])).toEqual([
      "KPI-FAMILY",
      "PRJ-USCC",
    ]);
    expect(text.some((t) => /^仍存在 \| 超出本类预算 × 1、服务性支出下限 × 1、/.test(t))).toBe(
      true
    );
  });

  it("leaves the superseded submissions greyed on the overview, as before", () => {
    const overview = rows(zh.getWorksheet("汇总-县级")!).join("\n");
    expect(overview.match(/已由较新报送替代/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it("is in English with --lang en", async () => {
    const out = join(dir, "summary-en.xlsx");
    expect(fucai(["summary", folder, "-o", out, "--lang", "en"]).code).toBe(0);
    const text = rows((await load(out)).getWorksheet("汇总-变更")!);
    expect(text[0]).toBe("Changes between each project's last two submissions");
    expect(text).toContain("Earlier | 08-站敏乡-8月.xlsx · interim · as of 2024-09-05");
    expect(text.join("\n")).toContain("had been reported and was changed: Amount 4,800 → 4,600");
  });

  it("is absent when every project was submitted once, and from the CSV overview", async () => {
    const out = join(dir, "single.xlsx");
    expect(fucai(["summary", SAMPLE.compliant, SAMPLE.budget, "-o", out]).code).toBe(0);
    expect((await load(out)).worksheets.map((w) => w.name)).not.toContain("汇总-变更");
    const csv = join(dir, "summary.csv");
    expect(fucai(["summary", folder, "-o", csv]).code).toBe(0);
    expect(readFileSync(csv, "utf8")).not.toContain("变更");
  });
});
