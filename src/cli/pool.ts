/**
 * Worker threads with memory limits, so that one hostile or enormous file can only take its
 * own worker down: the pool reports it as unreadable and goes on with the other files.
 */
import { Worker } from "worker_threads";
import { setFlagsFromString } from "v8";
import { availableParallelism } from "os";
import { join } from "path";
import type { CheckTask, TaskResult } from "./task";
import { copyNotWritten } from "./copy-not-written";
import type { DiffResult, DiffTask } from "./diff-task";
import type { WorkerMessage } from "./worker";

/** A check of one file, or a comparison of two (read one after the other in one worker). */
export type PoolTask = CheckTask | DiffTask;
export type PoolResult<T extends PoolTask> = T extends DiffTask ? DiffResult : TaskResult;

export interface PoolOptions<R = TaskResult> {
  concurrency?: number;
  /** Old-generation heap limit of each worker, in MB. */
  memoryMb?: number;
  /** Longest a single file may take, in ms. */
  timeoutMs?: number;
  onResult?(result: R, done: number, total: number): void;
}

export const DEFAULT_WORKER_MEMORY_MB = Number(process.env.FUCAI_WORKER_MEMORY_MB) || 1536;
export const DEFAULT_TIMEOUT_MS = Number(process.env.FUCAI_TIMEOUT_MS) || 300_000;

function workerScript(): string {
  return join(__dirname, "worker.js");
}

function newWorker(memoryMb: number): Worker {
  return new Worker(workerScript(), { resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
}

/** A worker started before the rest of the CLI loaded, waiting for the pool to take it. */
let spare: { worker: Worker; exited: boolean; memoryMb: number } | null = null;

/**
 * Start one worker now: its start-up (Node's, then our modules') runs on the other core while
 * the main thread loads the CLI and reads the arguments. Unreferenced until taken, so that a
 * command that never needs it (--help, an argument error) exits at once.
 */
export function prewarm(memoryMb = DEFAULT_WORKER_MEMORY_MB): void {
  if (spare) return;
  const entry = { worker: newWorker(memoryMb), exited: false, memoryMb };
  entry.worker.on("error", () => {
    // reported by the pool if taken; a spare that failed is replaced by a fresh worker
  });
  entry.worker.once("exit", () => {
    entry.exited = true;
  });
  entry.worker.unref();
  spare = entry;
}

function takeSpare(memoryMb: number): Worker | null {
  const s = spare;
  spare = null;
  if (!s) return null;
  if (s.exited || s.memoryMb !== memoryMb) {
    void s.worker.terminate();
    return null;
  }
  s.worker.ref();
  return s.worker;
}

/** From this many files on, a batch is "many small files" for V8's tuning below. */
export const MANY_FILES = 20;

/**
 * Many small workbooks: V8 optimizes a function once it has run a set amount of bytecode, and
 * our reader's and HyperFormula's large functions are optimized, deoptimized and optimized again
 * in every worker, each worker paying for its own compiles. On two cores that cost made two
 * workers no faster than one (measured: 200 workbooks, compile time about a second per worker).
 * Four times V8's default budget (67,584 bytes of bytecode) optimizes only what stays hot.
 * V8's flags are the process's, so this is set once, before any worker runs a task; one large
 * workbook keeps the default, which suits its long loops better (measured 10 % faster).
 */
export function tuneForManyFiles(): void {
  if (process.env.FUCAI_V8_DEFAULTS) return;
  setFlagsFromString("--interrupt-budget=270336");
}

export async function runInWorkers<T extends PoolTask>(
  tasks: T[],
  options: PoolOptions<PoolResult<T>> = {}
): Promise<PoolResult<T>[]> {
  if (tasks.length >= MANY_FILES) tuneForManyFiles();
  const results: PoolResult<T>[] = new Array(tasks.length);
  const concurrency = Math.max(
    1,
    Math.min(options.concurrency ?? availableParallelism(), tasks.length)
  );
  let next = 0;
  let done = 0;

  const memoryMb = options.memoryMb ?? DEFAULT_WORKER_MEMORY_MB;
  const spawn = () => takeSpare(memoryMb) ?? newWorker(memoryMb);

  const lane = async () => {
    let worker: Worker | null = null;
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index];
      worker ??= spawn();
      const annotateTo = "annotateTo" in task ? task.annotateTo : undefined;
      // A comparison reads two files: twice the time, and a lost worker names the file it read.
      const diff = "kind" in task && task.kind === "diff";
      let reading: string | null = null;
      const result = await new Promise<TaskResult | DiffResult>((resolve) => {
        const w = worker!;
        // A check that stood before its annotated copy failed keeps its findings.
        let checked: TaskResult | null = null;
        const resolveTask = (r: TaskResult) => {
          if (!r.ok && reading) r = { ...r, file: reading };
          if (!r.ok && checked?.ok && annotateTo)
            resolve({
              ...checked,
              annotateError: copyNotWritten(annotateTo, r.error),
            });
          else resolve(r);
        };
        const timer = setTimeout(
          () => {
            cleanup();
            void w.terminate();
            worker = null;
            resolveTask({
              file: task.file,
              ok: false,
              problem: "timeout",
              error: { zh: "读取超时，已中止。", en: "Reading took too long and was stopped." },
            });
          },
          (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) * (diff ? 2 : 1)
        );
        const onMessage = (m: WorkerMessage) => {
          if ("checked" in m) {
            checked = m.checked;
            return;
          }
          if ("reading" in m) {
            reading = m.reading;
            return;
          }
          cleanup();
          resolve(m.final);
        };
        const onError = (e: Error & { code?: string }) => {
          cleanup();
          worker = null;
          const oom =
            e.code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory|heap/i.test(e.message);
          resolveTask(
            oom
              ? {
                  file: task.file,
                  ok: false,
                  problem: "out-of-memory",
                  error: {
                    zh: "读取时所需内存超出上限，已中止（文件可能含有异常结构）。",
                    en: "Reading needed more memory than allowed and was stopped (the file may hold a hostile structure).",
                  },
                }
              : {
                  file: task.file,
                  ok: false,
                  problem: "unreadable",
                  error: {
                    zh: "程序处理该文件时出错，请把文件交给技术支持人员。",
                    en: `The file could not be processed (internal error: ${e.message}).`,
                  },
                }
          );
        };
        const onExit = (code: number) => {
          cleanup();
          worker = null;
          resolveTask({
            file: task.file,
            ok: false,
            problem: "unreadable",
            error: {
              zh: `处理该文件的进程意外退出（代码 ${code}）。`,
              en: `The worker reading this file exited unexpectedly (code ${code}).`,
            },
          });
        };
        function cleanup() {
          clearTimeout(timer);
          w.off("message", onMessage);
          w.off("error", onError);
          w.off("exit", onExit);
        }
        w.on("message", onMessage);
        w.on("error", onError);
        w.on("exit", onExit);
        w.postMessage(task);
      });
      results[index] = result as PoolResult<T>;
      done += 1;
      options.onResult?.(result as PoolResult<T>, done, tasks.length);
    }
    if (worker) await (worker as Worker).terminate();
  };

  await Promise.all(Array.from({ length: concurrency }, lane));
  return results;
}
