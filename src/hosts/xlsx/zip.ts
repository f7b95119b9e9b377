/**
 * Opening an xlsx (a zip) safely before anything parses it: file type sniffed, entry count
 * and uncompressed sizes checked against limits, and each part inflated into a buffer of
 * its declared size, so a part that lies about its size cannot expand past the limits.
 */
import { inflateSync } from "fflate";
import { WorkbookReadError, megabytes } from "./errors";

export interface ZipLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Most entries in the archive. */
  maxEntries: number;
  /** Largest total of the parts we unpack, uncompressed. */
  maxTotalUncompressed: number;
  /** Largest expansion ratio of one sizeable part. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxTotalUncompressed: 600 * 1024 * 1024,
  maxRatio: 1000,
};

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => data[i] === b);
}

/** 'EncryptedPackage' in UTF-16LE: the stream an encrypted OOXML file keeps inside its OLE container. */
function hasUtf16(data: Uint8Array, text: string): boolean {
  const needle = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= data.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Throws WorkbookReadError when the bytes are not a zip we are willing to open. */
export function sniff(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  if (data.length === 0) throw new WorkbookReadError("empty");
  if (data.length > limits.maxFileBytes) {
    const [size, limit] = [megabytes(data.length), megabytes(limits.maxFileBytes)];
    throw new WorkbookReadError("too-large", {
      zh: `${size}，上限 ${limit}`,
      en: `${size}, the limit is ${limit}`,
    });
  }
  if (startsWith(data, OLE_MAGIC)) {
    throw new WorkbookReadError(hasUtf16(data, "EncryptedPackage") ? "encrypted" : "legacy-xls");
  }
  if (startsWith(data, EMPTY_ZIP_MAGIC)) throw new WorkbookReadError("no-workbook");
  if (!startsWith(data, ZIP_MAGIC)) throw new WorkbookReadError("not-xlsx");
}

export interface ZipIndex {
  /** Every entry name in the archive. */
  names: Set<string>;
}

/**
 * Inflates one raw-deflate part into at most `size` bytes. The default is fflate (pure
 * JavaScript, for the browser); Node hosts install zlib, a few times faster on large sheets.
 */
export type Inflater = (compressed: Uint8Array, size: number) => Uint8Array;

let inflater: Inflater = (compressed, size) =>
  inflateSync(compressed, { out: new Uint8Array(size) });

export function useInflater(fn: Inflater): void {
  inflater = fn;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const utf8 = new TextDecoder("utf-8");

/** The central directory: where every entry is, and its declared sizes. */
function directory(data: Uint8Array, limits: ZipLimits): Entry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const u64 = (o: number) => u32(o) + u32(o + 4) * 0x100000000;
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i -= 1) {
    if (u32(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new WorkbookReadError("truncated");
  let count = u16(eocd + 10);
  let cdOffset = u32(eocd + 16);
  if (
    (count === 0xffff || cdOffset === MAX32) &&
    eocd >= 20 &&
    u32(eocd - 20) === SIG_EOCD64_LOCATOR
  ) {
    const at = u64(eocd - 12);
    if (at + 56 > data.length || u32(at) !== SIG_EOCD64)
      throw new WorkbookReadError("corrupt", undefined, "zip64 end record");
    count = u64(at + 32);
    cdOffset = u64(at + 48);
  }
  if (count > limits.maxEntries)
    throw new WorkbookReadError("too-many-entries", {
      zh: `超过 ${limits.maxEntries.toLocaleString("en-US")} 个`,
      en: `more than ${limits.maxEntries.toLocaleString("en-US")}`,
    });
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k += 1) {
    if (p + 46 > data.length || u32(p) !== SIG_CENTRAL) throw new WorkbookReadError("truncated");
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const commentLength = u16(p + 32);
    const entry: Entry = {
      name: utf8.decode(data.subarray(p + 46, p + 46 + nameLength)),
      flags: u16(p + 8),
      method: u16(p + 10),
      compressedSize: u32(p + 20),
      size: u32(p + 24),
      localOffset: u32(p + 42),
    };
    // ZIP64: the 32-bit fields that overflowed are in the extra field, in this order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength;) {
      const id = u16(e);
      const len = u16(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (entry.size === MAX32) {
          entry.size = u64(q);
          q += 8;
        }
        if (entry.compressedSize === MAX32) {
          entry.compressedSize = u64(q);
          q += 8;
        }
        if (entry.localOffset === MAX32) entry.localOffset = u64(q);
      }
      e += 4 + len;
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function extract(data: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = entry.localOffset;
  if (at + 30 > data.length || view.getUint32(at, true) !== SIG_LOCAL)
    throw new WorkbookReadError("truncated");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new WorkbookReadError("truncated");
  const compressed = data.subarray(start, end);
  if (entry.flags & 1) throw new WorkbookReadError("encrypted");
  if (entry.method === 0) return compressed.subarray(0, entry.size);
  if (entry.method !== 8)
    throw new WorkbookReadError(
      "corrupt",
      undefined,
      `${entry.name}: compression method ${entry.method}`
    );
  try {
    return inflater(compressed, entry.size);
  } catch (e) {
    // zlib refuses output beyond the declared size: a part that lies about its size.
    if (e instanceof RangeError || (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new WorkbookReadError("zip-bomb", undefined, `${entry.name}: larger than declared`);
    }
    throw new WorkbookReadError(
      "corrupt",
      undefined,
      `${entry.name}: ${e instanceof Error ? e.message : String(e)}`
    );
  }
}

/**
 * Unpack the entries `want` accepts. Declared sizes are checked against the limits before
 * anything is inflated, and each part is inflated into at most its declared size, so the
 * check holds for the real data too.
 */
export function unpack(
  data: Uint8Array,
  want: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  budget: { used: number } = { used: 0 }
): { files: Record<string, Uint8Array>; index: ZipIndex } {
  const entries = directory(data, limits);
  const names = new Set(entries.map((e) => e.name));
  const chosen = entries.filter((e) => want(e.name));
  for (const e of chosen) {
    if (
      e.size > 1024 * 1024 &&
      e.compressedSize > 0 &&
      e.size / e.compressedSize > limits.maxRatio
    ) {
      const ratio = `${Math.round(e.size / e.compressedSize).toLocaleString("en-US")}:1`;
      throw new WorkbookReadError(
        "zip-bomb",
        { zh: `压缩比 ${ratio}`, en: `compression ratio ${ratio}` },
        e.name
      );
    }
    budget.used += e.size;
    if (budget.used > limits.maxTotalUncompressed) {
      const limit = megabytes(limits.maxTotalUncompressed);
      throw new WorkbookReadError("zip-bomb", { zh: `超过 ${limit}`, en: `more than ${limit}` });
    }
  }
  const files: Record<string, Uint8Array> = {};
  for (const e of chosen) files[e.name] = extract(data, e);
  return { files, index: { names } };
}
