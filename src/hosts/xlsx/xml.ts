/**
 * A small, fast pull tokenizer for the XML parts of an xlsx file, calling open/text/close
 * handlers the way a SAX parser would. Spreadsheet XML is machine-written and simple
 * (no DTDs, few entities), and a 50,000-row sheet is tens of megabytes: a general validating
 * parser (we measured saxes) spent most of a check's time here. Tolerant by design: malformed
 * input ends in a 'corrupt' error or in fewer cells, never in a hang.
 */
import { WorkbookReadError } from "./errors";

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const utf8 = new TextDecoder("utf-8");

/**
 * A part's text. The packaging standard allows UTF-8 and UTF-16 (ECMA-376 Part 2, 8.1.4), told
 * by a byte-order mark or by how "<?xml" starts; LibreOffice reads both, and so do we.
 */
export function decode(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  const text =
    (a === 0xff && b === 0xfe) || (a === 0x3c && b === 0 && c === 0x3f)
      ? new TextDecoder("utf-16le").decode(bytes)
      : (a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c && bytes[3] === 0x3f)
        ? new TextDecoder("utf-16be").decode(bytes)
        : utf8.decode(bytes);
  // An XML document starts with '<' (after a byte order mark and blanks): anything else was
  // decoded in the wrong encoding (a UTF-16 mark before UTF-8 text) or is no XML at all.
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 0xfeff || isSpace(text.charCodeAt(i)))) i += 1;
  if (i < text.length && text[i] !== "<")
    throw new WorkbookReadError(
      "corrupt",
      undefined,
      "a part is not XML in any encoding it declares"
    );
  return text;
}

const NAMED = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === "#") {
      const code =
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : m;
    }
    return NAMED.get(e) ?? m;
  });
}

function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function corrupt(part: string, what: string): never {
  throw new WorkbookReadError("corrupt", undefined, `${part}: ${what}`);
}

/** Parse attributes of a start tag between `from` and `to` (exclusive). */
function attributes(xml: string, from: number, to: number, part: string): Record<string, string> {
  // No prototype: an attribute called "__proto__" is an attribute like any other.
  const attrs = Object.create(null) as Record<string, string>;
  let i = from;
  while (i < to) {
    while (i < to && isSpace(xml.charCodeAt(i))) i += 1;
    if (i >= to) break;
    // Within the tag only: a bare name (no '=') must not send the search to the part's end.
    let eq = i;
    while (eq < to && xml.charCodeAt(eq) !== 61) eq += 1;
    if (eq >= to) break;
    const name = xml.slice(i, eq).trim();
    let q = eq + 1;
    while (q < to && isSpace(xml.charCodeAt(q))) q += 1;
    const quote = xml[q];
    if (quote !== '"' && quote !== "'") corrupt(part, `attribute ${name} without quotes`);
    const end = xml.indexOf(quote, q + 1);
    if (end < 0 || end > to) corrupt(part, `unterminated attribute ${name}`);
    attrs[name] = decodeEntities(xml.slice(q + 1, end));
    i = end + 1;
  }
  return attrs;
}

/** Index of the '>' that ends the tag opened at `lt`, skipping quoted attribute values. */
export function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < xml.length; i += 1) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

export function parseXml(xml: string, part: string, handlers: XmlHandlers): void {
  const { open, text, close } = handlers;
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      if (text && i < n) text(decodeEntities(xml.slice(i)));
      return;
    }
    if (text && lt > i) text(decodeEntities(xml.slice(i, lt)));
    const c = xml.charCodeAt(lt + 1);
    if (c === 63) {
      // <? … ?>
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) corrupt(part, "unterminated processing instruction");
      i = end + 2;
      continue;
    }
    if (c === 33) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) corrupt(part, "unterminated comment");
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) corrupt(part, "unterminated CDATA");
        if (text) text(xml.slice(lt + 9, end));
        i = end + 3;
      } else {
        const end = xml.indexOf(">", lt + 2);
        if (end < 0) corrupt(part, "unterminated declaration");
        i = end + 1;
      }
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (gt < 0) corrupt(part, "unterminated tag");
    if (c === 47) {
      if (close) close(local(xml.slice(lt + 2, gt).trim()));
      i = gt + 1;
      continue;
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const bodyEnd = selfClosing ? gt - 1 : gt;
    let nameEnd = lt + 1;
    while (nameEnd < bodyEnd && !isSpace(xml.charCodeAt(nameEnd))) nameEnd += 1;
    if (nameEnd === lt + 1) corrupt(part, "empty tag name");
    const name = local(xml.slice(lt + 1, nameEnd));
    if (open)
      open(
        name,
        nameEnd < bodyEnd
          ? attributes(xml, nameEnd, bodyEnd, part)
          : (Object.create(null) as Record<string, string>)
      );
    if (selfClosing && close) close(name);
    i = gt + 1;
  }
}

/** Attribute by local name (r:id and id both answer 'id'). */
export function attr(attrs: Record<string, string>, name: string): string | undefined {
  if (name in attrs) return attrs[name];
  for (const key of Object.keys(attrs)) if (local(key) === name) return attrs[key];
  return undefined;
}
