/**
 * Makes a written workbook's defined names sheet-scoped, as Excel does when a sheet holding
 * names is copied into a workbook that already has them. ExcelJS writes workbook-scoped
 * names only, so the sample patches xl/workbook.xml: localSheetId is the sheet's position
 * in <sheets> (ECMA-376 Part 1, 18.2.5).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export function scopeNamesToSheet(xlsx: Uint8Array, sheet: string): Uint8Array {
  const files = unzipSync(xlsx);
  const part = "xl/workbook.xml";
  const xml = strFromU8(files[part]);
  const sheets = [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  const index = sheets.indexOf(sheet);
  if (index < 0) throw new Error(`no sheet ${sheet} in ${part}`);
  files[part] = strToU8(
    xml.replace(
      /<definedName name="([^"_][^"]*)">/g,
      `<definedName name="$1" localSheetId="${index}">`
    )
  );
  return zipSync(files, { level: 6 });
}
