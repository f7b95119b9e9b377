/**
 * npm run bench:hostile: hostile workbooks of every kind the reader guards against, each checked
 * beside a good workbook in one `fucai check`, with the process's peak memory (/usr/bin/time
 * -f %M) and wall time printed. Targets (issue 12): each refused or read under 500 MB and 10 s,
 * the good workbook still checked. The files are written to out/hostile/ (not committed).
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { createDeflateRaw } from "zlib";
import { strToU8, unzipSync, zipSync } from "fflate";

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "out", "hostile");
const GOOD = join(ROOT, "workbooks", "samples", "01-wupaer-final-compliant.xlsx");
const BIN = join(ROOT, "bin", "fucai.js");

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The sample with `edit` applied to its parts (paths as in the zip). */
function variant(name: string, edit: (parts: Record<string, Uint8Array>) => void): string {
  const parts = unzipSync(new Uint8Array(readFileSync(GOOD)));
  edit(parts);
  const path = join(OUT, name);
  writeFileSync(path, zipSync(parts));
  return path;
}

/** The sample with its first sheet (说明) replaced. */
function withSheet(name: string, sheetXml: Uint8Array | string): string {
  return variant(name, (parts) => {
    parts["xl/worksheets/sheet1.xml"] =
      typeof sheetXml === "string" ? strToU8(sheetXml) : new Uint8Array(sheetXml);
  });
}

const text = (b: Uint8Array) => Buffer.from(b).toString("utf8");

/**
 * A zip (built by hand, honest sizes in its directory) whose sheet1 inflates to `megabytes` MB
 * of rows; `noise` sets how well it compresses (0: ~1000:1; larger: less).
 */
async function bomb(name: string, megabytes: number, noise: number): Promise<string> {
  const parts = unzipSync(new Uint8Array(readFileSync(GOOD)));
  const deflater = createDeflateRaw({ level: 6 });
  const chunks: Buffer[] = [];
  deflater.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => deflater.on("end", () => r()));
  const head = `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>`;
  const tail = "</sheetData></worksheet>";
  let size = 0;
  let crc = 0;
  const CRC32 = (await import("crc-32")).default;
  const write = (s: string) => {
    const b = Buffer.from(s);
    size += b.length;
    crc = CRC32.buf(b, crc);
    deflater.write(b);
  };
  write(head);
  let seed = 1;
  let r = 1;
  const target = megabytes * 1024 * 1024;
  while (size < target) {
    const rows: string[] = [];
    for (let k = 0; k < 1000; k += 1, r += 1) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const v = noise ? seed % noise : 1;
      rows.push(
        `<row r="${r % 1_000_000 || 1}"><c r="A${r % 1_000_000 || 1}"><v>${v}</v></c></row>`
      );
    }
    write(rows.join(""));
  }
  write(tail);
  deflater.end();
  await done;
  const compressed = Buffer.concat(chunks);
  // Every other part as fflate writes it; sheet1 as a stored-then-replaced entry is simplest
  // done by writing the zip by hand around the one deflated part.
  delete parts["xl/worksheets/sheet1.xml"];
  const others = zipSync(parts);
  const path = join(OUT, name);
  writeFileSync(path, handZip(others, "xl/worksheets/sheet1.xml", compressed, size, crc >>> 0));
  return path;
}

/** Append one already-deflated entry to a zip written by fflate. */
function handZip(zip: Uint8Array, name: string, data: Buffer, size: number, crc: number): Buffer {
  const z = Buffer.from(zip);
  const eocd = z.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdSize = z.readUInt32LE(eocd + 12);
  const cdOffset = z.readUInt32LE(eocd + 16);
  const count = z.readUInt16LE(eocd + 10);
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  central.writeUInt32LE(cdOffset, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(cdSize + 46 + nameBuf.length, 12);
  end.writeUInt32LE(cdOffset + 30 + nameBuf.length + data.length, 16);
  return Buffer.concat([
    z.subarray(0, cdOffset),
    local,
    nameBuf,
    data,
    z.subarray(cdOffset, cdOffset + cdSize),
    central,
    nameBuf,
    end,
  ]);
}

function rows(n: number, cell: (r: number) => string): string {
  const out: string[] = [];
  for (let r = 1; r <= n; r += 1) out.push(`<row r="${r}">${cell(r)}</row>`);
  return `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${out.join("")}</sheetData></worksheet>`;
}

/** One row of `n` cells without addresses, random values: as small a cell as XML allows. */
function tinyCells(n: number): Uint8Array {
  const head = Buffer.from(`<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row>`);
  const tail = Buffer.from("</row></sheetData></worksheet>");
  const out = Buffer.alloc(head.length + n * 17 + tail.length);
  let at = head.copy(out, 0);
  let seed = 3;
  for (let i = 0; i < n; i += 1) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    at += out.write(`<c><v>${100 + (seed % 900)}</v></c>`, at);
  }
  at += tail.copy(out, at);
  return new Uint8Array(out.subarray(0, at));
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(join(ROOT, "dist", "src", "cli", "main.js")))
    execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  let seed = 7;
  const letter = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return String.fromCharCode(97 + (seed >>> 27));
  };
  const cases: [string, () => Promise<string> | string][] = [
    ["bomb, 490 MB at about 300:1", () => bomb("bomb-300.xlsx", 490, 1000)],
    ["bomb, 500 MB at about 1000:1", () => bomb("bomb-1000.xlsx", 500, 0)],
    [
      "100,000 rows of cells without s= or t=",
      () =>
        withSheet(
          "plain.xlsx",
          rows(100_000, (r) => `<c r="A${r}"><v>${r}</v></c>`)
        ),
    ],
    [
      "a shared formula of 100,000 '['",
      () =>
        withSheet(
          "brackets.xlsx",
          rows(50, (r) =>
            r === 1
              ? `<c r="A1"><f t="shared" si="0" ref="A1:A50">${Array.from({ length: 100_000 }, () => `[${letter()}`).join("")}</f></c>`
              : `<c r="A${r}"><f t="shared" si="0"/></c>`
          )
        ),
    ],
    [
      "a row numbered 2,000,000,000",
      () =>
        withSheet(
          "far-row.xlsx",
          rows(1, () => '<c r="A1"><v>1</v></c>').replace(
            "</sheetData>",
            '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData>'
          )
        ),
    ],
    [
      "a DOCTYPE with an entity",
      () =>
        withSheet(
          "doctype.xlsx",
          `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>` +
            rows(10, (r) => `<c r="A${r}" t="inlineStr"><is><t>&b;</t></is></c>`).replace(
              /^<\?xml[^>]*\?>/,
              ""
            )
        ),
    ],
    [
      "200,000 nested elements",
      () =>
        withSheet(
          "nesting.xlsx",
          `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${"<x>".repeat(200_000)}${"</x>".repeat(200_000)}</sheetData></worksheet>`
        ),
    ],
    [
      "tiny cells past the cell limit (120 MB sheet)",
      () => withSheet("tiny.xlsx", tinyCells(7_000_000)),
    ],
    [
      "600,000 tags with a bare attribute name",
      () =>
        variant("bare-attributes.xlsx", (p) => {
          const tags = Array.from({ length: 600_000 }, (_, i) => `<x${i % 7} y${i % 5}>`).join("");
          p["xl/sharedStrings.xml"] = strToU8(
            text(p["xl/sharedStrings.xml"]).replace("</sst>", `${tags}</sst>`)
          );
        }),
    ],
    [
      "18,000 sheets on one part",
      () =>
        variant("one-part.xlsx", (p) => {
          const wb = text(p["xl/workbook.xml"]);
          const rid = /<sheet [^>]*r:id="([^"]+)"/.exec(wb)![1];
          const more = Array.from(
            { length: 18_000 },
            (_, i) => `<sheet name="X${i}" sheetId="${1000 + i}" r:id="${rid}"/>`
          ).join("");
          p["xl/workbook.xml"] = strToU8(wb.replace("</sheets>", `${more}</sheets>`));
        }),
    ],
    [
      "an 8,000-character shared formula, 60,000 cells",
      () => {
        const long = Array.from({ length: 1400 }, (_, i) => `A${(i % 900) + 1}`).join("+");
        return withSheet(
          "shared-long.xlsx",
          rows(60_000, (r) =>
            r === 1
              ? `<c r="B1"><f t="shared" si="0" ref="B1:B60000">${long}</f><v>1</v></c>`
              : `<c r="B${r}"><f t="shared" si="0"/><v>1</v></c>`
          )
        );
      },
    ],
    [
      "shared strings of 145 MB at about 80:1",
      () =>
        variant("strings-bomb.xlsx", (p) => {
          const chunk = Array.from({ length: 1000 }, (_, i) =>
            i % 3 ? "<si/>" : `<si><t>${letter()}${letter()}</t></si>`
          ).join("");
          p["xl/sharedStrings.xml"] = strToU8(
            text(p["xl/sharedStrings.xml"]).replace(
              "</sst>",
              `${chunk.repeat(Math.ceil((145 * 1024 * 1024) / chunk.length))}</sst>`
            )
          );
        }),
    ],
    [
      "a table over the whole grid (A1:XFD1048576)",
      () =>
        variant("grid-table.xlsx", (p) => {
          for (const name of Object.keys(p).filter((n) => /tables\/table\d+\.xml$/.test(n)))
            p[name] = strToU8(text(p[name]).replace(/ref="[^"]*"/, 'ref="A1:XFD1048576"'));
        }),
    ],
    [
      "2,000,000 dense cells (18 MB file)",
      () =>
        withSheet(
          "dense.xlsx",
          rows(200_000, (r) =>
            Array.from(
              { length: 10 },
              (_, c) => `<c r="${String.fromCharCode(65 + c)}${r}"><v>${(r * 7 + c) % 9973}</v></c>`
            ).join("")
          )
        ),
    ],
  ];
  console.log(
    "kind".padEnd(44),
    "peak MB".padStart(8),
    "seconds".padStart(8),
    "  result of the hostile file · the good one"
  );
  for (const [label, make] of cases) {
    const file = await make();
    const r = spawnSync(
      "/usr/bin/time",
      ["-f", "%M %e", process.execPath, BIN, "check", file, GOOD, "--format", "json"],
      {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      }
    );
    const [kb, secs] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    let verdict = "no JSON";
    try {
      const doc = JSON.parse(r.stdout) as {
        files: { error?: { en: string }; findings?: unknown[] }[];
      };
      const [bad, good] = doc.files;
      verdict = `${bad.error ? `refused: ${bad.error.en}` : `read, ${bad.findings!.length} findings`} · ${good.findings ? "checked" : "NOT checked"}`;
    } catch {
      // leave "no JSON"
    }
    console.log(
      label.padEnd(44),
      String(Math.round(kb / 1024)).padStart(8),
      secs.toFixed(1).padStart(8),
      " ",
      verdict.slice(0, 110)
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
