/**
 * `fucai diff` as a user runs it (the built CLI as a child process): two monthly submissions of
 * one project compared in text and JSON, the exit codes of the contract (0 no retroactive
 * change, 1 some, 2 unreadable, different projects or wrong arguments), equal reporting dates
 * decided by modification time, ID numbers masked, and the files read in a worker.
 */
import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildCli, fucai, SAMPLE, STACK_LINE } from "./support/cli";
import {
  augustContent,
  octoberContent,
  writeSubmissions,
  writeWorkbook,
} from "./support/submissions";
import { zipBomb } from "./support/bad-files";
import { idNumber } from "../scripts/samples/people";

jest.setTimeout(120_000);

let dir: string;
let earlier: string;
let later: string;
/** October with only the new month's rows: nothing reported was changed. */
let clean: string;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "fucai-diff-"));
  ({ earlier, later } = await writeSubmissions(dir));
  const october = octoberContent();
  // Only what October adds: history as August reported it.
  const august = augustContent();
  october.tables!.Ledger = [
    ...august.tables!.Ledger!,
    ...october.tables!.Ledger!.filter((r) => String(r.date) > "2024-09-05"),
  ];
  october.tables!.Staff = august.tables!.Staff;
  october.tables!.Activities = [
    ...august.tables!.Activities!,
    ...october.tables!.Activities!.filter((r) => String(r.date) > "2024-09-05"),
  ];
  october.tables!.CommunityOrgs = august.tables!.CommunityOrgs;
  clean = await writeWorkbook(join(dir, "10-clean.xlsx"), october);
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonDiff {
  project: { code: string; name: string | null };
  earlier: { file: string; asOf: string; stage: string; modified: string | null };
  later: { file: string; asOf: string; stage: string; modified: string | null };
  notes: { kind: string; severity: string; message: { zh: string; en: string } }[];
  info: { field: string; old: unknown; new: unknown }[];
  tables: {
    table: string;
    sheet: string;
    added: number;
    removed: number;
    changed: number;
    unchanged: number;
    retro: number;
    rows: {
      change: string;
      label: { zh: string; en: string };
      earlierRow: number | null;
      laterRow: number | null;
      cell: string | null;
      retro: boolean;
      fields: { field: string; header: { zh: string; en: string }; old: unknown; new: unknown }[];
    }[];
  }[];
  findings: {
    rule: string;
    severity: string;
    sheet: string | null;
    cell: string | null;
    target?: string;
    message: { zh: string; en: string };
    fingerprint: string | null;
  }[];
  kpis: { rule: string; target: number; earlier: number | null; later: number | null }[];
  budget: { category: string; actual: { earlier: number | null; later: number | null } }[] | null;
  checks: {
    counts: { new: number; resolved: number; persisting: number };
    new: { rule: string }[];
    resolved: { rule: string }[];
    persisting: { rule: string }[];
  };
}

function diffJson(args: string[]): { code: number | null; doc: JsonDiff } {
  const r = fucai(["diff", ...args, "--format", "json"]);
  return { code: r.code, doc: JSON.parse(r.stdout) as JsonDiff };
}

describe("fucai diff", () => {
  it("shows every retroactive change first, in Chinese, and exits 1", () => {
    const r = fucai(["diff", earlier, later]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("项目：2024年站敏乡社区社会组织参与基层治理项目（SFMZ-FC-2024-02）");
    expect(lines[1]).toBe(`较早报送：${earlier} · 中期 · 截至 2024-09-05`);
    expect(lines[2]).toBe(`较晚报送：${later} · 中期 · 截至 2024-10-15`);
    expect(lines[4]).toBe("追溯修改（已报送期间的数据被改动）");
    const retro = lines.filter((l) => /^ {2}▲ 警告 {2}SUB-RETRO 已报送数据被追溯修改/.test(l));
    expect(retro.map((l) => l.split("  ").pop())).toEqual([
      "支出台账!A1:G1",
      "支出台账!F21",
      "支出台账!A24",
      "人员!H3",
      "服务活动!F2",
    ]);
    expect(r.stdout).toContain("本次报送作了修改：金额 4,800 → 4,600");
    expect(r.stdout).toContain("本次报送作了修改：到岗日期 2024-04-01 → 2024-04-15");
    expect(r.stdout).toMatch(/\n {2}支出台账 +5 +1 +1 +3\n/);
    expect(r.stdout).toMatch(/\n {2}服务性支出 +45,000 +45,000 +8,980 +12,320 +≥ 40,000\n/);
    // Persisting: 9, among them the personnel plan outrun at this pace (BUD-OVERRUN on 预算!C2).
    expect(lines[lines.length - 2]).toBe(
      "结论：追溯修改 5 处；新增 16 行、删除 1 行、修改 4 行；问题新出现 3、已解决 2、仍存在 9。"
    );
    expect(r.stderr).toBe("");
  });

  it("speaks English with --lang en", () => {
    const r = fucai(["diff", earlier, later, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Retroactive changes (reported history changed)");
    expect(r.stdout).toContain("had been reported and was changed: Amount 4,800 → 4,600");
    expect(r.stdout).not.toMatch(/[结论较早报送]{2}/);
  });

  it("masks ID numbers everywhere in its output", () => {
    const id = idNumber("1995-06-19", 73, false); // 刘洋, whose start date moved
    for (const format of ["text", "json"]) {
      const out = fucai(["diff", earlier, later, "--format", format]).stdout;
      expect(out).not.toContain(id);
      expect(out).toContain(`653121********${id.slice(-4)}`);
    }
  });

  it("gives one JSON document with the contract's fields", () => {
    const { code, doc } = diffJson([earlier, later]);
    expect(code).toBe(1);
    expect(doc.project).toEqual({
      code: "SFMZ-FC-2024-02",
      name: "2024年站敏乡社区社会组织参与基层治理项目",
    });
    expect(doc.earlier).toMatchObject({ file: earlier, asOf: "2024-09-05", stage: "interim" });
    expect(doc.later.modified).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(doc.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell ?? f.target])).toEqual([
      ["SUB-RETRO", "warning", "支出台账", "A1:G1"],
      ["SUB-RETRO", "warning", "支出台账", "F21"],
      ["SUB-RETRO", "warning", "支出台账", "A24"],
      ["SUB-RETRO", "warning", "人员", "H3"],
      ["SUB-RETRO", "warning", "服务活动", "F2"],
    ]);
    for (const f of doc.findings) expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const ledger = doc.tables.find((t) => t.table === "Ledger")!;
    expect(ledger).toMatchObject({ sheet: "支出台账", added: 5, removed: 1, changed: 1, retro: 3 });
    const changed = ledger.rows.find((r) => r.change === "changed")!;
    expect(changed).toMatchObject({ earlierRow: 18, laterRow: 21, cell: "F21", retro: true });
    expect(changed.fields).toEqual([
      { field: "amount", header: { zh: "金额", en: "Amount" }, old: 4800, new: 4600 },
    ]);
    expect(doc.tables.map((t) => t.table)).toContain("Budget");
    expect(doc.kpis.find((k) => k.rule === "KPI-BENEFICIARIES")).toMatchObject({
      target: 200,
      earlier: 106,
      later: 131,
    });
    expect(doc.budget!.find((b) => b.category === "服务性支出")!.actual).toEqual({
      earlier: 8980,
      later: 12320,
    });
    expect(doc.checks.counts).toEqual({ new: 3, resolved: 2, persisting: 9 });
    expect(doc.checks.resolved.map((f) => f.rule)).toEqual(["KPI-FAMILY", "PRJ-USCC"]);
    expect(doc.info).toEqual([
      expect.objectContaining({ field: "ContractorUSCC", old: "52653121MJX8C1N7Q0" }),
    ]);
  });

  it("exits 0 when only new rows were added after the earlier reporting date", () => {
    const r = fucai(["diff", earlier, clean]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("\n  未发现追溯修改。\n");
    expect(diffJson([earlier, clean]).doc.findings).toEqual([]);
  });

  it("orders the two files by reporting date whatever order they are given in", () => {
    const { code, doc } = diffJson([later, earlier]);
    expect(code).toBe(1);
    expect([doc.earlier.file, doc.later.file]).toEqual([earlier, later]);
    expect(doc.notes.map((n) => n.kind)).toEqual(["order"]);
  });

  it("on the same reporting date takes the file modified last as the later one, and says so", async () => {
    const a = join(dir, "same-a.xlsx");
    const b = join(dir, "same-b.xlsx");
    const content = octoberContent();
    await writeWorkbook(a, content);
    content.tables!.Ledger![0].amount = 3900;
    await writeWorkbook(b, content);
    utimesSync(a, new Date("2024-10-16T09:00:00Z"), new Date("2024-10-16T09:00:00Z"));
    utimesSync(b, new Date("2024-10-15T09:00:00Z"), new Date("2024-10-15T09:00:00Z"));
    const { code, doc } = diffJson([b, a]);
    expect(code).toBe(1);
    expect([doc.earlier.file, doc.later.file]).toEqual([b, a]);
    expect(doc.notes).toEqual([
      {
        kind: "same-as-of",
        severity: "info",
        message: expect.objectContaining({
          zh: "两份报送的报告截止日期相同（2024-10-15），按文件修改时间，以 same-a.xlsx 为较晚的一次报送。",
        }),
      },
    ]);
    const text = fucai(["diff", b, a]).stdout;
    expect(text).toContain("  ℹ 提示  两份报送的报告截止日期相同（2024-10-15）");
  });

  it("refuses workbooks of different projects with exit 2 and a clear reason", () => {
    const r = fucai(["diff", SAMPLE.compliant, SAMPLE.behind]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      /^✖ 两份工作簿不是同一项目的报送：01-wupaer-final-compliant\.xlsx 的项目编号为 SFMZ-FC-2024-01/
    );
    const json = fucai([
      "diff",
      SAMPLE.compliant,
      SAMPLE.behind,
      "--format",
      "json",
      "--lang",
      "en",
    ]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      error: {
        zh: expect.stringMatching(/^两份工作簿不是同一项目/),
        en: expect.stringMatching(/^The two workbooks are not submissions of one project/),
      },
      reason: "different-projects",
    });
  });

  it("exits 2 naming a file it cannot read, read within the check's limits", () => {
    const bomb = join(dir, "bomb.xlsx");
    writeFileSync(bomb, zipBomb());
    const r = fucai(["diff", earlier, bomb]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      new RegExp(`^✖ ${bomb.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: 无法读取: .*安全上限`)
    );
    const missing = fucai(["diff", join(dir, "nowhere.xlsx"), later, "--format", "json"]);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({
      reason: "unreadable",
      file: join(dir, "nowhere.xlsx"),
      error: { zh: "文件不存在。" },
    });
    expect(r.all + missing.all).not.toMatch(STACK_LINE);
  });

  it("reads in a worker thread: a read that takes too long is stopped, not waited for", () => {
    const r = fucai(["diff", earlier, later], { env: { FUCAI_TIMEOUT_MS: "1" } });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/无法读取: 读取超时，已中止。/);
  });

  it("exits 2 on wrong arguments, with the reason in the chosen language", () => {
    const one = fucai(["diff", earlier]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain(
      "参数错误：请给出要比较的两个工作簿：较早的一次报送和较晚的一次报送。"
    );
    const en = fucai(["diff", earlier, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/error: missing required argument 'later\.xlsx'/);
    expect(en.stderr).not.toMatch(/[\u4e00-\u9fff]/);
    const same = fucai(["diff", earlier, earlier]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("两个参数是同一个文件");
    const copy = join(dir, "copy.xlsx");
    copyFileSync(earlier, copy);
    const folder = fucai(["diff", dir, copy, "--lang", "en"]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("is a folder; give two workbook files");
    const format = fucai(["diff", earlier, later, "--format", "xml"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("参数错误：选项「--format <format>」的取值「xml」无效");
    for (const r of [one, en, same, folder, format]) expect(r.all).not.toMatch(STACK_LINE);
  });

  it("helps in Chinese and in English, with the JSON document and the exit codes", () => {
    const zh = fucai(["diff", "--help"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("用法： fucai diff [选项] <较早报送.xlsx> <较晚报送.xlsx>");
    expect(zh.stdout).toMatch(/0 {2}没有追溯修改\n {2}1 {2}有追溯修改\n {2}2 {2}有文件无法读取/);
    expect(zh.stdout).toContain('"checks":{"counts":{"new","resolved","persisting"}');
    expect(zh.stdout).not.toMatch(/Usage|Options:|default:|\[options\]/);
    const en = fucai(["diff", "--help", "--lang", "en"]);
    expect(en.stdout).toContain("Usage: fucai diff [options] <earlier.xlsx> <later.xlsx>");
    expect(en.stdout).toMatch(/0 {2}no retroactive changes\n {2}1 {2}retroactive changes found/);
    expect(fucai(["--help"]).stdout).toContain("diff");
  });
});
