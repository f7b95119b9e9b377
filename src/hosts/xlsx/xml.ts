/** Thin streaming XML helpers over saxes, tolerant of namespace prefixes (<x:row>) some writers use. */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { WorkbookReadError } from "./errors";

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

const decoder = new TextDecoder("utf-8");

export function decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function parseXml(xml: string, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (node: SaxesTagPlain) =>
      open(local(node.name), node.attributes as Record<string, string>)
    );
  }
  if (handlers.text) parser.on("text", handlers.text);
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (node: SaxesTagPlain) => close(local(node.name)));
  }
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError(
      "corrupt",
      `${part}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`
    );
  }
}

/** Attribute by local name (r:id and id both answer 'id' lookups with prefix given). */
export function attr(attrs: Record<string, string>, name: string): string | undefined {
  if (name in attrs) return attrs[name];
  for (const key of Object.keys(attrs)) if (local(key) === name) return attrs[key];
  return undefined;
}
