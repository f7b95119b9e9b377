/**
 * What the add-in keeps in the workbook: the marks record (what every marked cell looked like
 * before) and the id of the 汇总-合规 sheet it made.
 *
 * Where: a custom XML part of our own namespace (workbook.customXmlParts, ExcelApi 1.5,
 * https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartcollection). Not in
 * workbook.settings alone: settings "are unique to a single Excel file and add-in pairing,
 * whereas properties are solely connected to the file"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks#access-document-settings),
 * so marks written by the development manifest's Id could not be found by the production Id.
 * A custom XML part is a part of the file (customXml/itemN.xml) that any add-in can read.
 * Custom document properties would be file-level too but hold 255 characters per value, too
 * little for a record. Records written by earlier versions in workbook.settings are still read
 * (by the same Id) and moved here.
 *
 * Reading takes two syncs (the parts, then their XML); `StateStore` splits that so callers can
 * put the two halves into syncs they make anyway.
 */

import { ACTION_BYTES, PATH_BYTES, utf8Length } from "./payload";

/** A fully qualified namespace URI, as customXmlParts.getByNamespace asks; .invalid never resolves. */
export const STATE_NAMESPACE = "http://schemas.fucai.invalid/addin-state/1";

export interface DocState {
  /** The marks record (marks-plan.ts, MarkRecord); absent when nothing is marked. */
  marks?: unknown;
  /** Id of the 汇总-合规 sheet we made. */
  summarySheet?: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export function stateXml(state: DocState): string {
  return `<fucai xmlns="${STATE_NAMESPACE}">${escapeXml(JSON.stringify(state))}</fucai>`;
}

export function parseStateXml(xml: string): DocState | null {
  const m = /<fucai\b[^>]*>([\s\S]*)<\/fucai>/.exec(xml);
  if (!m) return null;
  try {
    const state = JSON.parse(unescapeXml(m[1])) as DocState;
    return state && typeof state === "object" ? state : null;
  } catch {
    return null;
  }
}

export class StateStore {
  private xml: OfficeExtension.ClientResult<string>[] = [];
  private ids: string[] = [];
  private added: Excel.CustomXmlPart | null = null;

  private constructor(private readonly parts: Excel.CustomXmlPartScopedCollection) {}

  /** First sync: which parts of ours there are. */
  static begin(context: Excel.RequestContext): StateStore {
    return new StateStore(
      context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load("items/id")
    );
  }

  /** Whether the document holds a part of ours (after the first sync). */
  get exists(): boolean {
    return this.parts.items.length > 0;
  }

  /**
   * After the first sync: ask for the parts' XML, or add an empty part when there is none (and
   * `create`), so that every later write replaces a part whose id is known (second sync).
   */
  fetch(context: Excel.RequestContext, create = true): void {
    this.ids = this.parts.items.map((p) => p.id);
    this.xml = this.parts.items.map((p) => p.getXml());
    if (!this.ids.length && create)
      this.added = context.workbook.customXmlParts.add(stateXml({})).load("id");
  }

  /** After read(): whether there is a part to write to. */
  get writable(): boolean {
    return this.ids.length > 0;
  }

  /** After the second sync. Several parts (two writers at once) are merged, the first winning. */
  read(): DocState {
    if (this.added) {
      this.ids = [this.added.id];
      this.added = null;
    }
    const states = this.xml.map((x) => parseStateXml(x.value)).filter((s) => s !== null);
    return Object.assign({}, ...[...states].reverse()) as DocState;
  }

  /** Queue the new state: our one part replaced in place, any others removed. */
  write(context: Excel.RequestContext, state: DocState): void {
    const [first, ...extra] = this.ids;
    if (first === undefined) throw new Error("StateStore.write before read");
    const collection = context.workbook.customXmlParts;
    collection.getItem(first).setXml(stateXml(state));
    for (const id of extra) collection.getItem(id).delete();
    this.ids = [first];
  }

  /** Bytes the write adds to a request. */
  static writeBytes(state: DocState): number {
    return utf8Length(stateXml(state)) + 2 * PATH_BYTES + 2 * ACTION_BYTES;
  }
}
