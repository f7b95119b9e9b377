/** Check results for people (text, Chinese by default) and for programs (one JSON document). */
import { whereText } from "../engine/read/describe-needs";
import type { CrossFinding, Finding, Severity } from "../engine/findings";
import type { Lang } from "../engine/i18n";
import { AREAS, AREA_ORDER, type Area } from "../engine/rules/types";
import { ruleById } from "../engine/rules/catalog";
import { formatSerial } from "../engine/util/dates";
import type { TaskResult } from "./task";
import { severityCounts } from "./task";

export interface CheckOutput {
  results: TaskResult[];
  cross: CrossFinding[];
}

function findingJson(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    ...(f.status ? { status: f.status } : {}),
    sheet: f.sheet ?? null,
    cell: f.cell ?? null,
    ...(f.target ? { target: f.target } : {}),
    message: f.message,
    figures: f.figures ?? {},
  };
}

export function toJson(out: CheckOutput): string {
  const doc = {
    files: out.results.map((r) =>
      r.ok
        ? { file: r.file, stage: r.report.stage.kind, findings: r.report.findings.map(findingJson) }
        : { file: r.file, error: r.error }
    ),
    cross: out.cross.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      refs: f.refs,
      figures: f.figures ?? {},
    })),
  };
  return JSON.stringify(doc, null, 2);
}

const WORDS = {
  zh: {
    file: "文件",
    project: "项目",
    stage: { interim: "中期", final: "末期" },
    asOf: "截至",
    severity: { error: "错误", warning: "警告", info: "提示" } as Record<Severity, string>,
    notChecked: "未检查",
    none: "未发现问题。",
    total: "合计",
    cross: "跨项目检查",
    unreadable: "无法读取",
    summary: (files: number, e: number, w: number, i: number, bad: number) =>
      `共 ${files} 个文件：错误 ${e}，警告 ${w}，提示 ${i}${bad ? `；${bad} 个文件无法读取` : ""}。`,
    annotated: "已写出标注副本",
  },
  en: {
    file: "File",
    project: "Project",
    stage: { interim: "interim", final: "final" },
    asOf: "as of",
    severity: { error: "error", warning: "warning", info: "info" } as Record<Severity, string>,
    notChecked: "not checked",
    none: "No problems found.",
    total: "Total",
    cross: "Across projects",
    unreadable: "cannot be read",
    summary: (files: number, e: number, w: number, i: number, bad: number) =>
      `${files} file(s): ${e} errors, ${w} warnings, ${i} info${bad ? `; ${bad} file(s) could not be read` : ""}.`,
    annotated: "Annotated copy written to",
  },
};

const SYMBOL: Record<Severity, string> = { error: "✖", warning: "▲", info: "ℹ" };
const COLOUR: Record<Severity, string> = {
  error: "\x1b[31m",
  warning: "\x1b[33m",
  info: "\x1b[36m",
};

export function toText(out: CheckOutput, lang: Lang, colour: boolean): string {
  const w = WORDS[lang];
  const paint = (s: Severity, text: string) => (colour ? `${COLOUR[s]}${text}\x1b[0m` : text);
  const bold = (text: string) => (colour ? `\x1b[1m${text}\x1b[0m` : text);
  const lines: string[] = [];
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let bad = 0;
  for (const r of out.results) {
    if (!r.ok) {
      bad += 1;
      lines.push(paint("error", `${SYMBOL.error} ${r.file}: ${w.unreadable}: ${r.error[lang]}`));
      if (r.stack) lines.push(r.stack);
      lines.push("");
      continue;
    }
    const { report } = r;
    const facts = report.facts;
    lines.push(bold(`${w.file}: ${r.file}`));
    lines.push(
      `${w.project}: ${facts.name ?? "-"}${facts.code ? ` (${facts.code})` : ""} · ${w.stage[report.stage.kind]} · ${w.asOf} ${formatSerial(report.stage.asOf)}`
    );
    if (report.findings.length === 0) lines.push(`  ${w.none}`);
    const byArea = new Map<Area, Finding[]>();
    for (const f of report.findings) {
      const area = ruleById(f.rule)?.area ?? "data";
      byArea.set(area, [...(byArea.get(area) ?? []), f]);
    }
    for (const area of AREA_ORDER) {
      const list = byArea.get(area);
      if (!list) continue;
      lines.push(`  ${bold(AREAS[area][lang])}`);
      for (const f of list) {
        const where = f.sheet ? `${f.sheet}!${f.cell ?? ""}` : whereText(f.target, lang);
        const label = f.status === "not-checked" ? w.notChecked : w.severity[f.severity];
        lines.push(
          `    ${paint(f.severity, `${SYMBOL[f.severity]} ${label}`)}  ${f.rule}  ${where}`
        );
        lines.push(`        ${f.message[lang]}`);
      }
    }
    const c = severityCounts(report.findings);
    totals.error += c.error;
    totals.warning += c.warning;
    totals.info += c.info;
    lines.push(
      `  ${w.total}: ${w.severity.error} ${c.error} · ${w.severity.warning} ${c.warning} · ${w.severity.info} ${c.info}`
    );
    if (r.annotated) lines.push(`  ${w.annotated} ${r.annotated}`);
    lines.push("");
  }
  if (out.cross.length) {
    lines.push(bold(w.cross));
    for (const f of out.cross) {
      lines.push(
        `  ${paint(f.severity, `${SYMBOL[f.severity]} ${w.severity[f.severity]}`)}  ${f.rule}`
      );
      lines.push(`      ${f.message[lang]}`);
      for (const ref of f.refs)
        lines.push(`      - ${ref.file}${ref.sheet ? ` ${ref.sheet}!${ref.cell ?? ""}` : ""}`);
      totals[f.severity] += 1;
    }
    lines.push("");
  }
  lines.push(w.summary(out.results.length, totals.error, totals.warning, totals.info, bad));
  return lines.join("\n");
}
