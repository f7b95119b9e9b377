/**
 * npm run bench: a 50,000-row ledger, 5,000 activities and the other tables filled, then
 * medians over several runs of: ExcelJS's plain readFile of that file, a full `fucai check`
 * (whole process, start-up included), their ratio, and the check's peak memory.
 * Figures are printed, never asserted.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { spawnSync } from "child_process";
import { bundledRuleSet } from "../src/engine/rulesets/ruleset";
import { buildWorkbook, type WorkbookContent } from "../src/hosts/xlsx/template/build";
import { withCachedValues } from "../src/hosts/xlsx/template/cached";
import { formatSerial, parseIsoDate } from "../src/engine/util/dates";

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "out", "bench");
const FILE = join(OUT, "bench-50k.xlsx");
const RUNS = Number(process.env.BENCH_RUNS) || 5;

function dateAt(i: number, count: number): string {
  const start = parseIsoDate("2024-03-01")!;
  return formatSerial(start + Math.floor((i * 360) / count));
}

function content(): WorkbookContent {
  const categories = ["人力成本", "服务性支出", "评估及其他"];
  const ledger = Array.from({ length: 50_000 }, (_, i) => ({
    date: dateAt(i, 50_000),
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
  const activities = Array.from({ length: 5_000 }, (_, i) => ({
    date: dateAt(i, 5_000),
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

/** Run a node script in a fresh process; returns wall time (ms) and what it printed. */
function node(args: string[]): {
  ms: number;
  stdout: string;
  stderr: string;
  status: number | null;
} {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(FILE) || process.argv.includes("--fresh")) {
    console.log("generating the benchmark workbook (50,000 ledger rows, 5,000 activities)…");
    writeFileSync(FILE, await withCachedValues(buildWorkbook(bundledRuleSet(), content())));
  }
  console.log(`workbook: ${FILE} (${(statSync(FILE).size / 1048576).toFixed(1)} MB)`);
  if (!existsSync(join(ROOT, "dist", "src", "cli", "main.js")))
    throw new Error("run npm run build:cli first");

  const readScript = `const E=require('exceljs');const t=process.hrtime.bigint();new E.Workbook().xlsx.readFile(${JSON.stringify(FILE)}).then(()=>{console.log(Number(process.hrtime.bigint()-t)/1e6);console.error(process.resourceUsage().maxRSS)})`;
  const checkScript = `require('./dist/src/cli/main.js').main(['node','fucai','check',${JSON.stringify(FILE)},'--format','json']).then((c)=>{console.error('MAXRSS '+process.resourceUsage().maxRSS);process.exitCode=c})`;

  const readInProcess: number[] = [];
  const readWhole: number[] = [];
  const readRss: number[] = [];
  const check: number[] = [];
  const checkRss: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const r = node(["-e", readScript]);
    readInProcess.push(Number(r.stdout.trim()));
    readWhole.push(r.ms);
    readRss.push(Number(r.stderr.trim()) / 1024);
    const c = node(["-e", checkScript]);
    if (c.status === 2) throw new Error(`check failed: ${c.stderr}`);
    check.push(c.ms);
    checkRss.push(Number(/MAXRSS (\d+)/.exec(c.stderr)![1]) / 1024);
    findings = JSON.parse(c.stdout).files[0].findings.length;
    process.stdout.write(".");
  }
  console.log("\n");
  const exceljs = median(readInProcess);
  const full = median(check);
  const rows = [
    ["ExcelJS readFile (the call alone)", `${exceljs.toFixed(0)} ms`],
    [
      "ExcelJS readFile (whole process)",
      `${median(readWhole).toFixed(0)} ms, peak ${median(readRss).toFixed(0)} MB`,
    ],
    [
      "fucai check (whole process)",
      `${full.toFixed(0)} ms, peak ${median(checkRss).toFixed(0)} MB, ${findings} findings`,
    ],
    ["ratio check / ExcelJS readFile", `${(full / exceljs).toFixed(2)} (target ≤ 1.0)`],
    ["peak memory of the check", `${median(checkRss).toFixed(0)} MB (target < 600 MB)`],
  ];
  console.log(`medians over ${RUNS} runs, node ${process.version}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(36)} ${v}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
