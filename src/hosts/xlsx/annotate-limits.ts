/**
 * What an annotated copy may be made from. ExcelJS, which writes the copy, loads the whole
 * workbook into objects and inflates every part of the zip, parts our reader never opens
 * included, without limits of its own: 10,000 tiny parts took it 21 s, a picture that inflates
 * to a gigabyte took 2.2 GB, and a workbook of 380,000 cells 1.15 GB and 20 s (measured).
 * The check itself is not limited by this: only the copy is not made, and the user is told why.
 */
import type { Text } from "../../engine/i18n";
import type { WorkbookModel } from "../../engine/model";
import { WorkbookReadError } from "./errors";
import { DEFAULT_ZIP_LIMITS, ZipArchive } from "./zip";

/** Cells ExcelJS is given: about 2.7 KB each in its objects, so 150,000 stay near 500 MB. */
export const ANNOTATE_MAX_CELLS = 150_000;
/** Parts in the zip: a workbook has a few dozen, a few hundred with pictures. */
export const ANNOTATE_MAX_PARTS = 2_000;

function cellCount(model: WorkbookModel): number {
  let n = 0;
  for (const sheet of model.sheets)
    for (const row of sheet.rows) if (row) for (const cell of row) if (cell) n += 1;
  return n;
}

const count = (n: number) => n.toLocaleString("en-US");

/** An annotated copy declined, with why (the page shows it; the CLI words it per output). */
export class CopyDeclined extends Error {
  readonly text: Text;
  constructor(why: Text) {
    super(why.en);
    this.text = {
      zh: `未生成标注副本：${why.zh}。检查结果不受影响。`,
      en: `No annotated copy was made: ${why.en}. The check's findings stand.`,
    };
  }
}

/** Why no annotated copy is made of this workbook, or null when one may be. */
export function whyNotAnnotate(bytes: Uint8Array, model: WorkbookModel): Text | null {
  const cells = cellCount(model);
  if (cells > ANNOTATE_MAX_CELLS)
    return {
      zh: `标注副本只为不超过 ${count(ANNOTATE_MAX_CELLS)} 个单元格的工作簿生成，本文件有 ${count(cells)} 个`,
      en: `annotated copies are made of workbooks of up to ${count(ANNOTATE_MAX_CELLS)} cells; this one has ${count(cells)}`,
    };
  try {
    // Every part inflated once under the reader's limits, so ExcelJS meets none beyond them.
    const archive = new ZipArchive(bytes, {
      ...DEFAULT_ZIP_LIMITS,
      maxEntries: ANNOTATE_MAX_PARTS,
    });
    for (const name of archive.names) archive.read(name);
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    const n = ANNOTATE_MAX_PARTS.toLocaleString("en-US");
    if (e.problem === "too-many-entries")
      return {
        zh: `文件内部条目超过 ${n} 个，超出生成标注副本的上限`,
        en: `the file holds more than ${n} parts, beyond what an annotated copy is made from`,
      };
    if (e.problem === "zip-bomb")
      return {
        zh: `文件中有检查未用到的部件解压后超出安全上限${e.detail ? `（${e.detail.zh}）` : ""}`,
        en: `a part the check does not use inflates beyond the safety limits${e.detail ? ` (${e.detail.en})` : ""}`,
      };
    return {
      zh: "文件中有检查未用到的部件已损坏",
      en: "a part the check does not use is damaged",
    };
  }
  return null;
}
