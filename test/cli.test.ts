/**
 * `fucai check` as a user runs it: the built CLI (bin/fucai.js → dist/) as a child process.
 * Output formats, exit codes, --as-of, --ruleset, --annotate and argument errors, tested
 * against the contract of the issue.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { spawnSync } from "child_process";
import { tmpdir } from "os";
import { basename, dirname, join, relative } from "path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, zipSync } from "fflate";
import { AREAS, AREA_ORDER } from "../src/engine/rules/types";
import { recalcWithLibreOffice } from "./support/libreoffice";
import { sampleParts } from "./support/bad-files";
import {
  buildCli,
  fucai,
  isReport,
  parseJson,
  ROOT,
  SAMPLE,
  SAMPLES_DIR,
  sha256,
  STACK_LINE,
  type JsonDoc,
  type JsonFinding,
} from "./support/cli";

jest.setTimeout(120_000);

let tmp: string;
const rel = (p: string) => p.slice(ROOT.length + 1);

beforeAll(() => {
  buildCli();
  tmp = mkdtempSync(join(tmpdir(), "fucai-cli-"));
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function checkJson(args: string[]): { code: number | null; doc: JsonDoc; stderr: string } {
  const r = fucai(["check", ...args, "--format", "json"]);
  return { code: r.code, doc: parseJson(r.stdout), stderr: r.stderr };
}

function findingsOf(doc: JsonDoc, file: string): JsonFinding[] {
  const entry = doc.files.find((f) => f.file === file);
  if (!entry || !isReport(entry)) throw new Error(`${file} was not checked`);
  return entry.findings;
}

/** Counts as the CLI shows them: progress and rules not checked are not 提示. */
function counts(findings: JsonFinding[]) {
  const c = { error: 0, warning: 0, info: 0, notChecked: 0 };
  for (const f of findings) {
    if (f.status === "not-checked") c.notChecked += 1;
    else if (f.status !== "progress") c[f.severity] += 1;
  }
  return c;
}

function expectNoStack(text: string) {
  expect(text).not.toMatch(STACK_LINE);
  expect(text).not.toMatch(/\bat Object\.|node:internal|\.js:\d+:\d+/);
}

const CJK = /[\u4e00-\u9fff]/;

describe("fucai check --format json", () => {
  let doc: JsonDoc;
  let stdout: string;
  let code: number | null;
  const files = [SAMPLE.compliant, SAMPLE.behind, SAMPLE.budget, SAMPLE.staff, SAMPLE.drift];

  beforeAll(() => {
    const r = fucai(["check", ...files.map(rel), "--format", "json"]);
    stdout = r.stdout;
    code = r.code;
    doc = parseJson(r.stdout);
  });

  it("writes exactly one JSON document to stdout", () => {
    const text = stdout.trim();
    expect(text.startsWith("{")).toBe(true);
    expect(text.endsWith("}")).toBe(true);
    // JSON.parse accepts a single value only: a second document or a stray line would throw.
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(Object.keys(doc).sort()).toEqual(["cross", "files"]);
  });

  it("lists every file as given, in order, with its stage", () => {
    expect(doc.files.map((f) => f.file)).toEqual(files.map(rel));
    for (const f of doc.files) {
      expect(isReport(f)).toBe(true);
      if (isReport(f)) expect(["interim", "final"]).toContain(f.stage);
    }
    const stages = doc.files.map((f) => (isReport(f) ? f.stage : null));
    expect(stages[0]).toBe("final");
    expect(stages[1]).toBe("interim");
  });

  it("gives every finding rule, severity, sheet, cell, message.zh/en and figures", () => {
    let n = 0;
    for (const f of doc.files) {
      if (!isReport(f)) continue;
      for (const x of f.findings) {
        n += 1;
        expect(x).toEqual(
          expect.objectContaining({
            rule: expect.stringMatching(/^[A-Z]+(-[A-Z0-9]+)+$/),
            severity: expect.stringMatching(/^(error|warning|info)$/),
            message: { zh: expect.any(String), en: expect.any(String) },
            figures: expect.any(Object),
          })
        );
        expect(x).toHaveProperty("sheet");
        expect(x).toHaveProperty("cell");
        // A finding either points at a cell, or (structure: a sheet or table missing) at none.
        if (x.sheet !== null) {
          expect(typeof x.sheet).toBe("string");
          expect(x.cell).toMatch(/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/);
        } else expect(x.cell).toBeNull();
        expect(x.message.zh.length).toBeGreaterThan(0);
        expect(x.message.en.length).toBeGreaterThan(0);
        expect(x.message.zh).toMatch(CJK);
        expect(Array.isArray(x.figures)).toBe(false);
      }
    }
    expect(n).toBeGreaterThan(50);
  });

  it("reports the issue's example finding: BUD-PERSONNEL error at 支出台账!F26 of sample 03", () => {
    const f = findingsOf(doc, rel(SAMPLE.budget)).find(
      (x) => x.rule === "BUD-PERSONNEL" && x.sheet === "支出台账"
    );
    expect(f).toEqual({
      rule: "BUD-PERSONNEL",
      severity: "error",
      sheet: "支出台账",
      cell: "F26",
      title: { zh: "人力成本上限", en: "Personnel cost cap" },
      clause: "三.1",
      message: { zh: expect.stringContaining("人力成本"), en: expect.stringMatching(/personnel/i) },
      fix: { zh: expect.stringMatching(/人力成本/), en: expect.any(String) },
      figures: expect.objectContaining({ cap: 100000 }),
      evidence: expect.any(Array),
      byPayee: expect.any(Array),
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    // The rows behind the figure, and pay per person (review-cycle.md section 4).
    const counted = f!.evidence!.filter((e) => e.counted);
    const sum = counted.reduce((s, e) => s + (e.value ?? 0), 0);
    expect(Math.round(sum * 100) / 100).toBe(f!.figures.actual);
    expect(f!.evidence![0]).toEqual({
      sheet: "支出台账",
      row: expect.any(Number),
      counted: true,
      value: expect.any(Number),
    });
    expect(f!.byPayee![0]).toEqual({
      payee: "吾斯曼·艾力",
      amount: 54000,
      rows: expect.any(Array),
    });
  });

  it("carries the pace of an interim project: figures on caps and targets, and the rows behind them", () => {
    const r = checkJson([rel(SAMPLE.behind)]);
    const fs = findingsOf(r.doc, rel(SAMPLE.behind));
    const personnel = fs.find((x) => x.rule === "BUD-PERSONNEL");
    expect(personnel).toMatchObject({
      status: "progress",
      figures: { actual: 48900, cap: 100000, headroom: 51100, projected: 97800 },
    });
    expect(personnel!.byPayee!.length).toBeGreaterThan(0);
    const overrun = fs.find((x) => x.rule === "BUD-OVERRUN" && x.severity === "warning");
    expect(overrun!.figures).toMatchObject({ projected: 97800, crossMonth: "2025-03" });
    const services = fs.find((x) => x.rule === "KPI-SERVICES" && x.severity === "warning");
    expect(services!.figures).toMatchObject({ actual: 4, neededPerMonth: 1 });
    expect(services!.evidence!.some((e) => !e.counted)).toBe(true);
  });

  it("gives cross-project X-… findings when several workbooks are given", () => {
    expect(doc.cross.length).toBeGreaterThan(0);
    for (const x of doc.cross) {
      expect(x.rule).toMatch(/^X-/);
      expect(["error", "warning", "info"]).toContain(x.severity);
      expect(x.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
      expect(x.figures).toEqual(expect.any(Object));
    }
    // 01, 03 and 05 share one contractor, which may hold at most two projects.
    const contractor = doc.cross.find((x) => x.rule === "X-CONTRACTOR");
    expect(contractor?.severity).toBe("error");
    expect(new Set(contractor!.refs.map((r) => basename(r.file)))).toEqual(
      new Set([
        "01-wupaer-final-compliant.xlsx",
        "03-tokezhake-budget-ledger.xlsx",
        "05-zhanmin-format-drift.xlsx",
      ])
    );
    expect(code).toBe(1);
  });

  it("gives no cross findings for a single workbook", () => {
    const r = checkJson([rel(SAMPLE.budget)]);
    expect(r.doc.cross).toEqual([]);
    expect(r.doc.files).toHaveLength(1);
  });

  it("checks the workbooks directly inside a folder", () => {
    const r = checkJson([rel(SAMPLES_DIR)]);
    expect(r.doc.files.map((f) => basename(f.file)).sort()).toEqual(
      readdirSync(SAMPLES_DIR)
        .filter((n) => n.endsWith(".xlsx"))
        .sort()
    );
    expect(r.code).toBe(1);
  });
});

describe("fucai check (text)", () => {
  let json: JsonDoc;
  beforeAll(() => {
    json = checkJson([rel(SAMPLE.budget), rel(SAMPLE.drift)]).doc;
  });

  /** The lines of one file's section: area headings, findings and the counts line. */
  function section(out: string, file: string): string[] {
    const lines = out.split("\n");
    const start = lines.findIndex((l) => l.includes(file));
    expect(start).toBeGreaterThanOrEqual(0);
    const end = lines.findIndex((l, i) => i > start && l.trim() === "");
    return lines.slice(start, end);
  }

  it("counts the rows behind a figure as the JSON lists them (the rows themselves stay in the worker)", () => {
    const file = rel(SAMPLE.behind);
    // Progress on track is one line apart (进度), without its rows.
    const jsonFindings = findingsOf(checkJson([file]).doc, file).filter(
      (f) => (f as { evidence?: unknown[] }).evidence?.length && f.status !== "progress"
    );
    expect(jsonFindings.length).toBeGreaterThan(3);
    const text = fucai(["check", file]).stdout;
    for (const f of jsonFindings) {
      const rows = (f as unknown as { evidence: { counted: boolean }[] }).evidence;
      const counted = rows.filter((e) => e.counted).length;
      const left = rows.length - counted;
      expect(text).toContain(
        counted
          ? `计入 ${counted} 行${left ? `，未计入 ${left} 行` : ""}（逐行明细见`
          : `    未计入 ${left} 行（逐行明细见`
      );
    }
  });

  const SYMBOLS: Record<string, number> = { "✖": 0, "▲": 1, ℹ: 2 };

  /** A finding's message as the text shows it: under 进度 without its own "进度：". */
  function shown(f: { status?: string; message: { zh: string; en: string } }, lang: "zh" | "en") {
    if (f.status !== "progress") return f.message[lang];
    const text = f.message[lang].replace(/^(进度：|Progress: )/, "");
    expect(text).not.toBe(f.message[lang]);
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function expectGrouped(out: string, file: string, lang: "zh" | "en") {
    const lines = section(out, file);
    const headings = lines.filter((l) => /^ {2}\S/.test(l));
    const areaLabels = AREA_ORDER.map((a) => AREAS[a][lang]);
    const areas = headings.map((h) => h.trim()).filter((h) => areaLabels.includes(h));
    // Each area once, in the catalogue's order.
    expect(new Set(areas).size).toBe(areas.length);
    expect([...areas].sort((a, b) => areaLabels.indexOf(a) - areaLabels.indexOf(b))).toEqual(areas);
    // Within an area: errors, then warnings, then info.
    let last = -1;
    let findingLines = 0;
    for (const l of lines) {
      if (/^ {2}\S/.test(l)) last = -1;
      const m = /^ {4}(✖|▲|ℹ) /.exec(l);
      if (!m) continue;
      findingLines += 1;
      expect(SYMBOLS[m[1]]).toBeGreaterThanOrEqual(last);
      last = SYMBOLS[m[1]];
    }
    const findings = findingsOf(json, file);
    // Progress on track stands apart, under its own heading, without a severity symbol.
    const problems = findings.filter((f) => f.status !== "progress");
    expect(findingLines).toBe(problems.length);
    const progress = findings.filter((f) => f.status === "progress");
    const heading = lines.findIndex((l) => l === `  ${lang === "zh" ? "进度" : "Progress"}`);
    if (progress.length) expect(heading).toBeGreaterThan(0);
    for (const f of progress)
      expect(lines.indexOf(`    ${shown(f, lang)}`)).toBeGreaterThan(heading);
    // The heading is not repeated on every line under it.
    for (const l of lines.slice(heading + 1)) expect(l).not.toMatch(/^ {4}(进度：|Progress: )/);
    return { lines, findings };
  }

  it("is Chinese by default: findings grouped by area and severity, with counts", () => {
    const r = fucai(["check", rel(SAMPLE.budget), rel(SAMPLE.drift)]);
    expect(r.code).toBe(1);
    for (const file of [rel(SAMPLE.budget), rel(SAMPLE.drift)]) {
      const { lines, findings } = expectGrouped(r.stdout, file, "zh");
      for (const f of findings) expect(r.stdout).toContain(shown(f, "zh"));
      for (const f of findings) expect(r.stdout).not.toContain(shown(f, "en"));
      const c = counts(findings);
      const notChecked = c.notChecked ? ` · 未检查 ${c.notChecked}` : "";
      expect(lines).toContain(
        `  合计: 错误 ${c.error} · 警告 ${c.warning} · 提示 ${c.info}${notChecked}`
      );
    }
    expect(r.stdout).toContain("预算");
    expect(r.stdout).toMatch(/共 2 个文件：错误 \d+，警告 \d+，提示 \d+/);
    expect(r.stdout).not.toMatch(/\bFile:|\bTotal:|\berror\b/);
  });

  it("is English with --lang en", () => {
    const r = fucai(["check", rel(SAMPLE.budget), rel(SAMPLE.drift), "--lang", "en"]);
    expect(r.code).toBe(1);
    for (const file of [rel(SAMPLE.budget), rel(SAMPLE.drift)]) {
      const { lines, findings } = expectGrouped(r.stdout, file, "en");
      for (const f of findings) expect(r.stdout).toContain(shown(f, "en"));
      for (const f of findings) expect(r.stdout).not.toContain(shown(f, "zh"));
      const c = counts(findings);
      const notChecked = c.notChecked ? ` · not checked ${c.notChecked}` : "";
      expect(lines).toContain(
        `  Total: error ${c.error} · warning ${c.warning} · info ${c.info}${notChecked}`
      );
    }
    expect(r.stdout).toContain("Budget");
    expect(r.stdout).toMatch(/2 file\(s\): \d+ errors, \d+ warnings, \d+ info/);
    // The labels are English; only text copied from the workbook (names, sheets) stays Chinese.
    for (const word of ["文件:", "合计", "错误", "警告", "提示", "预算\n", "共 2 个文件"])
      expect(r.stdout).not.toContain(word);
  });

  it("says so when a workbook has no problems", () => {
    const zh = fucai(["check", rel(SAMPLE.compliant)]);
    expect(zh.stdout).toContain("未发现问题");
    expect(zh.stdout).toContain("合计: 错误 0 · 警告 0 · 提示 0");
    const en = fucai(["check", rel(SAMPLE.compliant), "--lang", "en"]);
    expect(en.stdout).toContain("No problems found");
  });
});

describe("exit codes", () => {
  it("is 0 when there are no errors (sample 01 alone)", () => {
    const r = fucai(["check", rel(SAMPLE.compliant)]);
    expect(r.code).toBe(0);
    expect(fucai(["check", rel(SAMPLE.compliant), "--format", "json"]).code).toBe(0);
  });

  it("is 1 when a workbook has an error finding (sample 03)", () => {
    expect(fucai(["check", rel(SAMPLE.budget)]).code).toBe(1);
    expect(fucai(["check", rel(SAMPLE.staff), "--format", "json"]).code).toBe(1);
  });

  describe("is 3 when a file cannot be read (2) and another has errors (1): both are said", () => {
    let bad: string;
    beforeAll(() => {
      bad = join(tmp, "報告.xlsx");
      writeFileSync(bad, "这不是工作簿 / this is not a workbook\n");
    });

    it("text", () => {
      const r = fucai(["check", rel(SAMPLE.compliant), bad, rel(SAMPLE.budget)]);
      expect(r.code).toBe(3);
      const named = r.all.split("\n").filter((l) => l.includes(bad));
      expect(named).toHaveLength(1);
      expect(named[0]).toMatch(/不是 Excel 工作簿/);
      expect(r.stdout).toContain(`文件: ${rel(SAMPLE.compliant)}`);
      expect(r.stdout).toContain(`文件: ${rel(SAMPLE.budget)}`);
      expect(r.stdout).toContain("支出台账!F26");
      expect(r.stdout).toContain("BUD-PERSONNEL");
      expectNoStack(r.all);
    });

    it("json", () => {
      const r = checkJson([rel(SAMPLE.compliant), bad, rel(SAMPLE.budget), rel(SAMPLE.drift)]);
      expect(r.code).toBe(3);
      expect(r.doc.files.map((f) => f.file)).toEqual([
        rel(SAMPLE.compliant),
        bad,
        rel(SAMPLE.budget),
        rel(SAMPLE.drift),
      ]);
      const failed = r.doc.files[1];
      expect(failed).toEqual({
        file: bad,
        error: { zh: expect.stringMatching(/不是 Excel 工作簿/), en: expect.any(String) },
      });
      expect(findingsOf(r.doc, rel(SAMPLE.compliant))).toEqual([]);
      expect(findingsOf(r.doc, rel(SAMPLE.budget)).length).toBeGreaterThan(10);
      // The readable workbooks are still compared with each other (01, 03 and 05 share a contractor).
      expect(r.doc.cross.map((x) => x.rule)).toContain("X-CONTRACTOR");
      expectNoStack(r.stderr);
    });

    it("a file that does not exist", () => {
      const missing = join(tmp, "没有这个文件.xlsx");
      const r = fucai(["check", missing, rel(SAMPLE.compliant), "--lang", "en"]);
      expect(r.code).toBe(2);
      const named = r.all.split("\n").filter((l) => l.includes(missing));
      expect(named).toHaveLength(1);
      expect(named[0]).toMatch(/not exist/i);
      expect(r.stdout).toContain(`File: ${rel(SAMPLE.compliant)}`);
      expectNoStack(r.all);
    });
  });
});

describe("--as-of", () => {
  it("changes the stage: sample 01 as of 2024-08-31 is interim", () => {
    const before = checkJson([rel(SAMPLE.compliant)]);
    const r = checkJson([rel(SAMPLE.compliant), "--as-of", "2024-08-31"]);
    const [plain] = before.doc.files;
    const [asOf] = r.doc.files;
    expect(isReport(plain) && plain.stage).toBe("final");
    expect(isReport(asOf) && asOf.stage).toBe("interim");
    const text = fucai(["check", rel(SAMPLE.compliant), "--as-of", "2024-08-31"]);
    expect(text.stdout).toMatch(/中期 · 截至 2024-08-31/);
  });

  it("rejects a date that is not YYYY-MM-DD with exit 2", () => {
    for (const bad of ["2024-13-45", "31/08/2024", "yesterday"]) {
      const r = fucai(["check", rel(SAMPLE.compliant), "--as-of", bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(bad);
      expectNoStack(r.all);
    }
  });
});

describe("--ruleset", () => {
  type RuleSetJson = { budget: { personnelMax: unknown } } & Record<string, unknown>;
  function ruleSetFile(name: string, change: (rs: RuleSetJson) => void): string {
    const rs = JSON.parse(
      readFileSync(join(ROOT, "src", "engine", "rulesets", "shufu-2024.json"), "utf8")
    ) as RuleSetJson;
    change(rs);
    const path = join(tmp, name);
    writeFileSync(path, JSON.stringify(rs, null, 2));
    return path;
  }

  it("accepts the bundled rule set by name", () => {
    const a = checkJson([rel(SAMPLE.budget)]);
    const b = checkJson([rel(SAMPLE.budget), "--ruleset", "shufu-2024"]);
    expect(b.code).toBe(a.code);
    expect(b.doc).toEqual(a.doc);
  });

  it("a rule set file with a higher personnel cap drops the BUD-PERSONNEL findings of sample 03", () => {
    const path = ruleSetFile("higher-cap.json", (rs) => (rs.budget.personnelMax = 120000));
    const base = findingsOf(checkJson([rel(SAMPLE.budget)]).doc, rel(SAMPLE.budget));
    const r = checkJson([rel(SAMPLE.budget), "--ruleset", path]);
    const changed = findingsOf(r.doc, rel(SAMPLE.budget));
    expect(base.filter((f) => f.rule === "BUD-PERSONNEL")).toHaveLength(2);
    expect(changed.filter((f) => f.rule === "BUD-PERSONNEL")).toEqual([]);
    expect(changed.filter((f) => f.rule !== "BUD-PERSONNEL")).toEqual(
      base.filter((f) => f.rule !== "BUD-PERSONNEL")
    );
  });

  it("a rule set file with a lower personnel cap flags the compliant sample 01", () => {
    const path = ruleSetFile("lower-cap.json", (rs) => (rs.budget.personnelMax = 50000));
    const r = checkJson([rel(SAMPLE.compliant), "--ruleset", path]);
    const personnel = findingsOf(r.doc, rel(SAMPLE.compliant)).filter(
      (f) => f.rule === "BUD-PERSONNEL"
    );
    expect(personnel.length).toBeGreaterThan(0);
    expect(personnel[0].severity).toBe("error");
    expect(personnel[0].figures).toEqual(expect.objectContaining({ cap: 50000 }));
    expect(r.code).toBe(1);
  });

  it.each([
    ["not JSON", "{ budget: oops"],
    ["a JSON array", "[]"],
    ["missing sections", '{"id":"x"}'],
    ["a wrong type", "WRONG_TYPE"],
  ])("an invalid rule set file (%s) gives exit 2, a message and no stack trace", (name, body) => {
    let path: string;
    if (body === "WRONG_TYPE")
      path = ruleSetFile("wrong-type.json", (rs) => (rs.budget.personnelMax = "很多"));
    else {
      path = join(tmp, `invalid-${name.replace(/\W+/g, "-")}.json`);
      writeFileSync(path, body);
    }
    for (const format of ["text", "json"]) {
      const r = fucai(["check", rel(SAMPLE.compliant), "--ruleset", path, "--format", format]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(path);
      expect(r.stderr).toMatch(/规则集/);
      expect(r.stderr).toMatch(/rule set/i);
      expectNoStack(r.all);
    }
  });

  it("an unknown rule set name gives exit 2 and names the bundled ones", () => {
    const r = fucai(["check", rel(SAMPLE.compliant), "--ruleset", "shufu-1999"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("shufu-1999");
    expect(r.stderr).toContain("shufu-2024");
    expectNoStack(r.all);
  });
});

describe("wrong arguments", () => {
  it.each([
    ["an unknown --format", ["check", "SAMPLE", "--format", "xml"], /xml/],
    ["an unknown --lang", ["check", "SAMPLE", "--lang", "fr"], /fr/],
    ["no paths", ["check"], /工作簿文件或文件夹/],
    ["an unknown option", ["check", "SAMPLE", "--colour"], /colour/],
  ])("%s gives exit 2 with a message and no stack trace", (_name, args, pattern) => {
    const r = fucai(args.map((a) => (a === "SAMPLE" ? rel(SAMPLE.compliant) : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).not.toMatch(/^\{/);
    expectNoStack(r.all);
  });

  it("a folder without workbooks gives exit 2", () => {
    const empty = join(tmp, "empty-folder");
    mkdirSync(empty, { recursive: true });
    const r = fucai(["check", empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(empty);
    expectNoStack(r.all);
  });
});

describe("--annotate", () => {
  const FLAGGED = "支出台账!F26";

  async function load(path: string): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return wb;
  }

  function noteText(cell: ExcelJS.Cell): string {
    const note = cell.note as string | ExcelJS.Comment | undefined;
    if (!note) return "";
    if (typeof note === "string") return note;
    return (note.texts ?? []).map((t) => t.text).join("");
  }

  function fillOf(cell: ExcelJS.Cell): string {
    const fill = cell.fill as ExcelJS.FillPattern | undefined;
    return fill && fill.type === "pattern" && fill.pattern !== "none"
      ? `${fill.pattern}:${JSON.stringify(fill.fgColor ?? null)}`
      : "";
  }

  /** The cells of an A1 range ("B2", "A1:C1"). */
  function cellsOf(range: string): string[] {
    const colNum = (letters: string) =>
      [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const colName = (n: number): string =>
      n <= 0 ? "" : colName(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));
    const [a, b = a] = range.split(":");
    const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(a)!;
    const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(b)!;
    const cells: string[] = [];
    for (let r = Number(r1); r <= Number(r2); r += 1)
      for (let c = colNum(c1); c <= colNum(c2); c += 1) cells.push(`${colName(c)}${r}`);
    return cells;
  }

  let input: string;
  let out: string;
  let hashBefore: string;
  let run: ReturnType<typeof fucai>;
  let findings: JsonFinding[];

  beforeAll(() => {
    input = join(tmp, "annotate-in", "03-tokezhake-budget-ledger.xlsx");
    mkdirSync(join(tmp, "annotate-in"), { recursive: true });
    copyFileSync(SAMPLE.budget, input);
    out = join(tmp, "annotate-out", "03-annotated.xlsx");
    hashBefore = sha256(input);
    run = fucai(["check", input, "--annotate", out]);
    findings = findingsOf(checkJson([input]).doc, input);
  });

  it("writes the copy, says where, and leaves the input's bytes unchanged", () => {
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(run.stdout).toContain(out);
    expect(sha256(input)).toBe(hashBefore);
    expect(sha256(SAMPLE.budget)).toBe(hashBefore);
    expect(sha256(out)).not.toBe(hashBefore);
  });

  it("gives a flagged cell (sample 03's 支出台账!F26) a fill and a note with the reason", async () => {
    const wb = await load(out);
    const original = await load(input);
    const [sheet, address] = FLAGGED.split("!");
    const cell = wb.getWorksheet(sheet)!.getCell(address);
    const before = original.getWorksheet(sheet)!.getCell(address);
    const note = noteText(cell);
    expect(note).toContain("BUD-PERSONNEL");
    expect(note).toContain(
      findings.find((f) => f.rule === "BUD-PERSONNEL" && f.cell === "F26")!.message.zh
    );
    expect(fillOf(cell)).not.toBe("");
    expect(fillOf(cell)).not.toBe(fillOf(before));
    // The value itself is kept.
    expect(cell.value).toEqual(before.value);
  });

  it("marks every flagged cell with a note", async () => {
    const wb = await load(out);
    const single = findings.filter(
      (f) => f.sheet && f.cell && !f.cell.includes(":") && f.status !== "not-checked"
    );
    expect(single.length).toBeGreaterThan(10);
    for (const f of single) {
      const cell = wb.getWorksheet(f.sheet!)!.getCell(f.cell!);
      expect({ at: `${f.sheet}!${f.cell}`, note: noteText(cell).includes(f.rule) }).toEqual({
        at: `${f.sheet}!${f.cell}`,
        note: true,
      });
      expect({ at: `${f.sheet}!${f.cell}`, filled: fillOf(cell) !== "" }).toEqual({
        at: `${f.sheet}!${f.cell}`,
        filled: true,
      });
    }
  });

  it("marks only flagged cells: cells the check did not flag keep their fill", async () => {
    const wb = await load(out);
    const original = await load(input);
    const flagged = new Set(
      findings
        .filter((f) => f.sheet && f.cell)
        .flatMap((f) => cellsOf(f.cell!).map((c) => `${f.sheet}!${c}`))
    );
    const wrongly: string[] = [];
    for (const sheet of ["支出台账", "预算", "项目信息"]) {
      const ws = original.getWorksheet(sheet)!;
      const annotated = wb.getWorksheet(sheet)!;
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          const key = `${sheet}!${cell.address}`;
          if (flagged.has(key)) return;
          if (fillOf(annotated.getCell(cell.address)) !== fillOf(cell)) wrongly.push(key);
        })
      );
    }
    expect({ count: wrongly.length, first: wrongly.slice(0, 12) }).toEqual({ count: 0, first: [] });
  });

  it("adds a 汇总-检查结果 sheet listing every finding", async () => {
    const wb = await load(out);
    const ws = wb.getWorksheet("汇总-检查结果");
    expect(ws).toBeDefined();
    const rows: string[][] = [];
    ws!.eachRow((row) => {
      const values = (row.values as ExcelJS.CellValue[])
        .slice(1)
        .map((v) => (v && typeof v === "object" && "text" in v ? String(v.text) : String(v ?? "")));
      rows.push(values);
    });
    const text = rows.map((r) => r.join("\t")).join("\n");
    for (const f of findings) {
      expect(text).toContain(f.rule);
      expect(text).toContain(f.message.zh);
    }
    const listed = rows.filter((r) => findings.some((f) => r.includes(f.rule)));
    expect(listed).toHaveLength(findings.length);
  });

  it("writes no formulas in the findings sheet", async () => {
    const wb = await load(out);
    const ws = wb.getWorksheet("汇总-检查结果")!;
    ws.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))
    );
  });

  it("adds a 汇总-依据 sheet listing the rows behind every figure, each linked to its row", async () => {
    const wb = await load(out);
    const ws = wb.getWorksheet("汇总-依据")!;
    expect(ws).toBeDefined();
    const links: string[] = [];
    const payees: string[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(2).value;
      if (v && typeof v === "object" && "hyperlink" in v) links.push(String(v.hyperlink));
      if (row.getCell(1).value === "按收款方") payees.push(String(row.getCell(5).value));
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    });
    const expected = findings.flatMap((f) =>
      (f.evidence ?? []).map((e) => `#'${e.sheet}'!A${e.row}`)
    );
    expect(expected.length).toBeGreaterThan(50);
    expect(links).toEqual(expected);
    const personnel = findings.find((f) => f.rule === "BUD-PERSONNEL" && f.byPayee)!;
    expect(payees).toEqual(personnel.byPayee!.map((p) => p.payee));
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
  });

  it("copies workbook text that looks like a formula as text, never as a live formula", async () => {
    // Sample 03 with its invalid ledger category 办公费 turned into text that starts with '='.
    const parts = sampleParts(SAMPLE.budget);
    const shared = strFromU8(parts["xl/sharedStrings.xml"]);
    const hostile = "=1+2";
    expect(shared.split("<t>办公费</t>")).toHaveLength(2);
    parts["xl/sharedStrings.xml"] = strToU8(shared.replace("<t>办公费</t>", `<t>${hostile}</t>`));
    const crafted = join(tmp, "formula-text.xlsx");
    writeFileSync(crafted, zipSync(parts));
    const copy = join(tmp, "formula-text.annotated.xlsx");
    const r = fucai(["check", crafted, "--annotate", copy]);
    expect(r.code).toBe(1);
    const wb = await load(copy);
    let seen = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) {
            // Formulas the user's workbook had are kept; none may hold the copied text.
            const formula = (cell.value as ExcelJS.CellFormulaValue).formula ?? "";
            expect(formula).not.toContain("1+2");
          }
          if (typeof cell.value === "string" && cell.value.includes(hostile)) seen += 1;
        })
      );
    // The category cell and the finding's message still hold the text, as text.
    expect(seen).toBeGreaterThanOrEqual(2);
  });

  it("refuses to write over the input file itself", () => {
    const copy = join(tmp, "self.xlsx");
    copyFileSync(SAMPLE.budget, copy);
    const before = sha256(copy);
    const r = fucai(["check", copy, "--annotate", copy]);
    expect(r.code).toBe(2);
    expect(r.all.split("\n").filter((l) => l.includes(copy)).length).toBeGreaterThanOrEqual(1);
    expect(sha256(copy)).toBe(before);
    expectNoStack(r.all);
    // The same path spelt differently is the same file.
    for (const spelling of [
      `${tmp}/./self.xlsx`,
      `${tmp}/../${basename(tmp)}/self.xlsx`,
      relative(ROOT, copy),
    ]) {
      const again = fucai(["check", copy, "--annotate", spelling]);
      expect(again.code).toBe(2);
      expect(sha256(copy)).toBe(before);
    }
  });

  it.each([
    ["a symbolic link", (target: string, link: string) => symlinkSync(target, link)],
    ["a hard link", (target: string, link: string) => linkSync(target, link)],
  ])("never writes the input through %s to it", (name, makeLink) => {
    const dir = mkdtempSync(join(tmp, "links-"));
    const original = join(dir, "in.xlsx");
    copyFileSync(SAMPLE.budget, original);
    const before = sha256(original);
    const link = join(dir, "link.xlsx");
    makeLink(original, link);
    const r = fucai(["check", original, "--annotate", link]);
    expectNoStack(r.all);
    expect({ via: name, inputUnchanged: sha256(original) === before }).toEqual({
      via: name,
      inputUnchanged: true,
    });
  });

  it("explains the refusal in the user's language", () => {
    const copy = join(tmp, "self-lang.xlsx");
    copyFileSync(SAMPLE.compliant, copy);
    const zh = fucai(["check", copy, "--annotate", copy]);
    const zhLine = zh.all.split("\n").find((l) => l.includes(copy)) ?? "";
    expect(zhLine).toMatch(CJK);
    // Chinese by default: no untranslated English sentence in the Chinese line.
    expect(zhLine.replace(copy, "")).not.toMatch(/[A-Za-z]{3,}(\s+[A-Za-z]{2,}){2,}/);
    const en = fucai(["check", copy, "--annotate", copy, "--lang", "en"]);
    const enLine = en.all.split("\n").find((l) => l.includes(copy)) ?? "";
    expect(enLine.replace(copy, "")).not.toMatch(CJK);
    expect(enLine).toMatch(/overwrite|input/i);
  });

  it("with several files, an --annotate path that is one of the inputs writes no input", () => {
    const dir = mkdtempSync(join(tmp, "several-into-input-"));
    const a = join(dir, "a.xlsx");
    const b = join(dir, "b.xlsx");
    copyFileSync(SAMPLE.compliant, a);
    copyFileSync(SAMPLE.budget, b);
    const before = [sha256(a), sha256(b)];
    const r = fucai(["check", a, b, "--annotate", a]);
    expect(r.code).toBe(2);
    expect([sha256(a), sha256(b)]).toEqual(before);
    expectNoStack(r.all);
  });

  it("with several files, fills a folder with <name>.annotated.xlsx copies", () => {
    const dir = join(tmp, "several");
    const r = fucai(["check", rel(SAMPLE.compliant), rel(SAMPLE.budget), "--annotate", dir]);
    expect(r.code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([
      "01-wupaer-final-compliant.annotated.xlsx",
      "03-tokezhake-budget-ledger.annotated.xlsx",
    ]);
  });

  it("never writes a file it reads, even when the folder of copies is the folder checked", () => {
    // The user annotates a folder into itself twice: the second run finds the first run's copies.
    const dir = join(tmp, "same-folder");
    mkdirSync(dir, { recursive: true });
    copyFileSync(SAMPLE.compliant, join(dir, basename(SAMPLE.compliant)));
    copyFileSync(SAMPLE.budget, join(dir, basename(SAMPLE.budget)));
    fucai(["check", dir, "--annotate", dir]);
    const hashes = new Map(readdirSync(dir).map((n) => [join(dir, n), sha256(join(dir, n))]));
    const r = fucai(["check", dir, "--annotate", dir, "--format", "json"]);
    const read = parseJson(r.stdout).files.map((f) => f.file);
    const changed = read.filter((f) => hashes.has(f) && sha256(f) !== hashes.get(f));
    expect(changed).toEqual([]);
  });

  it("is readable by LibreOffice", async () => {
    const [converted] = recalcWithLibreOffice([out]);
    let wb: ExcelJS.Workbook;
    try {
      wb = await load(converted);
    } finally {
      // recalcWithLibreOffice works in <tmp>/fucai-lo-*/{in,out,profile}.
      rmSync(dirname(dirname(converted)), { recursive: true, force: true });
    }
    expect(wb.getWorksheet("汇总-检查结果")).toBeDefined();
    const [sheet, address] = FLAGGED.split("!");
    const cell = wb.getWorksheet(sheet)!.getCell(address);
    expect(noteText(cell)).toContain("BUD-PERSONNEL");
    expect(fillOf(cell)).not.toBe("");
    // The data survive the round trip.
    const original = await load(input);
    expect(cell.value).toEqual(original.getWorksheet(sheet)!.getCell(address).value);
  }, 240_000);
});

describe("the command itself", () => {
  it("tells its version", () => {
    const r = fucai(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("helps in Chinese, Commander's own words too, with examples and exit codes", () => {
    for (const args of [["--help"], ["check", "--help"], ["summary", "--help"]]) {
      const r = fucai(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^用法： fucai/);
      expect(r.stdout).toContain("选项：");
      expect(r.stdout).toContain("示例：");
      // No English of Commander's: Usage, Options, (default: …), display help, [options].
      expect(r.stdout).not.toMatch(/Usage|Options:|default:|choices:|display help|\[options\]/);
    }
    const check = fucai(["check", "--help"]).stdout;
    expect(check).toContain("退出码：");
    expect(check).toMatch(/3 {2}既有错误，又有文件无法读取/);
    expect(fucai(["summary", "--help"]).stdout).toMatch(/0 {2}已写出汇总/);
  });

  it("helps in English with --lang en", () => {
    const r = fucai(["check", "--help", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: fucai check/);
    expect(r.stdout).toContain("Exit codes:");
    // Sheet names are the workbook's own (审核意见), in Chinese in every language.
    expect(r.stdout.replace(/审核意见/g, "")).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });

  it("says a wrong option in Chinese, and where to look", () => {
    const r = fucai(["check", rel(SAMPLE.compliant), "--colour"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("参数错误：没有选项「--colour」");
    expect(r.stderr).toContain("--help");
    expect(r.stderr).not.toMatch(/\berror:/);
  });
});

describe("the end of a run of several files", () => {
  it("is a table with each file's counts and result, and exit 2 alone for an unreadable file", () => {
    const bad = join(tmp, "坏文件.xlsx");
    writeFileSync(bad, "not a workbook");
    const r = fucai(["check", rel(SAMPLE.compliant), bad]);
    expect(r.code).toBe(2);
    const lines = r.stdout.split("\n");
    const head = lines.findIndex((l) => l.trim().startsWith("文件") && l.includes("结论"));
    expect(head).toBeGreaterThan(0);
    expect(lines[head + 2]).toMatch(
      /01-wupaer-final-compliant\.xlsx\s+SFMZ-FC-2024-01\s+末期\s+0\s+0\s+0\s+0\s+合规/
    );
    expect(lines[head + 3]).toMatch(/坏文件\.xlsx\s+-.*无法读取/);
    // Columns line up on a terminal, where a Chinese character is two columns wide.
    const width = (s: string) =>
      [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    const at = (line: string, text: string) => width(line.slice(0, line.indexOf(text)));
    expect(at(lines[head + 2], "末期")).toBe(at(lines[head], "阶段"));
  });

  it("gives each file's project in the JSON", () => {
    const r = checkJson([rel(SAMPLE.compliant)]);
    expect(r.doc.files[0]).toMatchObject({
      project: { code: "SFMZ-FC-2024-01", name: expect.stringContaining("乌帕尔镇") },
    });
  });
});

describe("after set-up (scripts/setup.js)", () => {
  it("is called as fucai, without npx, and it is this checkout's", () => {
    const r = spawnSync("sh", ["-c", "command -v fucai"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(realpathSync(r.stdout.trim())).toBe(
      realpathSync(join(__dirname, "..", "bin", "fucai.js"))
    );
    const v = spawnSync("fucai", ["--version"], { encoding: "utf8", shell: true });
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
