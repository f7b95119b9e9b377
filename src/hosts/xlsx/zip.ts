/**
 * Opening an xlsx (a zip) safely before anything parses it: file type sniffed, entry count
 * checked, and each part inflated under a running limit on the bytes that come out (per part
 * and in all) and on how far they may outgrow the bytes that went in, as Apache POI's
 * ZipSecureFile does: inflation stops at the first byte past a limit, whatever the directory
 * declares. Then the part's CRC-32 and size must match the directory.
 */
import { Inflate } from "fflate";
import CRC32 from "crc-32";
import { WorkbookReadError, megabytes } from "./errors";

/** Every limit of the reader, in one place for Node and the browser. */
export interface ZipLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Most entries in the archive. */
  maxEntries: number;
  /** Largest total of the parts we unpack, as inflated (not as declared). */
  maxTotalUncompressed: number;
  /** Largest single part, as inflated. */
  maxPartBytes: number;
  /**
   * Smallest ratio of compressed to inflated bytes of a part past `ratioGrace` bytes out:
   * 0.01 (100:1), Apache POI's default (ZipSecureFile.MIN_INFLATE_RATIO).
   */
  minInflateRatio: number;
  /** Output below which the ratio is not judged (POI: 100 KiB; a tiny part compresses well). */
  ratioGrace: number;
}

/**
 * The sizes: a 200,000-row ledger is about 65 MB of sheet XML at 8:1; 150 MB a part and
 * 250 MB in all keep a hostile file's inflating, decoding and scanning under 500 MB.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxTotalUncompressed: 250 * 1024 * 1024,
  maxPartBytes: 150 * 1024 * 1024,
  minInflateRatio: 0.01,
  ratioGrace: 100 * 1024,
};

/** The most a part may inflate to: its own limit, what is left of the total, and the ratio's. */
export function outputCap(compressed: number, limits: ZipLimits, left: number): number {
  const byRatio = Math.max(limits.ratioGrace, Math.floor(compressed / limits.minInflateRatio));
  return Math.max(0, Math.min(limits.maxPartBytes, left, byRatio));
}

/** Inflation stopped at a limit; the caller says which. */
export class OutputLimit extends Error {}

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
 * Inflates one raw-deflate part, throwing OutputLimit at the first byte past `cap` (or, for the
 * streaming default, as soon as the output outgrows the input past the grace). The default is
 * fflate's streaming Inflate (pure JavaScript, for the browser); Node installs zlib with
 * maxOutputLength = cap, several times faster (25 ms against 180 ms for a 16 MB sheet).
 */
export type Inflater = (compressed: Uint8Array, cap: number, limits: ZipLimits) => Uint8Array;

const CHUNK = 64 * 1024;

function streamingInflate(compressed: Uint8Array, cap: number, limits: ZipLimits): Uint8Array {
  const chunks: Uint8Array[] = [];
  let out = 0;
  let consumed = 0;
  const inflate = new Inflate((chunk) => {
    out += chunk.length;
    if (out > cap) throw new OutputLimit();
    if (out > limits.ratioGrace && consumed / out < limits.minInflateRatio) throw new OutputLimit();
    chunks.push(chunk);
  });
  for (let i = 0; i < compressed.length; i += CHUNK) {
    consumed = Math.min(compressed.length, i + CHUNK);
    inflate.push(compressed.subarray(i, consumed), consumed >= compressed.length);
  }
  if (!compressed.length) inflate.push(new Uint8Array(0), true);
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(out);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

/** The default: fflate, streaming, with the running ratio check (the browser's). */
export const streamingInflater: Inflater = streamingInflate;

let inflater: Inflater = streamingInflate;

export function useInflater(fn: Inflater): void {
  inflater = fn;
}

/** CRC-32 of a part: the crc-32 package by default; Node passes zlib's native one (v20.15+). */
export type Checksum = (data: Uint8Array) => number;
let checksum: Checksum = (data) => CRC32.buf(data);

export function useChecksum(fn: Checksum): void {
  checksum = fn;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
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
    if (p + 46 + nameLength + extraLength + commentLength > data.length)
      throw new WorkbookReadError("truncated");
    const entry: Entry = {
      name: utf8.decode(data.subarray(p + 46, p + 46 + nameLength)),
      flags: u16(p + 8),
      method: u16(p + 10),
      crc: u32(p + 16),
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
        // Each value read must lie inside this extra field (and so inside the directory).
        const next = () => {
          if (q + 8 > Math.min(e + 4 + len, p + 46 + nameLength + extraLength))
            throw new WorkbookReadError("corrupt", undefined, `${entry.name}: zip64 field`);
          const v = u64(q);
          q += 8;
          return v;
        };
        if (entry.size === MAX32) entry.size = next();
        if (entry.compressedSize === MAX32) entry.compressedSize = next();
        if (entry.localOffset === MAX32) entry.localOffset = next();
      }
      e += 4 + len;
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function extract(data: Uint8Array, entry: Entry, limits: ZipLimits, left: number): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = entry.localOffset;
  if (at + 30 > data.length || view.getUint32(at, true) !== SIG_LOCAL)
    throw new WorkbookReadError("truncated");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new WorkbookReadError("truncated");
  const compressed = data.subarray(start, end);
  if (entry.flags & 1) throw new WorkbookReadError("encrypted");
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.size > Math.min(limits.maxPartBytes, left)) throw overLimit(entry, limits, left);
    out = compressed.subarray(0, entry.size);
  } else if (entry.method === 8) {
    const cap = outputCap(compressed.length, limits, left);
    try {
      out = inflater(compressed, cap, limits);
    } catch (e) {
      if (
        e instanceof OutputLimit ||
        e instanceof RangeError ||
        (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE"
      )
        throw overLimit(entry, limits, left);
      throw new WorkbookReadError(
        "corrupt",
        undefined,
        `${entry.name}: ${e instanceof Error ? e.message : String(e)}`
      );
    }
  } else
    throw new WorkbookReadError(
      "corrupt",
      undefined,
      `${entry.name}: compression method ${entry.method}`
    );
  // The directory's size and checksum must match what came out: anything else is damage.
  if (out.length !== entry.size)
    throw new WorkbookReadError(
      "corrupt",
      undefined,
      `${entry.name}: ${out.length} bytes, the directory says ${entry.size}`
    );
  if (checksum(out) >>> 0 !== entry.crc >>> 0)
    throw new WorkbookReadError("corrupt", undefined, `${entry.name}: CRC-32 mismatch`);
  return out;
}

/** Which limit a part ran into, in words. */
function overLimit(entry: Entry, limits: ZipLimits, left: number): WorkbookReadError {
  // The total was the limit that bound when what was left of it was the smallest cap.
  const byRatio = Math.max(limits.ratioGrace, entry.compressedSize / limits.minInflateRatio);
  if (left < limits.maxPartBytes && left <= byRatio) {
    const limit = megabytes(limits.maxTotalUncompressed);
    return new WorkbookReadError(
      "zip-bomb",
      { zh: `解压后超过 ${limit}`, en: `more than ${limit} inflated` },
      entry.name
    );
  }
  const ratio = Math.round(1 / limits.minInflateRatio).toLocaleString("en-US");
  return new WorkbookReadError(
    "zip-bomb",
    {
      zh: `单个部件解压后超过 ${megabytes(limits.maxPartBytes)} 或超过压缩前的 ${ratio} 倍`,
      en: `a part inflates past ${megabytes(limits.maxPartBytes)} or ${ratio} times its compressed size`,
    },
    entry.name
  );
}

/**
 * An archive whose parts are inflated one at a time, on demand, under the running limits
 * (outputCap): a reader holds one large part at a time, never all of them.
 */
export class ZipArchive {
  readonly names: Set<string>;
  /** Bytes inflated so far, for the total limit. */
  used = 0;
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly data: Uint8Array,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS
  ) {
    for (const e of directory(data, limits))
      if (!this.entries.has(e.name)) this.entries.set(e.name, e);
    this.names = new Set(this.entries.keys());
  }

  /** A part's bytes, or undefined when the archive has no such part; `maxBytes` lowers the part limit. */
  read(name: string, maxBytes?: number): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const limits =
      maxBytes === undefined
        ? this.limits
        : { ...this.limits, maxPartBytes: Math.min(this.limits.maxPartBytes, maxBytes) };
    const part = extract(this.data, entry, limits, this.limits.maxTotalUncompressed - this.used);
    this.used += part.length;
    return part;
  }
}

/** Unpack the entries `want` accepts; `budget` carries the bytes inflated across calls. */
export function unpack(
  data: Uint8Array,
  want: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  budget: { used: number } = { used: 0 }
): { files: Map<string, Uint8Array>; index: ZipIndex } {
  const archive = new ZipArchive(data, limits);
  archive.used = budget.used;
  const files = new Map<string, Uint8Array>();
  for (const name of archive.names) if (want(name)) files.set(name, archive.read(name)!);
  budget.used = archive.used;
  return { files, index: { names: archive.names } };
}
