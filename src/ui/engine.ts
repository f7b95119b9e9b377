/** What the pane asks of the engine (the worker client, or a fake in tests). */
import type { Text } from "../engine/i18n";
import type { Request, Response } from "./protocol";

export class EngineError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

export interface Engine {
  request(
    req: Request,
    onProgress?: (r: Response) => void,
    transfer?: Transferable[]
  ): Promise<Response>;
}
