/**
 * What the add-in keeps in the workbook: the marks record and the name of the 汇总-合规 sheet it
 * made, as JSON in a custom XML part of our own namespace (Workbook.CustomXMLParts, declared by
 * wps-jsapi as Kso.KsoCustomXMLParts with Add(XML), Item(Index), Count; a part is saved in the
 * file as customXml/itemN.xml, so any copy of WPS or Excel keeps it).
 *
 * The namespace is not the Excel add-in's (src/hosts/excel/doc-state.ts): that record names
 * sheets by Office.js ids, which WPS cannot see, and each add-in would drop the other's entries
 * as belonging to sheets that are gone. Our notes are found by their header in either program.
 */
import { parseStateXml, type DocState } from "../excel/doc-state";
import type { CustomXMLPart, Workbook } from "./et";

export type { DocState };

/** A fully qualified namespace URI; .invalid never resolves. */
export const WPS_STATE_NAMESPACE = "http://schemas.fucai.invalid/wps-addin-state/1";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function wpsStateXml(state: DocState): string {
  return `<fucai xmlns="${WPS_STATE_NAMESPACE}">${escapeXml(JSON.stringify(state))}</fucai>`;
}

/** Our parts, found by namespace (Item is 1-based, as every ET collection). */
function ourParts(workbook: Workbook): CustomXMLPart[] {
  const parts = workbook.CustomXMLParts;
  const out: CustomXMLPart[] = [];
  for (let i = 1; i <= parts.Count; i += 1) {
    const part = parts.Item(i);
    if (part.NamespaceURI === WPS_STATE_NAMESPACE) out.push(part);
  }
  return out;
}

/** The state kept in the workbook; several parts (a write cut short) merge, the newest winning. */
export function readState(workbook: Workbook): DocState {
  const states = ourParts(workbook)
    .map((p) => parseStateXml(String(p.XML)))
    .filter((s): s is DocState => s !== null);
  return Object.assign({}, ...states) as DocState;
}

/** Replace our part(s) with one holding `state`; none at all when the state is empty. */
export function writeState(workbook: Workbook, state: DocState): void {
  const old = ourParts(workbook);
  const empty = state.marks === undefined && state.summarySheet === undefined;
  // The new part goes in before the old ones go: a failure in between leaves both, and
  // readState merges them.
  if (!empty) workbook.CustomXMLParts.Add(wpsStateXml(state));
  for (const part of old) part.Delete();
}
