/**
 * One file's work, run inside a worker thread: read it within limits, check it, optionally
 * write the annotated copy. Returns plain data (no workbook model) to the main thread.
 */
import { readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from "fs";
import { dirname, resolve } from "path";
import type { Lang, Text } from "../engine/i18n";
import type { RuleSet } from "../engine/rulesets/ruleset";
import type { CheckedWorkbook } from "../engine/summary/model";
import { checkWorkbook } from "../engine/check";
import { readWorkbookModel } from "../hosts/xlsx/read-model";
import { WorkbookReadError, megabytes, type ReadProblem } from "../hosts/xlsx/errors";
import { DEFAULT_ZIP_LIMITS, useInflater } from "../hosts/xlsx/zip";
import { inflateRawSync } from "zlib";

// Node's zlib inflates large sheets a few times faster than the JavaScript default.
useInflater((compressed, size) =>
  inflateRawSync(compressed, { maxOutputLength: Math.max(1, size) })
);
import { formatSerial } from "../engine/util/dates";

export interface CheckTask {
  file: string;
  ruleset: RuleSet;
  asOf?: number;
  today: number;
  annotateTo?: string;
  lang: Lang;
  debug?: boolean;
}

/** What a worker sends back of a checked file: everything but the workbook model. */
export type FileReport = CheckedWorkbook;

export type TaskResult =
  | { file: string; ok: true; report: FileReport; annotated?: string }
  | { file: string; ok: false; problem: ReadProblem; error: Text; stack?: string };

/**
 * Write next to the target, then rename over it: a target that is a symbolic link is replaced,
 * never written through, so no input can be written by way of a link.
 */
export function writeCopy(target: string, bytes: Uint8Array): void {
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, target);
}

export async function runTask(task: CheckTask): Promise<TaskResult> {
  try {
    const size = statSync(task.file).size;
    if (size > DEFAULT_ZIP_LIMITS.maxFileBytes)
      throw new WorkbookReadError("too-large", {
        zh: `${megabytes(size)}，上限 ${megabytes(DEFAULT_ZIP_LIMITS.maxFileBytes)}`,
        en: `${megabytes(size)}, the limit is ${megabytes(DEFAULT_ZIP_LIMITS.maxFileBytes)}`,
      });
    const bytes = new Uint8Array(readFileSync(task.file));
    const model = readWorkbookModel(bytes, task.file);
    const report = checkWorkbook(model, {
      ruleset: task.ruleset,
      asOf: task.asOf,
      today: task.today,
    });
    const result: FileReport = {
      file: task.file,
      stage: report.stage,
      findings: report.findings,
      facts: report.facts,
      measures: report.measures,
      budget: report.budget,
    };
    let annotated: string | undefined;
    if (task.annotateTo) {
      // ExcelJS is only loaded when an annotated copy is asked for.
      const { annotateWorkbook } = await import("../hosts/xlsx/annotate");
      const heading = `${task.file} · ${report.stage.kind === "final" ? "末期" : "中期"} · 截至 ${formatSerial(report.stage.asOf)}`;
      const buffer = await annotateWorkbook(bytes, {
        findings: report.findings,
        lang: task.lang,
        heading,
      });
      writeCopy(task.annotateTo, buffer);
      annotated = task.annotateTo;
    }
    return { file: task.file, ok: true, report: result, annotated };
  } catch (e) {
    return failure(task.file, e, task.debug);
  }
}

export function failure(file: string, e: unknown, debug?: boolean): TaskResult {
  if (e instanceof WorkbookReadError)
    return {
      file,
      ok: false,
      problem: e.problem,
      error: e.text,
      stack: debug ? e.stack : undefined,
    };
  const err = e as NodeJS.ErrnoException;
  if (err?.code === "ENOENT")
    return {
      file,
      ok: false,
      problem: "unreadable",
      error: { zh: "文件不存在。", en: "The file does not exist." },
    };
  if (err?.code === "EACCES")
    return {
      file,
      ok: false,
      problem: "unreadable",
      error: { zh: "没有读取该文件的权限。", en: "No permission to read the file." },
    };
  if (err?.code === "EISDIR")
    return {
      file,
      ok: false,
      problem: "unreadable",
      error: { zh: "这是一个文件夹，不是文件。", en: "This is a folder, not a file." },
    };
  const message = err instanceof Error ? err.message : String(e);
  return {
    file,
    ok: false,
    problem: "unreadable",
    error: {
      zh: "程序处理该文件时出错，请把文件交给技术支持人员。",
      en: `The file could not be processed (internal error: ${message}).`,
    },
    stack: debug && err instanceof Error ? err.stack : undefined,
  };
}
