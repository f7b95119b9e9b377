/**
 * Files a user might hand the checker by mistake or that someone made to hurt it: each made
 * from scratch (or from a sample) into a folder, so that the tests never touch the samples.
 */
import { closeSync, openSync, readFileSync, writeFileSync, ftruncateSync } from "fs";
import { join } from "path";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "utf16le"));
}

/** An OLE compound file header followed by filler, with the given stream names in its directory. */
export function oleFile(streamNames: string[]): Uint8Array {
  const parts: Uint8Array[] = [new Uint8Array(OLE_MAGIC), new Uint8Array(504).fill(0xff)];
  for (const name of streamNames) {
    const entry = new Uint8Array(128);
    entry.set(utf16le(name).subarray(0, 64));
    parts.push(entry);
  }
  parts.push(new Uint8Array(1024));
  return new Uint8Array(Buffer.concat(parts));
}

/** The parts of a sample workbook, to be altered and zipped again. */
export function sampleParts(sample: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(sample)));
}

/** A sample whose first sheet carries one merge range covering the whole grid. */
export function hostileMerge(sample: string): Uint8Array {
  const parts = sampleParts(sample);
  const sheet = "xl/worksheets/sheet1.xml";
  const xml = strFromU8(parts[sheet]);
  if (!xml.includes("</sheetData>")) throw new Error(`${sheet} has no sheetData`);
  parts[sheet] = strToU8(
    xml.replace(
      "</sheetData>",
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    )
  );
  return zipSync(parts);
}

/**
 * A zip whose workbook part is `megabytes` MB of zeros: deflate packs zeros about 1030:1,
 * beyond an expansion limit of 1000:1.
 */
export function zipBomb(megabytes = 64): Uint8Array {
  const zeros = new Uint8Array(megabytes * 1024 * 1024);
  const files: Zippable = {
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types/>'),
    "_rels/.rels": strToU8('<?xml version="1.0"?><Relationships/>'),
    "xl/workbook.xml": [zeros, { level: 9 }],
  };
  return zipSync(files);
}

/** A zip of `count` tiny entries. */
export function manyEntries(count: number): Uint8Array {
  const files: Zippable = {};
  for (let i = 0; i < count; i += 1) files[`xl/media/p${i}.txt`] = [strToU8("x"), { level: 0 }];
  return zipSync(files);
}

/** A valid zip that holds no workbook. */
export function zipWithoutWorkbook(): Uint8Array {
  return zipSync({
    "readme.txt": strToU8("这不是工作簿 / not a workbook"),
    "docs/notes.xml": strToU8("<notes/>"),
  });
}

/** A sparse file of the given size (no disk space used): an 'enormous' upload. */
export function sparseFile(path: string, bytes: number): void {
  const fd = openSync(path, "w");
  try {
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

export interface BadFile {
  /** File name (its extension is what a user would see: .xlsx unless the case says otherwise). */
  name: string;
  /** What the Chinese and English messages must say, in part. */
  zh: RegExp;
  en: RegExp;
  make(path: string): void;
}

/** The bad inputs every run must turn into one line naming the file and the problem. */
/** A copy of a zip whose last central directory entry says its extra field is 65,520 bytes long. */
export function extraPastEnd(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  let eocd = out.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd -= 1;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let k = 1; k < count; k += 1)
    p +=
      46 +
      view.getUint16(p + 28, true) +
      view.getUint16(p + 30, true) +
      view.getUint16(p + 32, true);
  view.setUint16(p + 30, 0xfff0, true);
  return out;
}

export function badFiles(sample: string): BadFile[] {
  const bytes = new Uint8Array(readFileSync(sample));
  return [
    {
      name: "notes.xlsx",
      zh: /不是 Excel 工作簿/,
      en: /not an Excel workbook/i,
      make: (p) => writeFileSync(p, "项目说明：这是一个文本文件。\nJust some text.\n"),
    },
    {
      name: "empty.xlsx",
      zh: /文件为空/,
      en: /empty/i,
      make: (p) => writeFileSync(p, new Uint8Array(0)),
    },
    {
      name: "truncated.xlsx",
      zh: /不完整/,
      en: /truncated/i,
      make: (p) => writeFileSync(p, bytes.subarray(0, Math.floor(bytes.length / 2))),
    },
    {
      name: "encrypted.xlsx",
      zh: /密码|加密/,
      en: /password|encrypted/i,
      make: (p) => writeFileSync(p, oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"])),
    },
    {
      name: "legacy.xls",
      zh: /\.xls/,
      en: /\.xls\b/,
      make: (p) => writeFileSync(p, oleFile(["Root Entry", "Workbook", "SummaryInformation"])),
    },
    {
      name: "archive.xlsx",
      zh: /没有 Excel 工作簿/,
      en: /no Excel workbook/i,
      make: (p) => writeFileSync(p, zipWithoutWorkbook()),
    },
    {
      name: "bomb.xlsx",
      zh: /安全上限/,
      en: /safety limit/i,
      make: (p) => writeFileSync(p, zipBomb()),
    },
    {
      name: "entries.xlsx",
      zh: /条目数量超出/,
      en: /more internal parts/i,
      make: (p) => writeFileSync(p, manyEntries(10_050)),
    },
    {
      // The last directory entry claims an extra field running past the end of the file.
      name: "extra-past-end.xlsx",
      zh: /不完整|损坏/,
      en: /truncated|damaged|corrupt/i,
      make: (p) => writeFileSync(p, extraPastEnd(bytes)),
    },
    {
      name: "enormous.xlsx",
      zh: /大小上限|超过/,
      en: /larger than|limit/i,
      make: (p) => sparseFile(p, 201 * 1024 * 1024),
    },
  ];
}

export function makeAll(dir: string, files: BadFile[]): string[] {
  return files.map((f) => {
    const path = join(dir, f.name);
    f.make(path);
    return path;
  });
}
