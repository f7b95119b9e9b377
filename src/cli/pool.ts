/**
 * Worker threads with memory limits, so that one hostile or enormous file can only take its
 * own worker down: the pool reports it as unreadable and goes on with the other files.
 */
import { Worker } from "worker_threads";
import { availableParallelism } from "os";
import { join } from "path";
import type { CheckTask, TaskResult } from "./task";
import type { WorkerMessage } from "./worker";

export interface PoolOptions {
  concurrency?: number;
  /** Old-generation heap limit of each worker, in MB. */
  memoryMb?: number;
  /** Longest a single file may take, in ms. */
  timeoutMs?: number;
  onResult?(result: TaskResult, done: number, total: number): void;
}

export const DEFAULT_WORKER_MEMORY_MB = Number(process.env.FUCAI_WORKER_MEMORY_MB) || 1536;
export const DEFAULT_TIMEOUT_MS = Number(process.env.FUCAI_TIMEOUT_MS) || 300_000;

function workerScript(): string {
  return join(__dirname, "worker.js");
}

export async function runInWorkers(
  tasks: CheckTask[],
  options: PoolOptions = {}
): Promise<TaskResult[]> {
  const results: TaskResult[] = new Array(tasks.length);
  const concurrency = Math.max(
    1,
    Math.min(options.concurrency ?? availableParallelism(), tasks.length)
  );
  let next = 0;
  let done = 0;

  const spawn = () =>
    new Worker(workerScript(), {
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb ?? DEFAULT_WORKER_MEMORY_MB },
    });

  const lane = async () => {
    let worker: Worker | null = null;
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index];
      worker ??= spawn();
      const result = await new Promise<TaskResult>((resolve) => {
        const w = worker!;
        // A check that stood before its annotated copy failed keeps its findings.
        let checked: TaskResult | null = null;
        const resolveTask = (r: TaskResult) => {
          if (!r.ok && checked?.ok && task.annotateTo)
            resolve({
              ...checked,
              annotateError: {
                zh: `未写出标注副本 ${task.annotateTo}：${r.error.zh.replace(/。$/, "")}。检查结果不受影响。`,
                en: `The annotated copy ${task.annotateTo} was not written: ${r.error.en.replace(/\.$/, "")}. The check's findings stand.`,
              },
            });
          else resolve(r);
        };
        const timer = setTimeout(() => {
          cleanup();
          void w.terminate();
          worker = null;
          resolveTask({
            file: task.file,
            ok: false,
            problem: "timeout",
            error: { zh: "读取超时，已中止。", en: "Reading took too long and was stopped." },
          });
        }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        const onMessage = (m: WorkerMessage) => {
          if ("checked" in m) {
            checked = m.checked;
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
      results[index] = result;
      done += 1;
      options.onResult?.(result, done, tasks.length);
    }
    if (worker) await (worker as Worker).terminate();
  };

  await Promise.all(Array.from({ length: concurrency }, lane));
  return results;
}
