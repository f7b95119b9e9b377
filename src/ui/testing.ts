/** The engine in-process, behind the pane's Engine interface: for component tests. */
import { EngineError, type Engine } from "./engine";
import type { Request, Response } from "./protocol";
import { EngineCore } from "./worker/core";
import { WorkbookReadError } from "../hosts/xlsx/errors";

export class InProcessEngine implements Engine {
  readonly core = new EngineCore();
  readonly requests: Request["type"][] = [];

  async request(req: Request, onProgress?: (r: Response) => void): Promise<Response> {
    this.requests.push(req.type);
    try {
      return (await this.core.handle(req, (p) => onProgress?.(p))).response;
    } catch (e) {
      if (e instanceof WorkbookReadError) throw new EngineError(e.text);
      throw e;
    }
  }
}
