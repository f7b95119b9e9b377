/**
 * fucai diff for people (text, Chinese by default) and for programs (one JSON document).
 * The JSON document's shape is given in the help (help.ts, diffAfter).
 */
import { clauseText, type Finding, type Severity } from "../engine/findings";
import type { Lang, Text } from "../engine/i18n";
import type { Comparison, ComparedSubmission, RowChange } from "../engine/diff/types";
import { changesText } from "../engine/diff/values";
import { whereText } from "../engine/read/describe-needs";
import { formatSerial } from "../engine/util/dates";
import { formatNumber } from "../engine/util/text";
import { clean, findingJson, SYMBOL, terminalStyle } from "./output";
import { table } from "./table";

/** What fucai diff ends with: a comparison, or why there is none (exit 2). */
export type DiffOutput =
  { ok: true; comparison: Comparison } | { ok: false; reason: string; error: Text; file?: string };

function submissionJson(s: ComparedSubmission) {
  return {
    file: s.file,
    asOf: formatSerial(s.asOf),
    stage: s.stage,
    modified: s.modified === null ? null : new Date(s.modified).toISOString(),
  };
}

export function diffJson(out: DiffOutput): string {
  if (!out.ok)
    return JSON.stringify(
      { error: out.error, reason: out.reason, ...(out.file ? { file: out.file } : {}) },
      null,
      2
    );
  const c = out.comparison;
  const doc = {
    project: c.project,
    earlier: submissionJson(c.earlier),
    later: submissionJson(c.later),
    notes: c.notes.map((n) => ({ kind: n.kind, severity: "info", message: n.message })),
    info: c.info,
    tables: c.tables.map((t) => ({
      table: t.table,
      sheet: t.sheet,
      added: t.added,
      removed: t.removed,
      changed: t.changed,
      unchanged: t.unchanged,
      retro: t.retro,
      ...(t.missingIn ? { missingIn: t.missingIn } : {}),
      rows: t.rows,
    })),
    findings: c.findings.map(findingJson),
    kpis: c.kpis,
    budget: c.budget,
    checks: {
      counts: c.checks.counts,
      new: c.checks.new.map(findingJson),
      resolved: c.checks.resolved.map(findingJson),
      persisting: c.checks.persisting.map(findingJson),
    },
  };
  return JSON.stringify(doc, null, 2);
}

const WORDS = {
  zh: {
    project: "项目",
    unreadable: "无法读取",
    earlier: "较早报送",
    later: "较晚报送",
    stage: { interim: "中期", final: "末期" },
    asOf: "截至",
    severity: { error: "错误", warning: "警告", info: "提示" } as Record<Severity, string>,
    retro: "追溯修改（已报送期间的数据被改动）",
    noRetro: "未发现追溯修改。",
    fix: "处理：",
    tables: "各表变化",
    sameTables: "两次报送的各表数据相同。",
    tableColumns: ["工作表", "新增", "删除", "修改", "其中追溯修改"],
    missingIn: (sheet: string, side: string) => `「${sheet}」：${side}中找不到此表，未比较。`,
    details: "变化明细",
    row: (n: number | null) => `第 ${n} 行`,
    earlierRow: (n: number | null) => `较早报送第 ${n} 行`,
    retroMark: "［追溯］",
    more: (n: number) => `…… 另有 ${n} 行变化未列出（完整内容见 --format json）`,
    moreFindings: (n: number) => `…… 另有 ${n} 条未列出（完整内容见 --format json）`,
    info: "项目信息",
    kpis: "绩效指标",
    kpiColumns: ["指标", "目标", "较早", "较晚", "较晚应达到"],
    budget: "预算（元）",
    budgetColumns: ["类别", "预算·较早", "预算·较晚", "支出·较早", "支出·较晚", "限额"],
    checks: (n: number, r: number, p: number) =>
      `问题对比：新出现 ${n} · 已解决 ${r} · 仍存在 ${p}`,
    new: "新出现",
    resolved: "已解决",
    persisting: "仍存在",
    conclusion: (retro: number, a: number, r: number, ch: number, c: Comparison["checks"]) =>
      `结论：追溯修改 ${retro} 处；新增 ${a} 行、删除 ${r} 行、修改 ${ch} 行；问题新出现 ${c.counts.new}、已解决 ${c.counts.resolved}、仍存在 ${c.counts.persisting}。`,
  },
  en: {
    project: "Project",
    unreadable: "cannot be read",
    earlier: "Earlier submission",
    later: "Later submission",
    stage: { interim: "interim", final: "final" },
    asOf: "as of",
    severity: { error: "error", warning: "warning", info: "info" } as Record<Severity, string>,
    retro: "Retroactive changes (reported history changed)",
    noRetro: "No retroactive changes.",
    fix: "Fix: ",
    tables: "Changes per table",
    sameTables: "Every table holds the same data in both submissions.",
    tableColumns: ["Sheet", "Added", "Removed", "Changed", "Of which retroactive"],
    missingIn: (sheet: string, side: string) =>
      `${sheet}: not found in the ${side.toLowerCase()}, not compared.`,
    details: "Changed rows",
    row: (n: number | null) => `row ${n}`,
    earlierRow: (n: number | null) => `earlier row ${n}`,
    retroMark: "[retroactive]",
    more: (n: number) => `… ${n} more changed row(s) not listed (see --format json)`,
    moreFindings: (n: number) => `… ${n} more not listed (see --format json)`,
    info: "Project facts",
    kpis: "Performance targets",
    kpiColumns: ["Target", "Target value", "Earlier", "Later", "Due by later"],
    budget: "Budget (yuan)",
    budgetColumns: ["Category", "Plan then", "Plan now", "Spent then", "Spent now", "Limit"],
    checks: (n: number, r: number, p: number) =>
      `Findings compared: ${n} new · ${r} resolved · ${p} persisting`,
    new: "New",
    resolved: "Resolved",
    persisting: "Persisting",
    conclusion: (retro: number, a: number, r: number, ch: number, c: Comparison["checks"]) =>
      `Result: ${retro} retroactive change(s); ${a} row(s) added, ${r} removed, ${ch} changed; findings ${c.counts.new} new, ${c.counts.resolved} resolved, ${c.counts.persisting} persisting.`,
  },
};

/** Rows listed per table, and findings per list, before "… N more". */
const LISTED = 20;

const num = (v: number | null) => (v === null ? "-" : formatNumber(v));

export function diffText(out: DiffOutput, lang: Lang, colour: boolean): string {
  const w = WORDS[lang];
  const { paint, bold, dim } = terminalStyle(colour);
  if (!out.ok) {
    const file = out.file ? `${clean(out.file)}: ${w.unreadable}: ` : "";
    return paint("error", `${SYMBOL.error} ${file}${clean(out.error[lang])}`);
  }
  const c = out.comparison;
  const lines: string[] = [];
  const finding = (f: Finding, indent: string, withFix: boolean) => {
    const where = f.cell
      ? `${f.sheet}!${f.cell}`
      : f.sheet
        ? `${f.sheet}`
        : whereText(f.target, lang);
    const about = [f.title?.[lang], f.clause ? clauseText(f.clause, lang) : ""]
      .filter(Boolean)
      .join(" · ");
    lines.push(
      `${indent}${paint(f.severity, `${SYMBOL[f.severity]} ${w.severity[f.severity]}`)}  ${f.rule}${about ? ` ${about}` : ""}  ${clean(where)}`
    );
    lines.push(`${indent}    ${clean(f.message[lang])}`);
    if (withFix && f.fix) lines.push(dim(`${indent}    ${w.fix}${f.fix[lang]}`));
  };
  const colon = lang === "zh" ? "：" : ": ";
  const side = (label: string, s: ComparedSubmission) =>
    `${label}${colon}${clean(s.file)} · ${w.stage[s.stage]} · ${w.asOf} ${formatSerial(s.asOf)}`;
  const code = lang === "zh" ? `（${clean(c.project.code)}）` : ` (${clean(c.project.code)})`;
  lines.push(bold(`${w.project}${colon}${clean(c.project.name ?? "-")}${code}`));
  lines.push(side(w.earlier, c.earlier), side(w.later, c.later));
  for (const n of c.notes)
    lines.push(`  ${paint("info", `${SYMBOL.info} ${w.severity.info}`)}  ${n.message[lang]}`);
  lines.push("", bold(w.retro));
  if (!c.findings.length) lines.push(`  ${w.noRetro}`);
  for (const f of c.findings) finding(f, "  ", true);

  lines.push("", bold(w.tables));
  const changedTables = c.tables.filter((t) => t.added + t.removed + t.changed > 0);
  if (changedTables.length)
    lines.push(
      ...table(
        w.tableColumns,
        changedTables.map((t) =>
          [t.title.zh, t.added, t.removed, t.changed, t.retro].map((v) => String(v))
        ),
        [1, 2, 3, 4]
      ).map((l) => `  ${l}`)
    );
  else lines.push(`  ${w.sameTables}`);
  for (const t of c.tables.filter((x) => x.missingIn))
    lines.push(`  ${w.missingIn(t.title.zh, t.missingIn === "earlier" ? w.earlier : w.later)}`);

  if (changedTables.length) {
    lines.push("", bold(w.details));
    for (const t of changedTables) {
      lines.push(`  ${t.title[lang]}`);
      for (const r of t.rows.slice(0, LISTED)) lines.push(`    ${rowLine(r, lang)}`);
      if (t.rows.length > LISTED) lines.push(dim(`    ${w.more(t.rows.length - LISTED)}`));
    }
  }
  if (c.info.length) {
    lines.push("", bold(w.info));
    for (const line of changesText(c.info)[lang].split(lang === "zh" ? "；" : "; "))
      lines.push(`  ${clean(line)}`);
  }
  if (c.kpis.length) {
    lines.push("", bold(w.kpis));
    const rows = c.kpis.map((k) => [
      `${k.label[lang]}${k.unit[lang] ? (lang === "zh" ? `（${k.unit.zh}）` : ` (${k.unit.en})`) : ""}`,
      num(k.target),
      num(k.earlier),
      num(k.later),
      num(k.dueLater),
    ]);
    lines.push(...table(w.kpiColumns, rows, [1, 2, 3, 4]).map((l) => `  ${l}`));
  }
  if (c.budget) {
    lines.push("", bold(w.budget));
    const rows = c.budget.map((b) => [
      b.label[lang],
      num(b.planned.earlier),
      num(b.planned.later),
      num(b.actual.earlier),
      num(b.actual.later),
      `${b.kind === "max" ? "≤" : "≥"} ${formatNumber(b.limit)}`,
    ]);
    lines.push(...table(w.budgetColumns, rows, [1, 2, 3, 4, 5]).map((l) => `  ${l}`));
  }
  const k = c.checks;
  lines.push("", bold(w.checks(k.counts.new, k.counts.resolved, k.counts.persisting)));
  for (const [label, list, total] of [
    [w.new, k.new, k.counts.new],
    [w.resolved, k.resolved, k.counts.resolved],
  ] as const) {
    if (!list.length) continue;
    lines.push(`  ${label}`);
    for (const f of list.slice(0, LISTED)) finding(f, "    ", false);
    if (total > LISTED) lines.push(dim(`    ${w.moreFindings(total - LISTED)}`));
  }
  if (k.persisting.length) {
    const byRule = new Map<string, number>();
    for (const f of k.persisting) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    const list = [...byRule].map(([rule, n]) => `${rule} ${n}`).join(lang === "zh" ? "、" : ", ");
    lines.push(`  ${w.persisting}${colon}${list}`);
  }
  const sum = (key: "added" | "removed" | "changed") => c.tables.reduce((s, t) => s + t[key], 0);
  lines.push("", w.conclusion(c.findings.length, sum("added"), sum("removed"), sum("changed"), k));
  return lines.join("\n");
}

/** "~ 第 4 行  凭证号 P-3，…：金额 10,000 → 12,000 ［追溯］". */
function rowLine(r: RowChange, lang: Lang): string {
  const w = WORDS[lang];
  const mark = r.retro ? ` ${w.retroMark}` : "";
  const label = clean(r.label[lang]);
  if (r.change === "removed") return `- ${w.earlierRow(r.earlierRow)}  ${label}${mark}`;
  if (r.change === "added") return `+ ${w.row(r.laterRow)}  ${label}${mark}`;
  const sep = lang === "zh" ? "：" : ": ";
  return `~ ${w.row(r.laterRow)}  ${label}${sep}${clean(changesText(r.fields)[lang])}${mark}`;
}
