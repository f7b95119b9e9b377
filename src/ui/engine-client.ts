/** The pane's side of the engine worker: requests as promises, progress as callbacks. */
import type { Envelope, Request, Response } from "./protocol";
import { EngineError, type Engine } from "./engine";

type Pending = {
  resolve(r: Response): void;
  reject(e: unknown): void;
  onProgress?(r: Response): void;
};

/**
 * True in the single-file page (dist/standalone/fucai.html, set by webpack's DefinePlugin): there
 * the worker's script is not a file beside the page but a string the page carries, because
 * Chromium refuses `new Worker("file:///…")` from a page opened from disk.
 */
declare const __FUCAI_SINGLE_FILE__: boolean | undefined;

declare global {
  interface Window {
    /** The single-file page's worker script, set by an inline script (see webpack.config.js). */
    __fucaiEngineSource?: string;
  }
}

let inlineUrl: string | undefined;

/** A Blob URL of the worker script the single-file page carries; made once. */
function inlineWorkerUrl(): string {
  if (inlineUrl) return inlineUrl;
  const source = window.__fucaiEngineSource;
  if (!source) throw new Error("the page carries no engine script");
  inlineUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  window.__fucaiEngineSource = undefined; // the Blob holds it now: 2 MB less to keep
  return inlineUrl;
}

function createWorker(): Worker {
  // The condition is a build-time constant, so each build bundles only its own kind of worker.
  return typeof __FUCAI_SINGLE_FILE__ !== "undefined" && __FUCAI_SINGLE_FILE__
    ? new Worker(inlineWorkerUrl(), { name: "fucai-engine" })
    : new Worker(new URL("./worker/engine.worker.ts", import.meta.url), { name: "fucai-engine" });
}

export class EngineClient implements Engine {
  private worker: Worker | null = null;
  private seq = 0;
  private pending = new Map<number, Pending>();

  /** The worker (and with it HyperFormula and the readers) is loaded on first use only. */
  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = createWorker();
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
