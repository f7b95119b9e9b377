/** Worker thread entry: runs tasks posted by the pool, one at a time. */
import { parentPort } from "worker_threads";
import { runTask, type CheckTask } from "./task";

parentPort!.on("message", async (task: CheckTask) => {
  parentPort!.postMessage(await runTask(task));
});
