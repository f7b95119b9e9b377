/** Check results for people (text, Chinese by default) and for programs (one JSON document). */
import { whereText } from "../engine/read/describe-needs";
import {
  clauseText,
  countBySeverity,
  type Counts,
  type CrossFinding,
  type Finding,
  type Severity,
} from "../engine/findings";
import type { Lang } from "../engine/i18n";
import { AREAS, AREA_ORDER, type Area } from "../engine/rules/types";
import { ruleById } from "../engine/rules/catalog";
import { formatSerial } from "../engine/util/dates";
import { reviewLines } from "../engine/reviews/text";
import type { TaskResult } from "./task";
import { table } from "./table";
import { ESCAPE_SEQUENCE } from "./printable";
import { evidenceTally } from "../engine/evidence";

export interface CheckOutput {
  results: TaskResult[];
  cross: CrossFinding[];
}

/** One finding as the JSON documents carry it (check, and the comparison of fucai diff). */
export function findingJson(f: Finding) {
  return {
    rule: f.rule,
    title: f.title ?? null,
    clause: f.clause ?? null,
    severity: f.severity,
    ...(f.status ? { status: f.status } : {}),
    sheet: f.sheet ?? null,
    cell: f.cell ?? null,
    ...(f.target ? { target: f.target } : {}),
    message: f.message,
    ...(f.fix ? { fix: f.fix } : {}),
    figures: f.figures ?? {},
    ...(f.evidence ? { evidence: f.evidence } : {}),
    ...(f.byPayee ? { byPayee: f.byPayee } : {}),
    fingerprint: f.fingerprint ?? null,
    ...(f.review ? { review: f.review } : {}),
    ...(f.earlierReview ? { earlierReview: f.earlierReview } : {}),
  };
}

export function toJson(out: CheckOutput): string {
  const doc = {
    files: out.results.map((r) =>
      r.ok
        ? {
            file: r.file,
            project: { code: r.report.facts.code, name: r.report.facts.name },
            stage: r.report.stage.kind,
            findings: r.report.findings.map(findingJson),
            ...(r.annotated ? { annotated: r.annotated } : {}),
            ...(r.annotateError ? { annotateError: r.annotateError } : {}),
          }
        : { file: r.file, error: r.error }
    ),
    cross: out.cross.map((f) => ({
      rule: f.rule,
      title: f.title ?? null,
      clause: f.clause ?? null,
      severity: f.severity,
      message: f.message,
      ...(f.fix ? { fix: f.fix } : {}),
      refs: f.refs,
      figures: f.figures ?? {},
      fingerprint: f.fingerprint ?? null,
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
    accepted: "已认可",
    progress: "进度",
    fix: "处理：",
    none: "未发现问题。",
    total: "合计",
    cross: "跨项目检查",
    unreadable: "无法读取",
    files: "各文件结果",
    status: { fail: "有错误", attention: "有警告", ok: "合规", unreadable: "无法读取" },
    columns: ["文件", "项目编号", "阶段", "错误", "警告", "提示", "未检查", "已认可", "结论"],
    summary: (files: number, c: Counts, bad: number) =>
      `共 ${files} 个文件：错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}` +
      `${c.notChecked ? `，未检查 ${c.notChecked}` : ""}${c.accepted ? `，已认可 ${c.accepted}` : ""}` +
      `${bad ? `；${bad} 个文件无法读取` : ""}。`,
    annotated: "已写出标注副本",
  },
  en: {
    file: "File",
    project: "Project",
    stage: { interim: "interim", final: "final" },
    asOf: "as of",
    severity: { error: "error", warning: "warning", info: "info" } as Record<Severity, string>,
    notChecked: "not checked",
    accepted: "accepted",
    progress: "Progress",
    fix: "Fix: ",
    none: "No problems found.",
    total: "Total",
    cross: "Across projects",
    unreadable: "cannot be read",
    files: "Files",
    status: { fail: "errors", attention: "warnings", ok: "compliant", unreadable: "unreadable" },
    columns: [
      "File",
      "Code",
      "Stage",
      "Errors",
      "Warnings",
      "Info",
      "Not checked",
      "Accepted",
      "Result",
    ],
    summary: (files: number, c: Counts, bad: number) =>
      `${files} file(s): ${c.error} errors, ${c.warning} warnings, ${c.info} info` +
      `${c.notChecked ? `, ${c.notChecked} not checked` : ""}${c.accepted ? `, ${c.accepted} accepted` : ""}` +
      `${bad ? `; ${bad} file(s) could not be read` : ""}.`,
    annotated: "Annotated copy written to",
  },
};

export const SYMBOL: Record<Severity, string> = { error: "✖", warning: "▲", info: "ℹ" };
const COLOUR: Record<Severity, string> = {
  error: "\x1b[31m",
  warning: "\x1b[33m",
  info: "\x1b[36m",
};

/** Colour by severity, bold and dim on a terminal that takes them; the text as it is elsewhere. */
export function terminalStyle(colour: boolean) {
  return {
    paint: (s: Severity, text: string) => (colour ? `${COLOUR[s]}${text}\x1b[0m` : text),
    bold: (text: string) => (colour ? `\x1b[1m${text}\x1b[0m` : text),
    dim: (text: string) => (colour ? `\x1b[2m${text}\x1b[0m` : text),
  };
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/**
 * Text from a workbook or a file name, safe for a terminal: escape sequences (set the title,
 * clear the screen) and every other control character removed, line breaks made spaces.
 */
export function clean(text: string): string {
  // Control characters are what these expressions are for.
  /* eslint-disable no-control-regex */
  return text
    .replace(ESCAPE_SEQUENCE, "")
    .replace(/[\r\n\t]+/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
  /* eslint-enable no-control-regex */
}

/** "计入 4 行，未计入 12 行（逐行明细见 --format json 或 --annotate 标注副本）" */
export function evidenceLine(f: Pick<Finding, "evidence" | "evidenceCount">, lang: Lang): string {
  const counted = f.evidenceCount?.counted ?? f.evidence!.filter((e) => e.counted).length;
  const left = f.evidenceCount?.left ?? f.evidence!.length - counted;
  const tally = evidenceTally(counted, left);
  return lang === "zh"
    ? `${tally.zh}（逐行明细见 --format json 或 --annotate 标注副本）`
    : `${tally.en} (row by row: --format json or --annotate)`;
}

export function toText(out: CheckOutput, lang: Lang, colour: boolean): string {
  const w = WORDS[lang];
  const { paint, bold, dim } = terminalStyle(colour);
  const lines: string[] = [];
  const totals: Counts = {
    error: 0,
    warning: 0,
    info: 0,
    notChecked: 0,
    progress: 0,
    accepted: 0,
  };
  const rows: string[][] = [];
  let bad = 0;
  /**
   * A finding in three lines: what and where; the message; how to fix it. Then its explanation
   * and decision from 审核意见, if any; an accepted one says so beside its severity.
   */
  const describe = (f: Finding | CrossFinding, where: string, indent: string) => {
    const label =
      "status" in f && f.status === "not-checked" ? w.notChecked : w.severity[f.severity];
    const accepted = "review" in f && f.review?.accepted ? `（${w.accepted}）` : "";
    const shownLabel =
      lang === "zh" ? `${label}${accepted}` : `${label}${accepted ? ` (${w.accepted})` : ""}`;
    const title = f.title ? ` ${f.title[lang]}` : "";
    const basis = f.clause ? ` · ${clauseText(f.clause, lang)}` : "";
    lines.push(
      `${indent}${paint(f.severity, `${SYMBOL[f.severity]} ${shownLabel}`)}  ${f.rule}${title}${basis}${where ? `  ${clean(where)}` : ""}`
    );
    lines.push(`${indent}    ${clean(f.message[lang])}`);
    // The rows themselves are in the JSON and the annotated copy's 汇总-依据: here only how many.
    if (!("refs" in f)) {
      const rows =
        (f.evidence?.length ?? 0) + (f.evidenceCount?.counted ?? 0) + (f.evidenceCount?.left ?? 0);
      if (rows > 0) lines.push(dim(`${indent}    ${evidenceLine(f, lang)}`));
    }
    if (f.fix && !("status" in f && f.status))
      lines.push(dim(`${indent}    ${w.fix}${f.fix[lang]}`));
    if (!("refs" in f))
      for (const line of reviewLines(f, lang)) lines.push(`${indent}    ${clean(line)}`);
  };
  for (const r of out.results) {
    if (!r.ok) {
      bad += 1;
      lines.push(
        paint("error", `${SYMBOL.error} ${clean(r.file)}: ${w.unreadable}: ${clean(r.error[lang])}`)
      );
      if (r.stack) lines.push(r.stack);
      lines.push("");
      rows.push([clean(baseName(r.file)), "-", "-", "-", "-", "-", "-", "-", w.status.unreadable]);
      continue;
    }
    const { report } = r;
    const facts = report.facts;
    lines.push(bold(`${w.file}: ${clean(r.file)}`));
    lines.push(
      `${w.project}: ${clean(facts.name ?? "-")}${facts.code ? ` (${clean(facts.code)})` : ""} · ${w.stage[report.stage.kind]} · ${w.asOf} ${formatSerial(report.stage.asOf)}`
    );
    const problems = report.findings.filter((f) => f.status !== "progress");
    const progress = report.findings.filter((f) => f.status === "progress");
    if (problems.length === 0) lines.push(`  ${w.none}`);
    const byArea = new Map<Area, Finding[]>();
    for (const f of problems) {
      const area = ruleById(f.rule)?.area ?? "data";
      byArea.set(area, [...(byArea.get(area) ?? []), f]);
    }
    for (const area of AREA_ORDER) {
      const list = byArea.get(area);
      if (!list) continue;
      lines.push(`  ${bold(AREAS[area][lang])}`);
      for (const f of list)
        describe(f, f.sheet ? `${f.sheet}!${f.cell ?? ""}` : whereText(f.target, lang), "    ");
    }
    if (progress.length) {
      lines.push(`  ${bold(w.progress)}`);
      // The heading says it: the message's own "进度：" (kept for the pane and the copy) is not repeated.
      for (const f of progress) {
        const text = clean(f.message[lang]).replace(/^(进度：|Progress: )/, "");
        lines.push(`    ${text.charAt(0).toUpperCase()}${text.slice(1)}`);
      }
    }
    const c = countBySeverity(report.findings);
    for (const k of Object.keys(totals) as (keyof Counts)[]) totals[k] += c[k];
    lines.push(
      `  ${w.total}: ${w.severity.error} ${c.error} · ${w.severity.warning} ${c.warning} · ${w.severity.info} ${c.info}` +
        (c.notChecked ? ` · ${w.notChecked} ${c.notChecked}` : "") +
        (c.accepted ? ` · ${w.accepted} ${c.accepted}` : "")
    );
    if (r.annotated) lines.push(`  ${w.annotated} ${clean(r.annotated)}`);
    if (r.annotateError)
      lines.push(paint("error", `  ${SYMBOL.error} ${clean(r.annotateError[lang])}`));
    lines.push("");
    rows.push([
      clean(baseName(r.file)),
      clean(facts.code ?? "-"),
      w.stage[report.stage.kind],
      String(c.error),
      String(c.warning),
      String(c.info),
      String(c.notChecked),
      String(c.accepted),
      c.error ? w.status.fail : c.warning ? w.status.attention : w.status.ok,
    ]);
  }
  if (out.cross.length) {
    lines.push(bold(w.cross));
    for (const f of out.cross) {
      describe(f, "", "  ");
      for (const ref of f.refs)
        lines.push(
          `      - ${clean(ref.file)}${ref.sheet ? ` ${clean(ref.sheet)}!${ref.cell ?? ""}` : ""}`
        );
      if (f.severity === "error") totals.error += 1;
      else if (f.severity === "warning") totals.warning += 1;
      else totals.info += 1;
    }
    lines.push("");
  }
  if (out.results.length > 1) {
    lines.push(bold(w.files));
    // 已认可 only when a file has an accepted finding: most runs have none.
    const shown = (row: string[]) => (totals.accepted ? row : row.filter((_, i) => i !== 7));
    const numeric = totals.accepted ? [3, 4, 5, 6, 7] : [3, 4, 5, 6];
    lines.push(...table(shown(w.columns), rows.map(shown), numeric).map((l) => `  ${l}`));
    lines.push("");
  }
  lines.push(w.summary(out.results.length, totals, bad));
  return lines.join("\n");
}

export { countBySeverity };
