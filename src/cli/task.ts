/**
 * One file's work, run inside a worker thread: read it within limits, check it, optionally
 * write the annotated copy. Returns plain data (no workbook model) to the main thread.
 */
import {
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "fs";
import * as nodeCrypto from "crypto";
import { basename, dirname, join, resolve } from "path";
import type { Lang, Text } from "../engine/i18n";
import type { RuleSet } from "../engine/rulesets/ruleset";
import type { CheckedWorkbook } from "../engine/summary/model";
import type { Finding } from "../engine/findings";
import { checkWorkbook } from "../engine/check";
import { readWorkbookModel } from "../hosts/xlsx/read-model";
import { whyNotAnnotate } from "../hosts/xlsx/annotate-limits";
import { copyNotWritten } from "./copy-not-written";
import { WorkbookReadError, megabytes, type ReadProblem } from "../hosts/xlsx/errors";
import { DEFAULT_ZIP_LIMITS, useChecksum, useInflater } from "../hosts/xlsx/zip";
import * as zlib from "zlib";
import { useSha256 } from "../engine/reviews/fingerprint";

// Node's zlib inflates large sheets a few times faster than the JavaScript default, and
// computes CRC-32 natively (zlib.crc32, Node 20.15 and 22.2 on).
useInflater((compressed, cap) =>
  zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, cap) })
);
const nativeCrc = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
if (nativeCrc) useChecksum(nativeCrc);
// Fingerprints with Node's SHA-256 (crypto.hash from Node 20.12; createHash before).
useSha256(
  typeof nodeCrypto.hash === "function"
    ? (text) => nodeCrypto.hash("sha256", text, "hex")
    : (text) => nodeCrypto.createHash("sha256").update(text, "utf8").digest("hex")
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
  /** false: check as if 审核意见 were absent (--no-reviews). */
  reviews?: boolean;
  /** "counts": send back each finding's evidence as counts only (evidenceCount); default "rows". */
  evidence?: "rows" | "counts";
}

/** What a worker sends back of a checked file: everything but the workbook model. */
export type FileReport = CheckedWorkbook;

export type TaskResult =
  | {
      file: string;
      ok: true;
      report: FileReport;
      annotated?: string;
      /** The annotated copy could not be made: why, naming the output. The check stands. */
      annotateError?: Text;
    }
  | { file: string; ok: false; problem: ReadProblem; error: Text; stack?: string };

/**
 * Write beside the target, then rename over it. The temporary file has a random name and is
 * created exclusively (O_EXCL with O_NOFOLLOW: a link planted there is never followed), and the
 * rename replaces a target that is a symbolic link instead of writing through it, so no input
 * can be written by way of the output folder.
 */
export function writeCopy(target: string, bytes: Uint8Array): void {
  const dir = dirname(resolve(target));
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(target)}.${nodeCrypto.randomBytes(8).toString("hex")}.tmp`);
  const fd = openSync(
    temp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
    0o644
  );
  try {
    writeSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** Why a copy could not be written, naming the output (never the input). */
export function writeFailure(target: string, e: unknown): Text {
  const code = (e as { code?: string }).code;
  const why =
    code === "EACCES" || code === "EPERM" || code === "EROFS"
      ? { zh: "没有写入该位置的权限", en: "no permission to write there" }
      : code === "EEXIST" || code === "ENOTDIR"
        ? { zh: "路径中有一部分是文件而不是文件夹", en: "part of the path is a file, not a folder" }
        : code === "ENOSPC"
          ? { zh: "磁盘空间不足", en: "the disk is full" }
          : { zh: "无法生成标注副本", en: "the copy could not be made" };
  return copyNotWritten(target, why);
}

/** A workbook's bytes, refused before reading when the file is over the size limit. */
export function readWithinLimits(file: string): Uint8Array {
  const size = statSync(file).size;
  if (size > DEFAULT_ZIP_LIMITS.maxFileBytes)
    throw new WorkbookReadError("too-large", {
      zh: `${megabytes(size)}，上限 ${megabytes(DEFAULT_ZIP_LIMITS.maxFileBytes)}`,
      en: `${megabytes(size)}, the limit is ${megabytes(DEFAULT_ZIP_LIMITS.maxFileBytes)}`,
    });
  return new Uint8Array(readFileSync(file));
}

/**
 * Check one file; with an annotated copy asked for, `onChecked` hears the check's result before
 * the copy is made, so that a copy that takes its worker down does not take the findings too.
 */
export async function runTask(
  task: CheckTask,
  onChecked?: (result: TaskResult) => void
): Promise<TaskResult> {
  try {
    const bytes = readWithinLimits(task.file);
    const model = readWorkbookModel(bytes, task.file);
    const report = checkWorkbook(model, {
      ruleset: task.ruleset,
      asOf: task.asOf,
      today: task.today,
      reviews: task.reviews,
    });
    const result: FileReport = {
      file: task.file,
      stage: report.stage,
      findings: task.evidence === "counts" ? report.findings.map(countsOnly) : report.findings,
      facts: report.facts,
      measures: report.measures,
      budget: report.budget,
    };
    if (!task.annotateTo) return { file: task.file, ok: true, report: result };
    onChecked?.({ file: task.file, ok: true, report: result });
    // The check is done and stands; making the copy is a separate step that may fail alone
    // (a file ExcelJS cannot load, an output folder we may not write).
    try {
      const why = whyNotAnnotate(bytes, model);
      if (why)
        return {
          file: task.file,
          ok: true,
          report: result,
          annotateError: copyNotWritten(task.annotateTo, why),
        };
      // ExcelJS is only loaded when an annotated copy is asked for.
      const { annotateWorkbook } = await import("../hosts/xlsx/annotate");
      const heading = `${task.file} · ${report.stage.kind === "final" ? "末期" : "中期"} · 截至 ${formatSerial(report.stage.asOf)}`;
      const buffer = await quietly(() =>
        annotateWorkbook(bytes, { findings: report.findings, lang: task.lang, heading })
      );
      writeCopy(task.annotateTo, buffer);
      return { file: task.file, ok: true, report: result, annotated: task.annotateTo };
    } catch (e) {
      return {
        file: task.file,
        ok: true,
        report: result,
        annotateError: writeFailure(task.annotateTo, e),
      };
    }
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

/**
 * ExcelJS writes warnings of its own to the console ("Worksheet name … exceeds 31 chars"),
 * quoting sheet names raw (control characters, a megabyte of name): they go nowhere. What
 * matters reaches the user as the copy's own message.
 */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const { warn, log } = console;
  console.warn = () => undefined;
  console.log = () => undefined;
  try {
    return await work();
  } finally {
    console.warn = warn;
    console.log = log;
  }
}

/** A finding with its evidence reduced to counts (CheckTask.evidence "counts"). */
function countsOnly(f: Finding): Finding {
  if (!f.evidence) return f;
  const { evidence, ...rest } = f;
  const counted = evidence.filter((e) => e.counted).length;
  return { ...rest, evidenceCount: { counted, left: evidence.length - counted } };
}
