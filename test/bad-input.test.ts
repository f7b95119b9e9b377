/**
 * Files that are not workbooks we can read: each one gets one line naming it and saying what
 * is wrong (Chinese, or English with --lang en), exit code 2 and no stack trace, while the
 * good workbooks of the same run are still checked. Then the zip limits themselves, unit by unit.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { strToU8, unzipSync, zipSync } from "fflate";
import {
  DEFAULT_ZIP_LIMITS,
  sniff,
  unpack,
  streamingInflater,
  useInflater,
  type ZipLimits,
} from "../src/hosts/xlsx/zip";
import { inflateRawSync } from "zlib";
import { WorkbookReadError, type ReadProblem } from "../src/hosts/xlsx/errors";
import { readWorkbookModel } from "../src/hosts/xlsx/read-model";
import {
  badFiles,
  hostileMerge,
  makeAll,
  manyEntries,
  oleFile,
  zipWithoutWorkbook,
  type BadFile,
} from "./support/bad-files";
import { buildCli, fucai, isReport, parseJson, ROOT, SAMPLE, STACK_LINE } from "./support/cli";

jest.setTimeout(120_000);

const rel = (p: string) => p.slice(ROOT.length + 1);
const GOOD = rel(SAMPLE.compliant);
const GOOD_WITH_ERRORS = rel(SAMPLE.budget);

function expectNoStack(text: string) {
  expect(text).not.toMatch(STACK_LINE);
  expect(text).not.toMatch(/node:internal|\.js:\d+:\d+/);
}

/** The lines of everything the user sees (stdout and stderr) that name the file. */
function linesNaming(all: string, file: string): string[] {
  return all.split("\n").filter((l) => l.includes(file));
}

describe("bad input files through the CLI", () => {
  let tmp: string;
  const cases: BadFile[] = badFiles(SAMPLE.compliant);
  const pathOf = (c: BadFile) => join(tmp, c.name);

  beforeAll(() => {
    buildCli();
    tmp = mkdtempSync(join(tmpdir(), "fucai-bad-"));
    makeAll(tmp, cases);
  }, 180_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  describe.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    it("text (Chinese): one line naming the file and the problem, exit 2, good files still checked", () => {
      const bad = pathOf(c);
      const r = fucai(["check", GOOD, bad, GOOD_WITH_ERRORS]);
      // 1 (errors in the good files) + 2 (a file could not be read): neither hides the other.
      expect(r.code).toBe(3);
      const named = linesNaming(r.all, bad);
      expect(named).toHaveLength(1);
      expect(named[0]).toMatch(c.zh);
      expectNoStack(r.all);
      // The good workbooks around it are checked and reported in full.
      expect(r.stdout).toContain(`文件: ${GOOD}`);
      expect(r.stdout).toContain("未发现问题");
      expect(r.stdout).toContain(`文件: ${GOOD_WITH_ERRORS}`);
      expect(r.stdout).toContain("BUD-PERSONNEL");
      expect(r.stdout).toMatch(/共 3 个文件：错误 15，警告 3，提示 1；1 个文件无法读取/);
    });

    it("text (English): one line naming the file and the problem, exit 2", () => {
      const bad = pathOf(c);
      const r = fucai(["check", bad, GOOD, "--lang", "en"]);
      expect(r.code).toBe(2);
      const named = linesNaming(r.all, bad);
      expect(named).toHaveLength(1);
      expect(named[0]).toMatch(c.en);
      expect(named[0]).not.toMatch(/[\u4e00-\u9fff]/);
      expectNoStack(r.all);
      expect(r.stdout).toContain(`File: ${GOOD}`);
      expect(r.stdout).toContain("No problems found");
    });

    it("json: the file appears with an error in both languages, the others with their findings", () => {
      const bad = pathOf(c);
      const r = fucai(["check", GOOD, bad, GOOD_WITH_ERRORS, "--format", "json"]);
      expect(r.code).toBe(3);
      const doc = parseJson(r.stdout);
      expect(doc.files.map((f) => f.file)).toEqual([GOOD, bad, GOOD_WITH_ERRORS]);
      expect(doc.files[1]).toEqual({
        file: bad,
        error: { zh: expect.stringMatching(c.zh), en: expect.stringMatching(c.en) },
      });
      const [good, , withErrors] = doc.files;
      expect(isReport(good) && good.findings).toEqual([]);
      expect(isReport(withErrors) && withErrors.findings.length).toBeGreaterThan(10);
      expectNoStack(r.all);
    });
  });

  it("a run of only bad files exits 2 with one line for each", () => {
    const paths = cases.map(pathOf);
    const r = fucai(["check", ...paths]);
    expect(r.code).toBe(2);
    for (const [i, p] of paths.entries()) {
      const named = linesNaming(r.all, p);
      expect(named).toHaveLength(1);
      expect(named[0]).toMatch(cases[i].zh);
    }
    expectNoStack(r.all);
  });

  it("writes no annotated copy for a file it cannot read, and annotates the others", () => {
    const out = join(tmp, "annotated");
    const r = fucai(["check", pathOf(cases[0]), GOOD, pathOf(cases[3]), "--annotate", out]);
    expect(r.code).toBe(2);
    expect(readdirSync(out)).toEqual(["01-wupaer-final-compliant.annotated.xlsx"]);
    expectNoStack(r.all);
  });

  describe("a sheet with a merge range over the whole grid (A1:XFD1048576)", () => {
    const env = { FUCAI_WORKER_MEMORY_MB: "256" };
    let merge: string;
    beforeAll(() => {
      merge = join(tmp, "hostile-merge.xlsx");
      writeFileSync(merge, hostileMerge(SAMPLE.compliant));
    });

    it("is still checked", () => {
      const r = fucai(["check", merge, GOOD, "--format", "json"], { env });
      expect(r.code).toBe(0);
      const doc = parseJson(r.stdout);
      const [entry, good] = doc.files;
      expect(isReport(entry)).toBe(true);
      expect(isReport(entry) && entry.stage).toBe("final");
      expect(isReport(entry) && entry.findings).toEqual([]);
      expect(isReport(good)).toBe(true);
    });

    it("--annotate fails cleanly for that file's copy only: its check stands, the output is named", () => {
      const out = join(tmp, "merge-annotated");
      mkdirSync(out, { recursive: true });
      const r = fucai(["check", merge, GOOD_WITH_ERRORS, "--annotate", out], { env });
      expect(r.code).toBe(3); // errors in the other file (1) + this file's copy not made (2)
      // The hostile file is checked like any other…
      expect(r.stdout).toContain(`文件: ${merge}`);
      // …and the copy that could not be made is its own line, naming the output, not the input.
      const copy = join(out, "hostile-merge.annotated.xlsx");
      const named = linesNaming(r.all, copy);
      expect(named).toHaveLength(1);
      expect(named[0]).toMatch(/未写出标注副本.*内存|异常|无法/);
      expect(named[0]).toContain("检查结果不受影响");
      expectNoStack(r.all);
      // The other file is checked and annotated.
      expect(r.stdout).toContain(`文件: ${GOOD_WITH_ERRORS}`);
      expect(r.stdout).toContain("BUD-PERSONNEL");
      expect(existsSync(join(out, "03-tokezhake-budget-ledger.annotated.xlsx"))).toBe(true);
      // And nothing half-written is left for the hostile one.
      expect(existsSync(join(out, "hostile-merge.annotated.xlsx"))).toBe(false);
    });

    it("--annotate failure is told in English with --lang en", () => {
      const out = join(tmp, "merge-annotated-en");
      const r = fucai(["check", GOOD, merge, "--annotate", out, "--lang", "en"], { env });
      expect(r.code).toBe(2);
      const named = linesNaming(r.all, join(out, "hostile-merge.annotated.xlsx"));
      expect(named).toHaveLength(1);
      expect(named[0]).toMatch(/not written.*(memory|hostile|cannot|could not)/i);
      expect(named[0]).not.toMatch(/[\u4e00-\u9fff]/);
      expectNoStack(r.all);
      expect(existsSync(join(out, "01-wupaer-final-compliant.annotated.xlsx"))).toBe(true);
    });
  });
});

describe("src/hosts/xlsx/zip.ts", () => {
  const LIMITS: ZipLimits = {
    maxFileBytes: 10 * 1024 * 1024,
    maxEntries: 5,
    maxTotalUncompressed: 1000,
    maxPartBytes: 1000,
    minInflateRatio: 0.02,
    ratioGrace: 100,
  };
  const all = () => true;

  function problemOf(fn: () => unknown): ReadProblem | "none" {
    try {
      fn();
      return "none";
    } catch (e) {
      if (e instanceof WorkbookReadError) return e.problem;
      throw e;
    }
  }

  /** Bytes that deflate can hardly shrink. */
  function noise(n: number, seed = 7): Uint8Array {
    const out = new Uint8Array(n);
    let x = seed;
    for (let i = 0; i < n; i += 1) {
      x = (x * 1103515245 + 12345) >>> 0;
      out[i] = x >>> 24;
    }
    return out;
  }

  /** Rewrite the declared uncompressed size of every entry, in local and central headers. */
  function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
    const buf = Buffer.from(zip);
    for (let i = 0; i + 4 <= buf.length; i += 1) {
      const sig = buf.readUInt32LE(i);
      if (sig === 0x04034b50) buf.writeUInt32LE(size, i + 22);
      else if (sig === 0x02014b50) buf.writeUInt32LE(size, i + 24);
    }
    return new Uint8Array(buf);
  }

  describe("default limits", () => {
    it("are set against decompression bombs", () => {
      expect(DEFAULT_ZIP_LIMITS.maxEntries).toBeGreaterThan(0);
      expect(DEFAULT_ZIP_LIMITS.maxEntries).toBeLessThanOrEqual(100_000);
      expect(DEFAULT_ZIP_LIMITS.maxTotalUncompressed).toBeGreaterThan(0);
      expect(DEFAULT_ZIP_LIMITS.maxTotalUncompressed).toBeLessThanOrEqual(4 * 1024 ** 3);
      // Apache POI's default: a part may not inflate past 100 times its compressed size.
      expect(DEFAULT_ZIP_LIMITS.minInflateRatio).toBe(0.01);
      expect(DEFAULT_ZIP_LIMITS.maxPartBytes).toBeLessThanOrEqual(
        DEFAULT_ZIP_LIMITS.maxTotalUncompressed
      );
      expect(DEFAULT_ZIP_LIMITS.maxTotalUncompressed).toBeLessThanOrEqual(300 * 1024 ** 2);
      expect(DEFAULT_ZIP_LIMITS.maxFileBytes).toBeGreaterThan(0);
    });

    it("let every sample workbook through", () => {
      for (const file of Object.values(SAMPLE)) {
        const data = new Uint8Array(readFileSync(file));
        expect(() => sniff(data)).not.toThrow();
        expect(unpack(data, all).files.size).toBeGreaterThan(10);
      }
    });
  });

  describe("sniff", () => {
    it.each([
      ["empty", "empty", new Uint8Array(0)],
      ["text", "not-xlsx", strToU8("hello, 你好")],
      ["a PDF", "not-xlsx", strToU8("%PDF-1.7\n%âãÏÓ\n1 0 obj")],
      [
        "encrypted OOXML",
        "encrypted",
        oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
      ],
      ["legacy .xls", "legacy-xls", oleFile(["Root Entry", "Workbook"])],
      [
        "an empty zip",
        "no-workbook",
        new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
      ],
    ] as const)("%s → %s", (_name, problem, data) => {
      expect(problemOf(() => sniff(data as Uint8Array, LIMITS))).toBe(problem);
    });

    it("refuses a file over the size limit before anything else", () => {
      const zip = zipSync({ "a.txt": strToU8("x") });
      expect(problemOf(() => sniff(zip, { ...LIMITS, maxFileBytes: zip.length - 1 }))).toBe(
        "too-large"
      );
      expect(problemOf(() => sniff(zip, { ...LIMITS, maxFileBytes: zip.length }))).toBe("none");
    });

    it("finds EncryptedPackage anywhere in the OLE file, only in UTF-16LE", () => {
      const padded = new Uint8Array([
        ...oleFile([]),
        ...new Uint8Array(4096),
        ...Buffer.from("EncryptedPackage", "utf16le"),
      ]);
      expect(problemOf(() => sniff(padded, LIMITS))).toBe("encrypted");
      const ascii = new Uint8Array([...oleFile([]), ...strToU8("EncryptedPackage")]);
      expect(problemOf(() => sniff(ascii, LIMITS))).toBe("legacy-xls");
    });
  });

  describe("unpack", () => {
    function entries(n: number, bytes = 10): Uint8Array {
      const files: Record<string, Uint8Array> = {};
      for (let i = 0; i < n; i += 1) files[`part${i}.xml`] = noise(bytes, i + 1);
      return zipSync(files);
    }

    it("accepts up to maxEntries entries and refuses one more", () => {
      expect(unpack(entries(5), all, LIMITS).files.size).toBe(5);
      expect(problemOf(() => unpack(entries(6), all, LIMITS))).toBe("too-many-entries");
    });

    it("counts entries it does not unpack", () => {
      expect(problemOf(() => unpack(entries(6), () => false, LIMITS))).toBe("too-many-entries");
      expect(problemOf(() => unpack(manyEntries(20), () => false, LIMITS))).toBe(
        "too-many-entries"
      );
    });

    it("lists every entry name but unpacks only those asked for", () => {
      const zip = zipSync({ "a.xml": strToU8("<a/>"), "b.bin": noise(5000) });
      const { files, index } = unpack(zip, (n) => n.endsWith(".xml"), LIMITS);
      expect([...files.keys()]).toEqual(["a.xml"]);
      expect([...index.names].sort()).toEqual(["a.xml", "b.bin"]);
    });

    it("refuses when the total uncompressed size passes the limit", () => {
      const three = zipSync({ a: noise(400, 1), b: noise(400, 2), c: noise(400, 3) });
      expect(problemOf(() => unpack(three, all, LIMITS))).toBe("zip-bomb");
      expect(problemOf(() => unpack(three, all, { ...LIMITS, maxTotalUncompressed: 1200 }))).toBe(
        "none"
      );
      // Entries not asked for do not count.
      expect(problemOf(() => unpack(three, (n) => n !== "c", LIMITS))).toBe("none");
    });

    it("adds up the total across calls that share a budget", () => {
      const zip = zipSync({ a: noise(600, 1), b: noise(600, 2) });
      const budget = { used: 0 };
      expect(problemOf(() => unpack(zip, (n) => n === "a", LIMITS, budget))).toBe("none");
      expect(budget.used).toBe(600);
      expect(problemOf(() => unpack(zip, (n) => n === "b", LIMITS, budget))).toBe("zip-bomb");
    });

    it("stops inflating a part whose output outgrows its input, and says so in words", () => {
      const zeros = new Uint8Array(4 * 1024 * 1024);
      const zip = zipSync({ "xl/worksheets/sheet1.xml": [zeros, { level: 9 }] });
      const big = { ...LIMITS, maxTotalUncompressed: 64 * 1024 ** 2, maxPartBytes: 64 * 1024 ** 2 };
      let error: unknown;
      try {
        unpack(zip, all, big);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WorkbookReadError);
      expect((error as WorkbookReadError).problem).toBe("zip-bomb");
      // The user reads the limit in their language; the part's name is for developers only.
      expect((error as WorkbookReadError).text.zh).toMatch(/倍）。$/);
      expect((error as WorkbookReadError).text.en).not.toContain("xl/");
      expect((error as WorkbookReadError).message).toContain("xl/worksheets/sheet1.xml");
      // The same part is fine under a ratio limit below what deflate reached.
      expect(
        unpack(zip, all, { ...big, minInflateRatio: 1e-4 }).files.get("xl/worksheets/sheet1.xml")!
          .length
      ).toBe(zeros.length);
    });

    it("stops at the part limit, in the browser's streaming inflater and in Node's zlib alike", () => {
      const text = noise(3000);
      const zip = zipSync({ "a.xml": [text, { level: 0 }] });
      const limits = { ...LIMITS, maxTotalUncompressed: 10_000, maxPartBytes: 2999 };
      expect(problemOf(() => unpack(zip, all, limits))).toBe("zip-bomb");
      expect(unpack(zip, all, { ...limits, maxPartBytes: 3000 }).files.get("a.xml")!.length).toBe(
        3000
      );
      const deflated = zipSync({ "a.xml": [strToU8("<r/>".repeat(2000)), { level: 6 }] });
      const loose = { ...limits, minInflateRatio: 1e-6 };
      for (const inflater of [
        streamingInflater,
        (compressed: Uint8Array, cap: number) =>
          new Uint8Array(inflateRawSync(compressed, { maxOutputLength: Math.max(1, cap) })),
      ]) {
        useInflater(inflater);
        try {
          expect(problemOf(() => unpack(deflated, all, { ...loose, maxPartBytes: 7999 }))).toBe(
            "zip-bomb"
          );
          expect(
            unpack(deflated, all, { ...loose, maxPartBytes: 8000 }).files.get("a.xml")!.length
          ).toBe(8000);
        } finally {
          useInflater(streamingInflater);
        }
      }
    });

    it("refuses the CLI's zip bomb under the default limits", () => {
      const zeros = new Uint8Array(64 * 1024 * 1024);
      const zip = zipSync({ "xl/workbook.xml": [zeros, { level: 9 }] });
      expect(zip.length / zeros.length).toBeLessThan(DEFAULT_ZIP_LIMITS.minInflateRatio);
      expect(problemOf(() => unpack(zip, all))).toBe("zip-bomb");
    });

    it("calls a part whose size or checksum differs from the directory corrupt, not a bomb", () => {
      const text = strToU8("<row/>".repeat(500));
      const zip = zipSync({ "a.xml": [text, { level: 6 }] });
      const big = {
        ...LIMITS,
        maxTotalUncompressed: 1e6,
        maxPartBytes: 1e6,
        minInflateRatio: 1e-6,
      };
      expect(problemOf(() => unpack(lieAboutSize(zip, 1000), all, big))).toBe("corrupt");
      expect(problemOf(() => unpack(lieAboutSize(zip, 5000), all, big))).toBe("corrupt");
      const badCrc = Buffer.from(zip);
      for (let i = 0; i + 4 <= badCrc.length; i += 1)
        if (badCrc.readUInt32LE(i) === 0x02014b50) badCrc.writeUInt32LE(0x12345678, i + 16);
      expect(problemOf(() => unpack(new Uint8Array(badCrc), all, big))).toBe("corrupt");
      expect(problemOf(() => unpack(zip, all, big))).toBe("none");
    });

    it("never trusts a size the directory overstates: nothing is allocated for it", () => {
      const liar = lieAboutSize(zipSync({ "a.xml": [noise(2000), { level: 0 }] }), 3_000_000_000);
      expect(["corrupt", "zip-bomb"]).toContain(problemOf(() => unpack(liar, all, LIMITS)));
    });

    it("calls a zip cut in half truncated", () => {
      const data = new Uint8Array(readFileSync(SAMPLE.compliant));
      const half = data.subarray(0, Math.floor(data.length / 2));
      expect(problemOf(() => unpack(half, all))).toBe("truncated");
    });

    it("calls damaged compressed data corrupt, with no other kind of error", () => {
      const zip = Buffer.from(zipSync({ "a.xml": [strToU8("<row/>".repeat(2000)), { level: 6 }] }));
      for (let i = 40; i < 80; i += 1) zip[i] ^= 0xff;
      expect(["corrupt", "truncated"]).toContain(problemOf(() => unpack(new Uint8Array(zip), all)));
    });
  });

  describe("readWorkbookModel with small limits", () => {
    const data = () => new Uint8Array(readFileSync(SAMPLE.compliant));

    it("applies the entry limit", () => {
      expect(
        problemOf(() =>
          readWorkbookModel(data(), "01", { limits: { ...DEFAULT_ZIP_LIMITS, maxEntries: 10 } })
        )
      ).toBe("too-many-entries");
    });

    it("applies the total size limit to the sheets too", () => {
      // A limit the small parts fit under, but not the small parts and the sheets together.
      const parts = unzipSync(data());
      const sizeOf = (test: (name: string) => boolean) =>
        Object.entries(parts)
          .filter(([name]) => test(name))
          .reduce((n, [, bytes]) => n + bytes.length, 0);
      const small = sizeOf((n) => !n.startsWith("xl/worksheets/sheet"));
      const sheets = sizeOf((n) => n.startsWith("xl/worksheets/sheet"));
      expect(sheets).toBeGreaterThan(1024);
      expect(
        problemOf(() =>
          readWorkbookModel(data(), "01", {
            limits: { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: small + 1024 },
          })
        )
      ).toBe("zip-bomb");
    });

    it("applies the cell limit, and says so in one language at a time", () => {
      expect(problemOf(() => readWorkbookModel(data(), "01", { maxCells: 100 }))).toBe("too-large");
      try {
        readWorkbookModel(data(), "01", { maxCells: 100 });
      } catch (e) {
        const text = (e as WorkbookReadError).text;
        expect(text.zh).toBe("文件超过允许的大小上限（超过 100 个单元格）。");
        expect(text.zh).not.toMatch(/[A-Za-z]/);
        expect(text.en).toBe("The file is larger than the allowed limit (more than 100 cells).");
      }
    });

    it("calls a zip without xl/workbook.xml no workbook", () => {
      expect(problemOf(() => readWorkbookModel(zipWithoutWorkbook(), "x"))).toBe("no-workbook");
    });
  });

  describe("readWorkbookModel against forged structure", () => {
    const parts = () => unzipSync(new Uint8Array(readFileSync(SAMPLE.compliant)));
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    const errorOf = (f: () => unknown): WorkbookReadError => {
      try {
        f();
      } catch (e) {
        if (e instanceof WorkbookReadError) return e;
        throw e;
      }
      throw new Error("read without complaint");
    };
    /** The sample with `count` more <sheet> entries, all pointing at the first sheet's part. */
    function sheetsOnOnePart(count: number): Uint8Array {
      const p = parts();
      const wb = text(p["xl/workbook.xml"]);
      const rid = /<sheet [^>]*r:id="([^"]+)"/.exec(wb)![1];
      const more = Array.from(
        { length: count },
        (_, i) => `<sheet name="X${i}" sheetId="${1000 + i}" r:id="${rid}"/>`
      ).join("");
      p["xl/workbook.xml"] = strToU8(wb.replace("</sheets>", `${more}</sheets>`));
      return zipSync(p);
    }

    it("refuses several sheets on one part, read once per sheet otherwise", () => {
      const e = errorOf(() => readWorkbookModel(sheetsOnOnePart(1), "x"));
      expect(e.problem).toBe("corrupt");
      expect(e.text.zh).toContain("多个工作表指向同一部件");
    });

    it("refuses a workbook of more than 1,000 sheets before reading them", () => {
      const e = errorOf(() => readWorkbookModel(sheetsOnOnePart(1000), "x"));
      expect(e.problem).toBe("too-large");
      expect(e.text.zh).toBe("文件超过允许的大小上限（超过 1,000 个工作表）。");
    });

    it("refuses more shared strings than a workbook may have cells", () => {
      const p = parts();
      const sst = text(p["xl/sharedStrings.xml"]);
      const many = strToU8(sst.replace("</sst>", "<si/>".repeat(1_000_001) + "</sst>"));
      // Stored, not deflated: the count is the limit met here, not the inflate ratio.
      const e = errorOf(() =>
        readWorkbookModel(zipSync({ ...p, "xl/sharedStrings.xml": [many, { level: 0 }] }), "x")
      );
      expect(e.problem).toBe("too-large");
      expect(e.text.en).toContain("more than 1,000,000 shared strings");
    });

    it("refuses a shared strings part over 48 MB however well it compresses", () => {
      const p = parts();
      const sst = text(p["xl/sharedStrings.xml"]);
      const pad = `<si><t>${"x".repeat(1000)}</t></si>`.repeat(66_000);
      p["xl/sharedStrings.xml"] = strToU8(sst.replace("</sst>", `${pad}</sst>`));
      expect(problemOf(() => readWorkbookModel(zipSync(p), "x"))).toBe("zip-bomb");
    });

    it("counts a shared formula's text once for every cell it fills", () => {
      const p = parts();
      const name = Object.keys(p).find((n) => /worksheets\/sheet\d+\.xml$/.test(n))!;
      // Under Excel's 8,192 characters; 4,500 cells of it pass 32 million.
      const long = Array.from({ length: 1400 }, (_, i) => `A${i + 1}`).join("+");
      expect(long.length).toBeLessThan(8192);
      const cells = Array.from(
        { length: 4500 },
        (_, i) =>
          `<row r="${i + 2}"><c r="Z${i + 2}">${i ? '<f t="shared" si="77"/>' : `<f t="shared" si="77" ref="Z2:Z4501">${long}</f>`}<v>1</v></c></row>`
      ).join("");
      p[name] = strToU8(
        text(p[name]).replace(
          /<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/,
          `<sheetData>${cells}</sheetData>`
        )
      );
      const e = errorOf(() => readWorkbookModel(zipSync(p), "x"));
      expect(e.problem).toBe("too-large");
      expect(e.text.zh).toContain("公式文字超过 32,000,000 个字符");
    });

    it("names the total limit when the total is what ran out", () => {
      const files: Record<string, Uint8Array> = {};
      for (let i = 0; i < 30; i += 1) files[`p${i}.xml`] = strToU8(" ".repeat(100 * 1024));
      const e = errorOf(() =>
        unpack(zipSync(files), all, { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: 2_000_000 })
      );
      expect(e.problem).toBe("zip-bomb");
      expect(e.text.zh).toContain("解压后超过");
      expect(e.text.zh).not.toContain("倍");
    });
  });
});
