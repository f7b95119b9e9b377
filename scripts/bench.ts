/**
 * npm run bench: every speed and memory target of the CLI, whole processes, paired runs
 * (the programs take turns, so a slow moment of the machine hits each alike), medians:
 *  - a 50,000-row ledger (5,000 activities, the other tables filled): `fucai check` against
 *    ExcelJS's readFile and against LibreOffice opening and exporting it, ratios side by side,
 *    and the check's peak memory;
 *  - the curve from 10,000 to 200,000 rows: time, microseconds per row, peak memory;
 *  - a normal project workbook (sample 01): the whole check;
 *  - `fucai summary` of 200 workbooks with one worker and with two;
 *  - HyperFormula alone on the 50,000-row workbook's formula input (scripts/hf-alone.js).
 * Figures are printed, never asserted. BENCH_RUNS sets the runs per figure (default 5),
 * BENCH_QUICK=1 skips the 200,000-row workbook.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { spawnSync } from "child_process";
import { bundledRuleSet } from "../src/engine/rulesets/ruleset";
import { buildWorkbook, type WorkbookContent } from "../src/hosts/xlsx/template/build";
import { withCachedValues } from "../src/hosts/xlsx/template/cached";
import { formatSerial, parseIsoDate } from "../src/engine/util/dates";
import { readWorkbookModel } from "../src/hosts/xlsx/read-model";
import { prepareRecalculation } from "../src/engine/formulas/evaluate";
import { templateFormulaTargets } from "../src/engine/rules/_shared/template-cells";

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "out", "bench");
const RUNS = Number(process.env.BENCH_RUNS) || 5;
const SIZES = process.env.BENCH_QUICK
  ? [10_000, 50_000, 100_000]
  : [10_000, 50_000, 100_000, 200_000];
const fileFor = (rows: number) => join(OUT, `bench-${rows / 1000}k.xlsx`);

function dateAt(i: number, count: number): string {
  const start = parseIsoDate("2024-03-01")!;
  return formatSerial(start + Math.floor((i * 360) / count));
}

/** A year's project with `rows` ledger rows and a tenth as many activities. */
function content(rows: number): WorkbookContent {
  const categories = ["人力成本", "服务性支出", "评估及其他"];
  const ledger = Array.from({ length: rows }, (_, i) => ({
    date: dateAt(i, rows),
    voucher: `记-${String(i + 1).padStart(6, "0")}`,
    category: categories[i % 3],
    subject: ["工资", "活动物资", "评估费"][i % 3],
    summary: `第 ${i + 1} 笔支出`,
    amount: 1 + (i % 7) * 0.5,
    payee: `收款方${i % 97}`,
  }));
  const orgs = Array.from({ length: 200 }, (_, i) => ({
    name: `社区组织${i + 1}`,
    field: ["公益慈善类", "生活服务类", "社区事务类", "文体活动类"][i % 4],
    village: "乌帕尔村",
    leader: `负责人${i}`,
    leaderType: "志愿者",
    newlyCultivated: "是",
    filedOn: dateAt(i, 400),
    filingNumber: `备-${i}`,
  }));
  const activityCount = rows / 10;
  const activities = Array.from({ length: activityCount }, (_, i) => ({
    date: dateAt(i, activityCount),
    title: `活动${i + 1}`,
    type: i % 2 ? "社区服务" : ["个案", "小组", "社区活动"][i % 3],
    host: i % 2 ? `社区组织${(i % 200) + 1}` : "本机构",
    group: "一老",
    beneficiaries: 5 + (i % 20),
    evidence: `签到表${i}.pdf`,
  }));
  return {
    info: {
      ProjectName: "性能测试项目",
      ProjectCode: "BENCH-50K",
      Contractor: "疏附县测试社会工作服务中心",
      ContractorUSCC: "52653121MJY2A3K4XQ",
      Township: "乌帕尔镇",
      ContractStart: "2024-03-01",
      ContractEnd: "2025-02-28",
      ContractAmount: 160000,
      AsOfDate: "2025-03-05",
    },
    budget: { 人力成本: 100000, 服务性支出: 40000, 评估及其他: 20000 },
    tables: {
      Ledger: ledger,
      Staff: Array.from({ length: 20 }, (_, i) => ({
        name: `员工${i}`,
        idNumber: { text: "11010519491231002X" },
        post: "社工",
        employment: "专职",
        certLevel: "无",
        joined: "2024-03-01",
      })),
      Supervisors: [
        {
          name: "督导",
          idNumber: { text: "11010519491231002X" },
          kind: "内部",
          certLevel: "中级",
          certNumber: { text: "S-1" },
          careerStart: "2015-01-01",
          employer: "本机构",
        },
      ],
      CommunityOrgs: orgs,
      Activities: activities,
      Contests: Array.from({ length: 20 }, (_, i) => ({
        date: dateAt(i, 20),
        title: `大赛${i}`,
        type: "微公益大赛",
        participants: 12,
        grantAmount: 1000,
      })),
      Trainings: Array.from({ length: 100 }, (_, i) => ({
        date: dateAt(i, 100),
        topic: `培训${i}`,
        audience: "社区志愿者",
        personTimes: 30,
      })),
      FamilyFiles: Array.from({ length: 1_000 }, (_, i) => ({
        date: dateAt(i, 1000),
        number: `F-${i}`,
        type: i % 4 ? "婚嫁新风宣传" : "婚姻家庭辅导",
        content: "服务",
      })),
      CharityResources: Array.from({ length: 200 }, (_, i) => ({
        date: dateAt(i, 200),
        source: `捐赠方${i}`,
        form: "资金",
        value: 100,
        use: "助学",
      })),
      Cases: Array.from({ length: 30 }, (_, i) => ({
        title: `案例${i}`,
        completedOn: dateAt(i, 30),
      })),
      MonthlyReports: Array.from({ length: 12 }, (_, i) => ({
        month: {
          text: `20${24 + Math.floor((i + 2) / 12)}-${String(((i + 2) % 12) + 1).padStart(2, "0")}`,
        },
        submittedOn: dateAt(i + 1, 12),
      })),
    },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Run a program; wall time (ms), peak memory of the process tree's largest child (MB), output. */
function run(
  command: string,
  args: string[]
): { ms: number; mb: number; stdout: string; stderr: string; status: number | null } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "MAXRSS %M", command, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = /MAXRSS (\d+)\s*$/.exec(r.stderr ?? "");
  return {
    ms,
    mb: rss ? Number(rss[1]) / 1024 : NaN,
    stdout: r.stdout,
    stderr: r.stderr,
    status: r.status,
  };
}

const FUCAI = join(ROOT, "bin", "fucai.js");
const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const LO_PROFILE = `file://${join(tmpdir(), "fucai-bench-lo")}`;

/**
 * What HyperFormula is given for the template's formulas of `file`, written as JSON for
 * scripts/hf-alone.js (holes become null, which HyperFormula reads as empty cells).
 */
function prepareHyperFormulaInput(file: string): string {
  const model = readWorkbookModel(new Uint8Array(readFileSync(file)), file);
  const prepared = prepareRecalculation(model, templateFormulaTargets(model, bundledRuleSet()));
  const out = join(OUT, "hf-input-50k.json");
  writeFileSync(
    out,
    JSON.stringify({ ...prepared, failures: [...prepared.failures], answered: null })
  );
  return out;
}

/** One workbook: fucai check, ExcelJS readFile and LibreOffice, taking turns (and HyperFormula alone). */
function measure(file: string, runs: number, peers: boolean, hfInput?: string) {
  const exceljs = `new (require('exceljs').Workbook)().xlsx.readFile(${JSON.stringify(file)})`;
  const lo = join(tmpdir(), "fucai-bench-lo-out");
  const f: number[] = [];
  const fMb: number[] = [];
  const e: number[] = [];
  const l: number[] = [];
  const h: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i += 1) {
    const c = run(process.execPath, [FUCAI, "check", file, "--format", "json"]);
    if (c.status === 2 || c.status === null) throw new Error(`check failed: ${c.stderr}`);
    f.push(c.ms);
    fMb.push(c.mb);
    findings = JSON.parse(c.stdout).files[0].findings.length;
    if (peers) {
      e.push(run(process.execPath, ["-e", exceljs]).ms);
      if (hasSoffice)
        l.push(
          run("soffice", [
            `-env:UserInstallation=${LO_PROFILE}`,
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            lo,
            file,
          ]).ms
        );
    }
    if (hfInput) {
      const r = run(process.execPath, [join(ROOT, "scripts", "hf-alone.js"), hfInput]);
      if (r.status !== 0) throw new Error(`HyperFormula alone failed: ${r.stderr}`);
      h.push(r.ms);
    }
    process.stdout.write(".");
  }
  return {
    fucai: median(f),
    mb: median(fMb),
    exceljs: e.length ? median(e) : NaN,
    libreoffice: l.length ? median(l) : NaN,
    hyperformula: h.length ? median(h) : NaN,
    findings,
  };
}

function summaryTime(dir: string, jobs: number): number {
  const r = run(process.execPath, [
    FUCAI,
    "summary",
    dir,
    "-o",
    join(OUT, `summary-j${jobs}.xlsx`),
    "-j",
    String(jobs),
  ]);
  if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  return r.ms;
}

const s1 = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(join(ROOT, "dist", "src", "cli", "main.js")))
    throw new Error("run npm run build:cli first");
  for (const rows of SIZES) {
    const file = fileFor(rows);
    if (!existsSync(file) || process.argv.includes("--fresh")) {
      console.log(`generating ${file} (${rows.toLocaleString("en-US")} ledger rows)…`);
      writeFileSync(file, await withCachedValues(buildWorkbook(bundledRuleSet(), content(rows))));
    }
  }
  console.log(`node ${process.version}, medians of ${RUNS} paired runs, whole processes`);
  if (!hasSoffice) console.log("(LibreOffice not installed: its column stays empty)");

  const big = fileFor(50_000);
  console.log(`\n50,000 ledger rows (${(statSync(big).size / 1048576).toFixed(1)} MB)`);
  const m = measure(big, RUNS, true, prepareHyperFormulaInput(big));
  console.log(
    [
      "",
      `  fucai check          ${s1(m.fucai)}, peak ${m.mb.toFixed(0)} MB, ${m.findings} findings`,
      `  ExcelJS readFile     ${s1(m.exceljs)}`,
      `  LibreOffice (csv)    ${hasSoffice ? s1(m.libreoffice) : "—"}`,
      `  check / ExcelJS      ${(m.fucai / m.exceljs).toFixed(2)}   (target ≤ 0.5)`,
      `  check / LibreOffice  ${hasSoffice ? (m.fucai / m.libreoffice).toFixed(2) : "—"}   (target ≤ 0.5)`,
      `  peak memory          ${m.mb.toFixed(0)} MB   (target ≤ 300 MB)`,
      "",
      `  HyperFormula alone   ${s1(m.hyperformula)} = ${(m.hyperformula / m.exceljs).toFixed(2)} × ExcelJS, ${(m.hyperformula / m.fucai).toFixed(2)} of the check`,
      "    (a process that only recalculates the template's formulas over the cells they",
      "    reference, prepared beforehand: the floor under the check's time and ratios)",
    ].join("\n")
  );

  console.log("\nthe curve (fucai check, whole process)");
  console.log("  rows       time      µs/row   peak MB");
  const curve: { rows: number; ms: number }[] = [];
  for (const rows of SIZES) {
    const c = rows === 50_000 ? m : measure(fileFor(rows), Math.max(3, Math.ceil(RUNS / 2)), false);
    curve.push({ rows, ms: c.fucai });
    process.stdout.write("\r");
    console.log(
      `  ${rows.toLocaleString("en-US").padStart(7)}  ${s1(c.fucai).padStart(8)}  ${((c.fucai * 1000) / rows).toFixed(1).padStart(7)}  ${c.mb.toFixed(0).padStart(8)}`
    );
  }
  for (let i = 1; i < curve.length; i += 1) {
    const a = curve[i - 1];
    const b = curve[i];
    console.log(
      `  ${a.rows / 1000}k → ${b.rows / 1000}k: ${(((b.ms - a.ms) * 1000) / (b.rows - a.rows)).toFixed(1)} µs per added row`
    );
  }

  const normal = join(ROOT, "workbooks", "samples", "01-wupaer-final-compliant.xlsx");
  const n: number[] = [];
  for (let i = 0; i < RUNS * 2; i += 1) n.push(run(process.execPath, [FUCAI, "check", normal]).ms);
  console.log(`\na normal project workbook (sample 01): ${s1(median(n))}   (target ≤ 0.3 s)`);

  const dir = join(OUT, "summary-200");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const samples = readdirSync(join(ROOT, "workbooks", "samples")).filter((f) =>
    f.endsWith(".xlsx")
  );
  for (let i = 0; i < 200; i += 1)
    copyFileSync(
      join(ROOT, "workbooks", "samples", samples[i % samples.length]),
      join(dir, `${String(i + 1).padStart(3, "0")}-${samples[i % samples.length]}`)
    );
  const one: number[] = [];
  const two: number[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i += 1) {
    one.push(summaryTime(dir, 1));
    two.push(summaryTime(dir, 2));
  }
  console.log(
    `fucai summary of 200 workbooks: 1 worker ${s1(median(one))}, 2 workers ${s1(median(two))} (speed-up ${(median(one) / median(two)).toFixed(2)}x; target > 1)`
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
