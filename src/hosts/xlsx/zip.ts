/**
 * Opening an xlsx (a zip) safely before anything parses it: file type sniffed, entry count
 * and uncompressed sizes checked against limits, and each part inflated into a buffer of
 * its declared size, so a part that lies about its size cannot expand past the limits.
 */
import { unzipSync, type UnzipFileInfo } from "fflate";
import { WorkbookReadError } from "./errors";

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
    throw new WorkbookReadError(
      "too-large",
      `${Math.round(data.length / 1048576)} MB > ${Math.round(limits.maxFileBytes / 1048576)} MB`
    );
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
 * Unpack the entries `want` accepts. Declared sizes are checked before inflating; fflate
 * inflates into a buffer of the declared size, so the check holds for the real data too.
 */
export function unpack(
  data: Uint8Array,
  want: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  budget: { used: number } = { used: 0 }
): { files: Record<string, Uint8Array>; index: ZipIndex } {
  const names = new Set<string>();
  let entries = 0;
  const filter = (file: UnzipFileInfo) => {
    entries += 1;
    if (entries > limits.maxEntries)
      throw new WorkbookReadError("too-many-entries", `> ${limits.maxEntries}`);
    names.add(file.name);
    if (!want(file.name)) return false;
    const size = file.originalSize ?? 0;
    if (size > 1024 * 1024 && file.size > 0 && size / file.size > limits.maxRatio) {
      throw new WorkbookReadError("zip-bomb", `${file.name}: ${Math.round(size / file.size)}:1`);
    }
    budget.used += size;
    if (budget.used > limits.maxTotalUncompressed) {
      throw new WorkbookReadError(
        "zip-bomb",
        `> ${Math.round(limits.maxTotalUncompressed / 1048576)} MB`
      );
    }
    return true;
  };
  try {
    const files = unzipSync(data, { filter });
    return { files, index: { names } };
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (/end of central directory|invalid zip|unexpected EOF|unexpected end/i.test(message))
      throw new WorkbookReadError("truncated");
    throw new WorkbookReadError("corrupt", message);
  }
}
