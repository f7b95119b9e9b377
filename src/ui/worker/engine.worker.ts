/// <reference lib="webworker" />
/**
 * The engine in a Web Worker, so that a 50,000-row ledger never freezes the pane (and Excel
 * never restarts an add-in that stops answering).
 */
import { CopyDeclined } from "../../hosts/xlsx/annotate-limits";
import { WorkbookReadError } from "../../hosts/xlsx/errors";
import type { Envelope, Request, Response } from "../protocol";
import { EngineCore } from "./core";

declare const self: DedicatedWorkerGlobalScope;

const core = new EngineCore();

function post(seq: number, body: Response, transfer: Transferable[] = []) {
  self.postMessage({ seq, body } satisfies Envelope<Response>, transfer);
}

self.onmessage = (event: MessageEvent<Envelope<Request>>) => {
  const { seq, body } = event.data;
  core
    .handle(body, (p) => post(seq, p))
    .then(({ response, transfer }) => post(seq, response, transfer))
    .catch((e: unknown) => {
      const error =
        e instanceof WorkbookReadError || e instanceof CopyDeclined
          ? e.text
          : {
              zh: "程序处理该文件时出错，请把文件交给技术支持人员。",
              en: `Failed (internal error: ${e instanceof Error ? e.message : String(e)}).`,
            };
      post(seq, { type: "error", error });
    });
};
