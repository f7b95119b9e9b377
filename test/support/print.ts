/**
 * Printing workbooks with LibreOffice and reading the pages back with poppler-utils, for the
 * print test: each xlsx is converted to PDF with a throw-away profile; `pdftotext -raw` gives
 * each page's text in drawing order (a cell's wrapped lines stay together), `pdftotext -bbox`
 * each word's box, and `pdftoppm -gray` the page as pixels, to see whether a word that is in
 * the PDF is also drawn (LibreOffice keeps text it clips out of view in the PDF's text).
 * Pages are given to sheets by the footer, which names the sheet at the bottom left.
 */
import { execFileSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import ExcelJS from "exceljs";
import { sofficePath } from "./libreoffice";

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Page {
  number: number;
  width: number;
  height: number;
  /** The sheet named in the footer. */
  sheet: string;
  text: string;
  words: Word[];
  /** Grey levels (0 black – 255 white), `scale` pixels per point. */
  pixels: { width: number; height: number; data: Uint8Array; scale: number };
}

export function popplerInstalled(): boolean {
  return ["pdftotext", "pdftoppm", "pdfinfo"].every((tool) =>
    ["/usr/bin", "/usr/local/bin"].some((dir) => existsSync(join(dir, tool)))
  );
}

/** Converts each file to PDF (A4 as the sheets ask); returns the PDFs' paths in order. */
export function printToPdf(files: string[]): string[] {
  const work = mkdtempSync(join(tmpdir(), "fucai-print-"));
  const profile = join(work, "profile");
  mkdirSync(profile);
  const inDir = join(work, "in");
  mkdirSync(inDir);
  const copies = files.map((f, i) => {
    const copy = join(inDir, `p${i}.xlsx`);
    copyFileSync(f, copy);
    return copy;
  });
  execFileSync(
    sofficePath(),
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      work,
      ...copies,
    ],
    { stdio: "pipe", timeout: 120_000 }
  );
  return copies.map((c) => {
    const pdf = join(work, basename(c).replace(/\.xlsx$/, ".pdf"));
    if (!existsSync(pdf)) throw new Error(`LibreOffice did not print ${c}`);
    return pdf;
  });
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

/** A binary PGM (P5) as pdftoppm writes it. */
function readPgm(path: string) {
  const bytes = readFileSync(path);
  const header: string[] = [];
  let at = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[at]))) at += 1;
    let token = "";
    while (!/\s/.test(String.fromCharCode(bytes[at]))) token += String.fromCharCode(bytes[at++]);
    header.push(token);
  }
  const [, width, height] = header.map(Number);
  return { width, height, data: new Uint8Array(bytes.subarray(at + 1)) };
}

const DPI = 110;
const FOOTER = 38;

export function readPdf(pdf: string): Page[] {
  const bbox = execFileSync("pdftotext", ["-bbox", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const raw = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  }).split("\f");
  const dir = mkdtempSync(join(tmpdir(), "fucai-pgm-"));
  execFileSync("pdftoppm", ["-gray", "-r", String(DPI), pdf, join(dir, "p")], { stdio: "pipe" });
  const pages: Page[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe =
    /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/word>/g;
  const count = [...bbox.matchAll(pageRe)].length;
  const digits = String(count).length;
  for (const m of bbox.matchAll(pageRe)) {
    const number = pages.length + 1;
    const width = Number(m[1]);
    const height = Number(m[2]);
    const words = [...m[3].matchAll(wordRe)].map((w) => ({
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      y1: Number(w[4]),
      text: decode(w[5]),
    }));
    // The footer stands 0.3 in from the bottom, below the bottom margin of 0.55 in or more.
    const footer = words
      .filter((w) => w.y0 > height - FOOTER && w.x1 < width / 2)
      .sort((a, b) => a.x0 - b.x0)
      .map((w) => w.text)
      .join(" ");
    const pgm = join(dir, `p-${String(number).padStart(digits, "0")}.pgm`);
    pages.push({
      number,
      width,
      height,
      sheet: footer,
      text: raw[number - 1] ?? "",
      words: words.filter((w) => w.y0 <= height - FOOTER),
      pixels: { ...readPgm(pgm), scale: DPI / 72 },
    });
  }
  return pages;
}

/** PNG images of the pages (`pdftoppm -png -r 60`), named prefix-01.png, …. */
export function pagesAsPng(pdf: string, prefix: string): void {
  execFileSync("pdftoppm", ["-png", "-r", "60", pdf, prefix], { stdio: "pipe" });
}

export interface SheetText {
  sheet: string;
  /** Every string we wrote, in cells that show it (not the hidden part of a merge). */
  strings: string[];
  /** The header row repeated on every page, when the sheet has one. */
  titleRow: string[];
}

/** The strings of each sheet of an xlsx file, and the strings of its repeated header row. */
export async function sheetTexts(file: string): Promise<SheetText[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const strings: string[] = [];
    const byRow = new Map<number, string[]>();
    ws.eachRow((row, r) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value;
        let text: string | null = null;
        if (typeof v === "string") text = v;
        else if (v && typeof v === "object" && "richText" in v)
          text = v.richText.map((t) => t.text).join("");
        else if (v && typeof v === "object" && "hyperlink" in v) text = String(v.text);
        if (text === null || !text.trim()) return;
        strings.push(text);
        byRow.set(r, [...(byRow.get(r) ?? []), text]);
      })
    );
    const titles = /^\$?(\d+):\$?(\d+)$/.exec(ws.pageSetup.printTitlesRow ?? "");
    const titleRow = titles ? (byRow.get(Number(titles[1])) ?? []) : [];
    return { sheet: ws.name, strings, titleRow };
  });
}

/**
 * Letters and digits only: LibreOffice draws a symbol or punctuation mark from a fallback
 * font as a run of its own, out of the order of the text around it.
 */
const squash = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * The strings that are not whole in the text: looked for longest first, and each occurrence
 * found is taken out, so a cut "已由较新报送替" never passes for a shorter string elsewhere.
 */
export function missingStrings(strings: string[], text: string): string[] {
  let rest = squash(text);
  const missing: string[] = [];
  for (const s of [...strings].sort((a, b) => squash(b).length - squash(a).length)) {
    const needle = squash(s);
    if (!needle) continue;
    const at = rest.indexOf(needle);
    if (at < 0) missing.push(s);
    else rest = `${rest.slice(0, at)}\u0000${rest.slice(at + needle.length)}`;
  }
  return missing;
}

/** Words that overlap another word on the page (text drawn over text). */
export function overlappingWords(page: Page): string[] {
  const out: string[] = [];
  const words = [...page.words].sort((a, b) => a.y0 - b.y0);
  for (let i = 0; i < words.length; i += 1) {
    const a = words[i];
    for (let j = i + 1; j < words.length && words[j].y0 < a.y1; j += 1) {
      const b = words[j];
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      const h = Math.min(a.y1 - a.y0, b.y1 - b.y0);
      if (dx > 1.5 && dy > h * 0.35) out.push(`${a.text} / ${b.text}`);
    }
  }
  return out;
}

/** Words in the PDF's text that are not drawn: no dark pixel inside their box. */
export function invisibleWords(page: Page): string[] {
  const { width, data, scale } = page.pixels;
  return page.words
    .filter((w) => {
      // A word must show some dark ink; a lone mark such as · or ; only some ink at all.
      const dark = /[\p{L}\p{N}]/u.test(w.text) ? 170 : 215;
      const x0 = Math.max(0, Math.floor(w.x0 * scale) + 1);
      const x1 = Math.min(width - 1, Math.ceil(w.x1 * scale) - 1);
      const y0 = Math.max(0, Math.floor(w.y0 * scale) + 1);
      const y1 = Math.min(page.pixels.height - 1, Math.ceil(w.y1 * scale) - 1);
      for (let y = y0; y <= y1; y += 1)
        for (let x = x0; x <= x1; x += 1) if (data[y * width + x] < dark) return false;
      return true;
    })
    .map((w) => w.text);
}

/** Words outside the page's printable width (margins of at least 0.25 in). */
export function wordsOffPage(page: Page): string[] {
  const margin = 18;
  return page.words.filter((w) => w.x0 < margin || w.x1 > page.width - margin).map((w) => w.text);
}
