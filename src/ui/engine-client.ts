/** The pane's side of the engine worker: requests as promises, progress as callbacks. */
import type { Envelope, Request, Response } from "./protocol";
import { EngineError, type Engine } from "./engine";

type Pending = {
  resolve(r: Response): void;
  reject(e: unknown): void;
  onProgress?(r: Response): void;
};

export class EngineClient implements Engine {
  private worker: Worker | null = null;
  private seq = 0;
  private pending = new Map<number, Pending>();

  /** The worker (and with it HyperFormula and the readers) is loaded on first use only. */
  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./worker/engine.worker.ts", import.meta.url), {
      name: "fucai-engine",
    });
    worker.onmessage = (e: MessageEvent<Envelope<Response>>) => {
      const p = this.pending.get(e.data.seq);
      if (!p) return;
      const body = e.data.body;
      if (body.type === "progress") {
        p.onProgress?.(body);
        return;
      }
      this.pending.delete(e.data.seq);
      if (body.type === "error") p.reject(new EngineError(body.error));
      else p.resolve(body);
    };
    worker.onerror = (e) => {
      for (const p of this.pending.values())
        p.reject(
          new EngineError({
            zh: "检查程序出错，请刷新页面后重试。",
            en: `The checker failed (${e.message}); reload the page and try again.`,
          })
        );
      this.pending.clear();
    };
    this.worker = worker;
    return worker;
  }

  request(
    req: Request,
    onProgress?: (r: Response) => void,
    transfer: Transferable[] = []
  ): Promise<Response> {
    const worker = this.start();
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, onProgress });
      worker.postMessage({ seq, body: req } satisfies Envelope<Request>, transfer);
    });
  }
}
