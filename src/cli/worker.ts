/** Worker thread entry: runs tasks posted by the pool, one at a time. */
import { parentPort } from "worker_threads";
import { runTask, type CheckTask, type TaskResult } from "./task";
import { isDiffTask, runDiffTask, type DiffResult, type DiffTask } from "./diff-task";

/**
 * What a worker posts: the check's result as soon as it stands, the file a comparison is
 * reading (so a worker lost on it names that file), then the final result.
 */
export type WorkerMessage =
  { checked: TaskResult } | { reading: string } | { final: TaskResult | DiffResult };

parentPort!.on("message", async (task: CheckTask | DiffTask) => {
  if (isDiffTask(task)) {
    const final = runDiffTask(task, (reading) => parentPort!.postMessage({ reading }));
    parentPort!.postMessage({ final });
    return;
  }
  const final = await runTask(task, (checked) => parentPort!.postMessage({ checked }));
  parentPort!.postMessage({ final });
});
