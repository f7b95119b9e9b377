/**
 * Microsoft's own Office.js (@microsoft/office-js, a devDependency) loaded in a sandbox to
 * measure requests as Office.js builds them: batches are queued on a real Excel.RequestContext
 * and serialized with the library's ClientRequest.buildRequestMessageBodyAndRequestFlags, the
 * body Office.js sends as JSON.stringify(body) (RichApiMessageUtility.
 * buildMessageArrayForIRequestExecutor). Nothing is ever sent: there is no Excel here, and
 * context.sync() is never called. Used by tests only, to hold the fake's byte counts
 * (fake-proxy.ts) and the host's estimates (payload.ts) against the real thing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { utf8Length } from "./fake-proxy";

const LIBRARY = join(
  __dirname,
  "../../../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js"
);

interface OfficeJs {
  Excel: { RequestContext: new () => Excel.RequestContext };
}

let loaded: OfficeJs | null = null;

/** The library, loaded once into a sandbox with just enough of a browser to start. */
export function officeJs(): OfficeJs {
  if (loaded) return loaded;
  const noop = () => undefined;
  const win: Record<string, unknown> = {
    location: { protocol: "https:", hash: "", search: "", href: "https://localhost/" },
    navigator: { userAgent: "node" },
    name: "",
    document: {
      readyState: "complete",
      getElementsByTagName: () => [],
      addEventListener: noop,
      createElement: () => ({ style: {}, setAttribute: noop, appendChild: noop }),
    },
    addEventListener: noop,
    removeEventListener: noop,
    setTimeout,
    clearTimeout,
    console: { log: noop, warn: noop, error: noop, info: noop },
    JSON,
    Promise,
  };
  win.window = win;
  win.self = win;
  win.top = win;
  win.parent = win;
  const context = vm.createContext(win);
  vm.runInContext(readFileSync(LIBRARY, "utf8"), context, { filename: "excel-web-16.00.debug.js" });
  loaded = context as unknown as OfficeJs;
  return loaded;
}

/** A real request context of Office.js (never synced). */
export function realContext(): Excel.RequestContext {
  return new (officeJs().Excel.RequestContext)();
}

/** Bytes of the request Office.js would send for what is queued on `context` (UTF-8 JSON). */
export function realRequestBytes(context: Excel.RequestContext): number {
  const pending = (
    context as unknown as {
      _pendingRequest: { buildRequestMessageBodyAndRequestFlags(): { body: unknown } };
    }
  )._pendingRequest;
  return utf8Length(JSON.stringify(pending.buildRequestMessageBodyAndRequestFlags().body));
}
