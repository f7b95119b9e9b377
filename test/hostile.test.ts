/**
 * What an attack on the CLI found (issue 12), each class beside a good workbook in the same
 * command: every byte of the report through a pipe; option values checked; linear scans;
 * findings that stand when the annotated copy cannot be made; one copy per input; no temp file
 * to redirect; no terminal escapes printed; UTF-16 parts and a sheet called __proto__ read;
 * our own summaries skipped in a folder; __proto__ as a rule set unknown.
 */
import { execFileSync, spawnSync } from "child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { strFromU8, strToU8, zipSync } from "fflate";
import {
  BIN,
  ROOT,
  SAMPLE,
  STACK_LINE,
  buildCli,
  fucai,
  parseJson,
  sha256,
  type JsonFile,
} from "./support/cli";
import { sampleParts } from "./support/bad-files";

let tmp: string;
beforeAll(() => {
  buildCli();
  tmp = mkdtempSync(join(tmpdir(), "fucai-hostile-"));
}, 180_000);

const rel = (p: string) => p.replace(`${ROOT}/`, "");
const isReport = (f: JsonFile) => "findings" in f;

/** The part holding a sheet, found through the workbook's relationships. */
function sheetPart(parts: Record<string, Uint8Array>, name: string): string {
  const wb = strFromU8(parts["xl/workbook.xml"]);
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]);
  const target =
    new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return `xl/${target.replace(/^\/?xl\//, "")}`;
}

function variant(name: string, change: (parts: Record<string, Uint8Array>) => void): string {
  const parts = sampleParts(SAMPLE.compliant);
  change(parts);
  const path = join(tmp, name);
  writeFileSync(path, zipSync(parts));
  return path;
}

describe("output", () => {
  it("reaches a pipe whole: twelve workbooks' JSON is one document", () => {
    const files = Array.from({ length: 12 }, (_, i) => {
      const p = join(tmp, `copy-${i}.xlsx`);
      copyFileSync([SAMPLE.budget, SAMPLE.drift, SAMPLE.staff][i % 3], p);
      return p;
    });
    // Through a shell pipe into another program, as a user's script would.
    const r = spawnSync(
      "sh",
      ["-c", `node "${BIN}" check "$@" --format json | cat`, "sh", ...files],
      {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: "1" },
      }
    );
    expect(r.stdout.length).toBeGreaterThan(120_000);
    const doc = parseJson(r.stdout);
    expect(doc.files).toHaveLength(12);
    expect(doc.files.every(isReport)).toBe(true);
  }, 90_000);

  it("prints no control characters from a workbook: no escape reaches the terminal", () => {
    const esc = variant("escapes.xlsx", (parts) => {
      const ss = strFromU8(parts["xl/sharedStrings.xml"]);
      // 社区活动 as an activity type becomes a title-setting and screen-clearing escape.
      parts["xl/sharedStrings.xml"] = strToU8(
        ss.replace(">社区活动<", ">&#x1b;]0;pwned&#x7;&#x1b;[2J社区活动&#x1b;[31m<")
      );
    });
    const r = fucai(["check", esc]);
    // The escape sequences are gone, with what they carried; the text around them stays.
    expect(r.stdout).toContain("「社区活动」");
    expect(r.stdout).not.toContain("pwned");
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  }, 30_000);

  it("prints no control characters from file names, in any command or message", () => {
    const E = "\u001b]0;pwned\u0007\u001b[2J\u001b[31m";
    const dir = join(tmp, `names${E}`);
    mkdirSync(join(dir, `empty${E}`), { recursive: true });
    copyFileSync(SAMPLE.compliant, join(dir, `early${E}.xlsx`));
    copyFileSync(SAMPLE.compliant, join(dir, `late${E}.xlsx`));
    writeFileSync(join(dir, `bad${E}.xlsx`), "not a zip");
    const runs = [
      // the same reporting date: told which file counts as later, by name
      fucai(["diff", join(dir, `early${E}.xlsx`), join(dir, `late${E}.xlsx`), "--lang", "en"]),
      // an unreadable file in a summary, and where the summary went
      fucai(["summary", dir, "-o", join(dir, `sum${E}.xlsx`)]),
      // our own summary skipped, with a note naming it; an empty folder named
      fucai(["check", dir]),
      fucai(["check", join(dir, `empty${E}`)]),
    ];
    for (const r of runs) {
      // eslint-disable-next-line no-control-regex
      expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(r.stdout + r.stderr).not.toContain("pwned");
    }
  }, 60_000);
});

describe("option values", () => {
  it.each([
    [["-j", "abc"], /-j/],
    [["-j", "0"], /-j/],
    [["-j", "1.5"], /-j/],
    [["--as-of", "2024-02-30"], /--as-of/],
  ])("%j exits 2 with a message and checks nothing", (args, pattern) => {
    const r = fucai(["check", rel(SAMPLE.compliant), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe("");
    const s = fucai(["summary", rel(SAMPLE.compliant), "-o", join(tmp, "s.xlsx"), ...args]);
    expect(s.code).toBe(2);
    expect(existsSync(join(tmp, "s.xlsx"))).toBe(false);
  });

  it("says argument errors in English alone with --lang en", () => {
    const r = fucai(["check", rel(SAMPLE.compliant), "-j", "abc", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/-j "abc" is not valid/);
    expect(r.stderr).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuses a rule set path that is a folder or a pipe without opening it, and an empty --annotate", () => {
    const folder = join(tmp, "folder.json");
    mkdirSync(folder, { recursive: true });
    const pipe = join(tmp, "pipe.json");
    execFileSync("mkfifo", [pipe]);
    for (const spec of [folder, pipe]) {
      const r = fucai(["check", rel(SAMPLE.compliant), "--ruleset", spec, "--lang", "en"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`Rule set "${spec}" is not a file.\n`);
    }
    const a = fucai(["check", rel(SAMPLE.compliant), "--annotate", ""]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("--annotate 需要一个文件或文件夹路径");
    expect(a.stdout).toBe("");
  });

  it("passes over an empty folder among other inputs, saying so, and checks the rest", () => {
    const emptyFolder = join(tmp, "nothing-here");
    mkdirSync(emptyFolder, { recursive: true });
    const r = fucai(["check", emptyFolder, rel(SAMPLE.compliant), "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`Skipped folder ${emptyFolder}: it holds no .xlsx workbook.\n`);
    expect(r.stdout).toContain(rel(SAMPLE.compliant));
    // Alone, it is an argument error.
    const alone = fucai(["check", emptyFolder]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("中没有 .xlsx 工作簿");
  });

  it("knows __proto__ and toString are no rule set of ours", () => {
    for (const name of ["__proto__", "toString", "constructor"]) {
      const r = fucai(["check", rel(SAMPLE.compliant), "--ruleset", name]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`未知的规则集「${name}」`);
    }
  });
});

describe("scans linear in the input", () => {
  it("reads 100,000 rows of cells without s= or t= in seconds", () => {
    const plain = variant("plain-cells.xlsx", (parts) => {
      const part = sheetPart(parts, "说明");
      const rows: string[] = [];
      for (let r = 1; r <= 100_000; r += 1)
        rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
      parts[part] = strToU8(
        `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`
      );
    });
    const t0 = Date.now();
    const r = fucai(["check", plain, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(20_000); // quadratic took 49 s
  }, 60_000);

  it("shifts a shared formula of 100,000 '[' per child cell in no time", () => {
    const brackets = variant("brackets.xlsx", (parts) => {
      const part = sheetPart(parts, "说明");
      // "[" and a letter, 100,000 times: too varied to be refused as a zip bomb.
      let seed = 1;
      const f = Array.from({ length: 100_000 }, () => {
        seed = (seed * 1103515245 + 12345) >>> 0;
        return `[${String.fromCharCode(97 + (seed >>> 27))}`;
      }).join("");
      const cells = [`<c r="A1"><f t="shared" si="0" ref="A1:A50">${f}</f><v>1</v></c>`];
      for (let r = 2; r <= 50; r += 1)
        cells.push(`<c r="A${r}"><f t="shared" si="0"/><v>1</v></c>`);
      parts[part] = strToU8(
        `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join("")}</sheetData></worksheet>`
      );
    });
    const t0 = Date.now();
    const r = fucai(["check", brackets, SAMPLE.compliant, "--format", "json"]);
    expect(Date.now() - t0).toBeLessThan(20_000); // 15 s a child cell before
    expect(parseJson(r.stdout).files.every(isReport)).toBe(true);
  }, 60_000);

  it("refuses a row numbered beyond Excel's grid at once, and checks the other file", () => {
    const far = variant("far-row.xlsx", (parts) => {
      const part = sheetPart(parts, "说明");
      parts[part] = strToU8(
        strFromU8(parts[part]).replace(
          "</sheetData>",
          '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData>'
        )
      );
    });
    const t0 = Date.now();
    const r = fucai(["check", far, rel(SAMPLE.compliant), "--annotate", join(tmp, "far-out")]);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.code).toBe(2);
    expect(r.all).toMatch(/超出 Excel 的行列范围/);
    expect(existsSync(join(tmp, "far-out", "01-wupaer-final-compliant.annotated.xlsx"))).toBe(true);
  }, 60_000);
});

describe("--annotate", () => {
  it("keeps the check when the copy cannot be made, and names the output, not the input", () => {
    const doctype = variant("doctype.xlsx", (parts) => {
      const part = sheetPart(parts, "说明");
      const xml = strFromU8(parts[part]).replace(
        /^<\?xml[^>]*\?>/,
        '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x "y">]>'
      );
      parts[part] = strToU8(xml);
    });
    const readOnly = join(tmp, "read-only");
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    const r = fucai([
      "check",
      doctype,
      rel(SAMPLE.budget),
      "--annotate",
      readOnly,
      "--format",
      "json",
    ]);
    const doc = parseJson(r.stdout);
    expect(doc.files.every(isReport)).toBe(true); // the findings stand
    const budget = doc.files[1] as JsonFile & { annotateError?: { zh: string } };
    if (process.getuid?.() !== 0) {
      // (root may write anywhere: only an ordinary user sees the permission refused)
      expect(budget.annotateError?.zh).toContain(
        join(readOnly, "03-tokezhake-budget-ledger.annotated.xlsx")
      );
      expect(budget.annotateError?.zh).toContain("没有写入该位置的权限");
    }
    expect(r.all).not.toContain("没有读取该文件的权限");
    expect(r.all).not.toMatch(STACK_LINE);
    chmodSync(readOnly, 0o755);
  }, 60_000);

  it("writes one copy per input when two inputs share a name", () => {
    const [d1, d2, out] = ["d1", "d2", "copies"].map((d) => join(tmp, d));
    for (const d of [d1, d2]) mkdirSync(d);
    copyFileSync(SAMPLE.compliant, join(d1, "a.xlsx"));
    copyFileSync(SAMPLE.budget, join(d2, "a.xlsx"));
    const r = fucai(["check", join(d1, "a.xlsx"), join(d2, "a.xlsx"), "--annotate", out]);
    expect(r.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(["a (2).annotated.xlsx", "a.annotated.xlsx"]);
    expect(r.stdout).toContain(join(out, "a (2).annotated.xlsx"));
  }, 60_000);

  it("leaves no temporary file behind and never writes through a link to an input", () => {
    const out = join(tmp, "linked");
    mkdirSync(out);
    const input = join(tmp, "input.xlsx");
    copyFileSync(SAMPLE.compliant, input);
    const before = sha256(input);
    // The copy's own name made a link to the input: replaced, not written through.
    symlinkSync(input, join(out, "input.annotated.xlsx"));
    fucai(["check", input, rel(SAMPLE.budget), "--annotate", out]);
    expect(sha256(input)).toBe(before);
    expect(readdirSync(out).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  }, 60_000);
});

describe("parts and names as the standard allows", () => {
  it("reads a workbook whose parts are UTF-16, as LibreOffice does", () => {
    const utf16 = variant("utf16.xlsx", (parts) => {
      for (const name of ["xl/sharedStrings.xml", "xl/workbook.xml"]) {
        const xml = strFromU8(parts[name]).replace(
          /^<\?xml[^>]*\?>/,
          '<?xml version="1.0" encoding="UTF-16"?>'
        );
        parts[name] = new Uint8Array(
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")])
        );
      }
    });
    const r = fucai(["check", utf16, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(parseJson(r.stdout).files[0]).toMatchObject({ findings: [] });
  });

  it("reads a sheet called __proto__ like any other", () => {
    const proto = variant("proto.xlsx", (parts) => {
      parts["xl/workbook.xml"] = strToU8(
        strFromU8(parts["xl/workbook.xml"]).replace('name="说明"', 'name="__proto__"')
      );
    });
    const r = fucai(["check", proto, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(parseJson(r.stdout).files[0]).toMatchObject({ findings: [] });
  });
});

describe("a folder holding our own summary", () => {
  it("skips it, says so, and checks the project workbooks", () => {
    const dir = join(tmp, "submissions");
    mkdirSync(dir);
    copyFileSync(SAMPLE.compliant, join(dir, "01.xlsx"));
    copyFileSync(SAMPLE.behind, join(dir, "02.xlsx"));
    expect(fucai(["summary", dir, "-o", join(dir, "汇总.xlsx")]).code).toBe(0);
    const r = fucai(["check", dir, "--format", "json"]);
    expect(
      parseJson(r.stdout)
        .files.map((f) => f.file)
        .sort()
    ).toEqual([join(dir, "01.xlsx"), join(dir, "02.xlsx")].sort());
    expect(r.stderr).toContain(`已跳过 ${join(dir, "汇总.xlsx")}：这是本工具写出的汇总工作簿`);
    const again = fucai(["summary", dir, "-o", join(dir, "汇总.xlsx")]);
    expect(again.code).toBe(0);
  }, 60_000);
});
