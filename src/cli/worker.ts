/** Worker thread entry: runs tasks posted by the pool, one at a time. */
import { parentPort } from "worker_threads";
import { runTask, type CheckTask, type TaskResult } from "./task";

/** What a worker posts: the check's result as soon as it stands, then the final one. */
export type WorkerMessage = { checked: TaskResult } | { final: TaskResult };

parentPort!.on("message", async (task: CheckTask) => {
  const final = await runTask(task, (checked) => parentPort!.postMessage({ checked }));
  parentPort!.postMessage({ final });
});
