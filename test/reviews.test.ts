/**
 * 审核意见 end to end (review-cycle.md section 2): reviewed copies of the samples, checked by
 * the built CLI; fingerprints that survive a re-save in LibreOffice and change with a figure;
 * acceptance in the totals, the exit code, the text, the JSON and the summary; --no-reviews.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import type { Finding } from "../src/engine/findings";
import { recalcWithLibreOffice } from "./support/libreoffice";
import { ACCEPT, findingsOfFile, reviewedSample } from "./support/reviews";
import { buildCli, fucai, isReport, parseJson, SAMPLE, type JsonFinding } from "./support/cli";

jest.setTimeout(120_000);

let tmp: string;
/** Sample 02 with its one error (a monthly report missing) accepted. */
let clean: string;
/** Sample 03 with two findings accepted, one explained, one to be corrected, one stale row. */
let mixed: string;
/** Sample 03 with personnel planned higher than when its acceptance was written. */
let changed: string;
let chosen: Finding[];

const at = (fs: Finding[], rule: string, cell: string) =>
  fs.find((f) => f.rule === rule && f.cell === cell)!;

beforeAll(async () => {
  buildCli();
  tmp = mkdtempSync(join(tmpdir(), "fucai-reviews-"));
  clean = join(tmp, "02-reviewed.xlsx");
  await reviewedSample("02-zhanmin-interim-behind.xlsx", clean, (fs) => [
    {
      finding: fs.find((f) => f.severity === "error")!,
      input: { ...ACCEPT, explanation: "六月月报已于 7 月 12 日纸质报送，电子版补录中。" },
    },
  ]);
  mixed = join(tmp, "03-reviewed.xlsx");
  chosen = await reviewedSample(
    "03-tokezhake-budget-ledger.xlsx",
    mixed,
    (fs) => [
      { finding: at(fs, "BUD-PERSONNEL", "B2"), input: ACCEPT },
      { finding: at(fs, "BUD-OVERRUN", "F39"), input: { ...ACCEPT, reviewer: "李娜" } },
      {
        finding: at(fs, "LED-VOUCHER", "B34"),
        input: { explanation: "凭证遗失，已申请补打回单。" },
      },
      {
        finding: at(fs, "LED-DATE", "A2"),
        input: { ...ACCEPT, decision: "需整改", reason: "合同开始前的支出不得列入本项目" },
      },
    ],
    [
      {
        rule: "LED-AMOUNT",
        location: "支出台账!F34",
        fingerprint: "0123456789abcdef",
        explanation: "旧说明",
      },
    ]
  );
  changed = join(tmp, "03-changed.xlsx");
  await reviewedSample(
    "03-tokezhake-budget-ledger.xlsx",
    changed,
    (fs) => [{ finding: at(fs, "BUD-PERSONNEL", "B2"), input: ACCEPT }],
    [],
    (c) => ({ ...c, budget: { ...c.budget, 人力成本: 108000 } })
  );
}, 240_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function json(args: string[]) {
  const r = fucai(["check", ...args, "--format", "json"]);
  const doc = parseJson(r.stdout);
  const files = doc.files.filter(isReport);
  return { code: r.code, doc, findings: files.flatMap((f) => f.findings) };
}

type Reviewed = JsonFinding & { fingerprint: string; review?: Record<string, unknown> };

describe("fingerprints", () => {
  it("are on every finding of the JSON, cross-project ones too", () => {
    const { doc, findings } = json([SAMPLE.budget, SAMPLE.staff, SAMPLE.behind]);
    expect(findings.length).toBeGreaterThan(20);
    for (const f of findings as Reviewed[]) expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(doc.cross.length).toBeGreaterThan(0);
    for (const f of doc.cross as unknown as { fingerprint: string }[])
      expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it("stay the same when LibreOffice saves the workbook again, so its reviews still apply", () => {
    const [resaved] = recalcWithLibreOffice([mixed]);
    const before = findingsOfFile(mixed);
    const after = findingsOfFile(resaved);
    const prints = (fs: Finding[]) =>
      fs
        .filter((f) => f.rule !== "WB-STRUCTURE")
        .map((f) => `${f.rule} ${f.cell} ${f.fingerprint}`);
    expect(prints(after)).toEqual(prints(before));
    expect(after.filter((f) => f.review?.accepted).map((f) => f.rule)).toEqual([
      "BUD-PERSONNEL",
      "BUD-OVERRUN",
    ]);
    for (const f of chosen)
      expect(after.find((x) => x.rule === f.rule && x.cell === f.cell)!.fingerprint).toBe(
        f.fingerprint
      );
  });

  it("change with a figure: the acceptance lapses and the finding is open again, in LibreOffice's copy too", () => {
    const [resaved] = recalcWithLibreOffice([changed]);
    for (const file of [changed, resaved]) {
      const fs = findingsOfFile(file);
      const f = at(fs, "BUD-PERSONNEL", "B2");
      expect(f.fingerprint).not.toBe(at(chosen, "BUD-PERSONNEL", "B2").fingerprint);
      expect(f.review).toBeUndefined();
      expect(f.earlierReview).toMatchObject({ decision: "认可", by: ACCEPT.reviewer });
      expect(fs.filter((x) => x.rule === "REV-STALE").map((x) => x.cell)).toEqual(["A2:I2"]);
    }
  });
});

describe("fucai check with 审核意见", () => {
  it("exits 0 when every error is accepted, and 1 with --no-reviews", () => {
    expect(fucai(["check", clean]).code).toBe(0);
    expect(fucai(["check", clean, "--no-reviews"]).code).toBe(1);
    expect(fucai(["check", SAMPLE.behind]).code).toBe(1);
    expect(fucai(["check", mixed]).code).toBe(1);
  });

  it("gives the JSON finding its review, and the bare result with --no-reviews", () => {
    const { findings } = json([mixed]);
    const f = (findings as Reviewed[]).find((x) => x.rule === "BUD-PERSONNEL" && x.cell === "B2")!;
    expect(f.review).toEqual({
      explanation: null,
      decision: "认可",
      accepted: true,
      reason: ACCEPT.reason,
      by: ACCEPT.reviewer,
      date: ACCEPT.date,
      summary: at(chosen, "BUD-PERSONNEL", "B2").message.zh,
      fingerprint: f.fingerprint,
      sheet: "审核意见",
      row: 2,
    });
    const explained = (findings as Reviewed[]).find(
      (x) => x.rule === "LED-VOUCHER" && x.cell === "B34"
    )!;
    expect(explained.review).toMatchObject({
      explanation: "凭证遗失，已申请补打回单。",
      accepted: false,
    });
    expect(findings.filter((x) => x.rule === "REV-STALE").map((x) => x.cell)).toEqual(["A6:I6"]);
    const bare = json([mixed, "--no-reviews"]).findings as Reviewed[];
    expect(bare.some((x) => x.review || x.rule === "REV-STALE")).toBe(false);
    const sample = json([SAMPLE.budget]).findings;
    expect(bare).toEqual(sample);
  });

  it("shows explanations and decisions under the finding, Chinese first, and counts 已认可 apart", () => {
    const r = fucai(["check", mixed]);
    const lines = r.stdout.split("\n");
    const i = lines.findIndex((l) => l.includes("错误（已认可）") && l.includes("BUD-PERSONNEL"));
    expect(i).toBeGreaterThan(0);
    expect(lines[i]).toContain("预算!B2");
    expect(lines.slice(i + 1, i + 4).join("\n")).toContain(
      `处理意见：认可（王建华，2024-12-20）；理由：${ACCEPT.reason}`
    );
    expect(r.stdout).toContain("▲ 警告（已认可）  BUD-OVERRUN");
    expect(r.stdout).toContain("情况说明：凭证遗失，已申请补打回单。");
    expect(r.stdout).toContain(
      "处理意见：需整改（王建华，2024-12-20）；理由：合同开始前的支出不得列入本项目"
    );
    expect(r.stdout).toContain("此前的情况说明针对的是另一组数字");
    expect(lines).toContain("  合计: 错误 14 · 警告 2 · 提示 2 · 已认可 2");
    expect(r.stdout).toContain("共 1 个文件：错误 14，警告 2，提示 2，已认可 2。");
    const en = fucai(["check", mixed, "--lang", "en"]).stdout;
    expect(en).toContain("error (accepted)  BUD-PERSONNEL");
    expect(en).toContain(`Decision: accepted (王建华, 2024-12-20); reason: ${ACCEPT.reason}`);
    expect(en).toContain("Total: error 14 · warning 2 · info 2 · accepted 2");
    expect(en).not.toMatch(/已认可|处理意见|合计/);
  });

  it("adds an 已认可 column to the table of several files only when something was accepted", () => {
    const lines = fucai(["check", clean, mixed]).stdout.split("\n");
    const head = lines.find((l) => l.includes("结论"))!;
    expect(head).toMatch(/未检查\s+已认可\s+结论/);
    expect(lines.find((l) => /^\s+02-reviewed\.xlsx/.test(l))).toMatch(
      /中期\s+0\s+8\s+\d+\s+0\s+1\s+有警告/
    );
    // Sample 02 carries an acceptance of its own (its contest, postponed); 06 has none.
    const plain = fucai(["check", SAMPLE.compliant, SAMPLE.earlier]).stdout;
    expect(plain).not.toContain("已认可");
  });

  it("explains --no-reviews and acceptance in the help, in both languages", () => {
    const zh = fucai(["check", "--help"]).stdout;
    expect(zh).toContain("--no-reviews");
    expect(zh).toContain("已认可");
    const en = fucai(["check", "--help", "--lang", "en"]).stdout;
    expect(en).toMatch(/--no-reviews\s+ignore the explanations and decisions/);
    expect(fucai(["summary", "--help"]).stdout).toContain("汇总-审核意见");
  });
});

describe("fucai summary with 审核意见", () => {
  async function load(path: string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    return wb;
  }
  const rowsOf = (ws: ExcelJS.Worksheet) => {
    const out: string[][] = [];
    ws.eachRow((row) =>
      out.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? "")))
    );
    return out;
  };

  it("lists every accepted finding with its project, reason and reviewer on 汇总-审核意见", async () => {
    const out = join(tmp, "summary.xlsx");
    expect(fucai(["summary", clean, mixed, "-o", out]).code).toBe(0);
    const wb = await load(out);
    const rows = rowsOf(wb.getWorksheet("汇总-审核意见")!);
    const listed = rows.filter((r) => /^\d+$/.test(r[0]));
    expect(listed.map((r) => r[2].split("\n")[0])).toEqual([
      "RPT-MONTHLY",
      "BUD-PERSONNEL",
      "BUD-OVERRUN",
    ]);
    const personnel = listed[1];
    expect(personnel[1]).toContain("SFMZ-FC-2024-03");
    expect(personnel[3]).toBe("预算!B2");
    expect(personnel.slice(6)).toEqual([ACCEPT.reason, ACCEPT.reviewer, ACCEPT.date]);
    expect(listed[0][5]).toContain("情况说明：六月月报已于 7 月 12 日纸质报送");
    expect(rows[1][0]).toContain("共 3 项");
    // The overview counts them apart, and the project's status no longer fails on them.
    const overview = rowsOf(wb.getWorksheet("汇总-县级")!);
    const header = overview.find((r) => r.includes("已认可"))!;
    const col = header.indexOf("已认可");
    const p02 = overview.find((r) => r[1] === "SFMZ-FC-2024-02")!;
    expect(p02[col]).toBe("1");
    expect(p02[header.indexOf("错误")]).toBe("0");
    const project = rowsOf(wb.getWorksheet("汇总-SFMZ-FC-2024-03")!);
    expect(project.find((r) => r[0] === "问题")![1]).toContain("已认可 2");
    expect(project.some((r) => r[1] === "错误\n已认可")).toBe(true);
  });

  it("writes the 已认可 count into the CSV overview, and lists nothing with --no-reviews", async () => {
    const csv = join(tmp, "summary.csv");
    fucai(["summary", clean, mixed, "-o", csv]);
    const lines = readFileSync(csv, "utf8")
      .replace(/^\ufeff/, "")
      .split("\r\n");
    const header = lines[0].split(",");
    const col = header.indexOf('"已认可"');
    expect(col).toBeGreaterThan(0);
    expect(lines[1].split(",")[col]).toBe('"1"');
    const bare = join(tmp, "bare.xlsx");
    fucai(["summary", clean, mixed, "-o", bare, "--no-reviews"]);
    const rows = rowsOf((await load(bare)).getWorksheet("汇总-审核意见")!);
    expect(rows.filter((r) => /^\d+$/.test(r[0]))).toEqual([]);
    expect(rows.some((r) => r.includes("（没有已认可的问题）"))).toBe(true);
  });
});
