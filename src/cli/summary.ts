/**
 * fucai summary: check every workbook (on every core), then write the bureau's summary
 * workbook, or the overview as CSV. One unreadable file never stops the rest.
 */
import { writeErr } from "./printable";
import { extname } from "path";
import type { Lang } from "../engine/i18n";
import { crossCheck } from "../engine/check";
import { buildSummary } from "../engine/summary/model";
import { overviewCsv } from "../engine/summary/csv";
import { todaySerial } from "../engine/util/dates";
import { expandInputs, loadRuleSet, refuseInputsAsOutputs, UsageError } from "./inputs";
import { runInWorkers } from "./pool";
import { writeCopy, type CheckTask, type TaskResult } from "./task";
import { parseAsOf } from "./as-of";
import { noteSkipped, parseJobs } from "./options";
import { compareLastSubmissions } from "./summary-changes";
import { fileLabels } from "./file-labels";

export interface SummaryFlags {
  output?: string;
  ruleset: string;
  asOf?: string;
  lang: Lang;
  format: "xlsx" | "csv";
  jobs?: string;
  debug?: boolean;
  /** false with --no-reviews: as if 审核意见 were absent. */
  reviews?: boolean;
}

/** A progress bar on a terminal (stderr), nothing when output is redirected. */
function progress(total: number): (r: TaskResult, done: number) => void {
  const tty = process.stderr.isTTY;
  return (r, done) => {
    if (!tty) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const name = r.file.length > 40 ? `…${r.file.slice(-39)}` : r.file;
    writeErr(
      `\r[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total} ${name}\x1b[K`
    );
    if (done === total) writeErr("\n");
  };
}

export async function runSummary(
  inputs: string[],
  flags: SummaryFlags,
  say: (s: string) => void
): Promise<number> {
  if (!flags.output)
    throw new UsageError(
      "请用 -o 指定输出文件，例如 -o 汇总.xlsx。",
      "Give the output file with -o, e.g. -o summary.xlsx."
    );
  const format = flags.format ?? (extname(flags.output).toLowerCase() === ".csv" ? "csv" : "xlsx");
  const ruleset = loadRuleSet(flags.ruleset);
  const asOf = parseAsOf(flags.asOf);
  const jobs = parseJobs(flags.jobs);
  const files = expandInputs(inputs, noteSkipped(flags.lang));
  refuseInputsAsOutputs(files, [flags.output]);
  const tasks: CheckTask[] = files.map((file) => ({
    file,
    ruleset,
    asOf,
    today: todaySerial(),
    lang: flags.lang,
    debug: flags.debug,
    reviews: flags.reviews,
    evidence: "counts", // the summary shows figures, not the rows behind them
  }));
  const results = await runInWorkers(tasks, {
    concurrency: jobs,
    onResult: progress(tasks.length),
  });
  const read = results.flatMap((r) => (r.ok ? [r.report] : []));
  // 汇总-变更: a project's last two submissions compared (the workbook only, not the CSV
  // overview), reading the files again by their real paths.
  const changes =
    format === "xlsx"
      ? await compareLastSubmissions(read, {
          ruleset,
          today: todaySerial(),
          jobs,
          debug: flags.debug,
        })
      : [];
  // From here on the files are named as the summary shows them (file-labels.ts).
  const label = fileLabels(files);
  const named = (file: string) => label.get(file) ?? file;
  const reports = read.map((r) => ({
    ...r,
    file: named(r.file),
    facts: { ...r.facts, file: named(r.facts.file) },
  }));
  const unreadable = results.flatMap((r) =>
    r.ok ? [] : [{ file: named(r.file), error: r.error }]
  );
  const cross =
    reports.length > 1
      ? crossCheck(
          reports.map((r) => r.facts),
          ruleset
        )
      : [];
  const model = buildSummary(reports, unreadable, cross, ruleset);
  if (changes.length) model.changes = changes;
  const bytes =
    format === "csv"
      ? new TextEncoder().encode(overviewCsv(model, flags.lang))
      : await (await import("../hosts/xlsx/summary")).writeSummaryWorkbook(model, flags.lang);
  try {
    writeCopy(flags.output, bytes);
  } catch (e) {
    throw cannotWrite(flags.output, e);
  }
  const zh = `已写出 ${flags.output}：${reports.length} 个项目${unreadable.length ? `，${unreadable.length} 个文件无法读取` : ""}。`;
  const en = `Wrote ${flags.output}: ${reports.length} project(s)${unreadable.length ? `, ${unreadable.length} file(s) could not be read` : ""}.`;
  say(`${flags.lang === "zh" ? zh : en}\n`);
  for (const u of unreadable) say(`  ✖ ${u.file}: ${u.error[flags.lang]}\n`);
  // Written: the summary itself lists errors and unreadable files (help.ts, exit codes).
  return 0;
}

/** Why the summary file could not be written, in words (exit 2: nothing was written). */
function cannotWrite(target: string, e: unknown): UsageError {
  const code = (e as { code?: string }).code;
  const why =
    code === "EACCES" || code === "EPERM" || code === "EROFS"
      ? { zh: "没有写入该位置的权限", en: "no permission to write there" }
      : code === "EEXIST" || code === "ENOTDIR"
        ? { zh: "路径中有一部分是文件而不是文件夹", en: "part of the path is a file, not a folder" }
        : code === "ENOSPC"
          ? { zh: "磁盘空间不足", en: "the disk is full" }
          : code === "EISDIR"
            ? { zh: "这是一个文件夹，请给出文件名", en: "this is a folder; give a file name" }
            : { zh: "写入失败", en: "writing failed" };
  return new UsageError(
    `无法写出汇总文件 ${target}：${why.zh}。未写出任何文件。`,
    `Cannot write the summary to ${target}: ${why.en}. Nothing was written.`
  );
}
