/**
 * Old Office webviews (issue 11, item 3). Perpetual Office 2016/2019 show add-ins in Internet
 * Explorer 11 (Trident) or Edge Legacy (EdgeHTML); neither can be run here, so what must run there
 * is proved mechanically on what the build emits:
 *
 * - the pages' start-up script (inline in taskpane.html and index.html) and the ribbon's function
 *   file (commands.<hash>.js) parse with acorn at ecmaVersion 5, which refuses any later syntax;
 * - the start-up script names no global, method or property that IE11 lacks (a deny list of
 *   ES2015+ built-ins and DOM APIs IE11 does not have);
 * - its syntax probe is exactly as new as the newest syntax in the pane's own bundles;
 * - the function file runs, in a sandbox from which every ES2015+ built-in IE11 lacks has been
 *   removed (Promise, Map, Set, Symbol, Array.from, Object.assign, String.prototype.startsWith,
 *   ...), against the fake Excel: 清除标记 restores a workbook marked by the pane's own code,
 *   completes quickly, and, where this Excel cannot clear (below ExcelApi 1.9) or clearing fails,
 *   shows its dialog and completes when the dialog is closed.
 *
 * What only real Office can confirm: that Office 2016/2019's Trident and EdgeHTML accept these
 * files as the parser and the sandbox do (test/browser/legacy.test.ts shows the message in
 * Chromium with their user agents).
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import vm from "vm";
import * as acorn from "acorn";
import type { Finding } from "../src/engine/findings";
import { applyMarks } from "../src/hosts/excel/marks";
import { NOTE_HEADER } from "../src/hosts/excel/marks-plan";
import { FakeExcel } from "../src/hosts/excel/testing/fake-excel";
import { compliantFixture, toModel } from "../src/hosts/excel/testing/fixtures";
import { buildWeb, ROOT } from "./support/browser";

const WEB = join(ROOT, "dist", "web");
const BOOT_SOURCE = join(ROOT, "src", "ui", "legacy", "boot.js");

function webFile(pattern: RegExp): string {
  const found = readdirSync(WEB).filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`dist/web: ${found.length} files match ${pattern}`);
  return join(WEB, found[0]);
}

/** The inline start-up script of a built page. */
function bootOf(page: string): { main: string; code: string } {
  const html = readFileSync(join(WEB, page), "utf8");
  const m = /<script id="?fucai-boot"? data-main="?([^">]*)"?>([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error(`${page}: no start-up script`);
  return { main: m[1], code: m[2] };
}

function parse(code: string, ecmaVersion: acorn.ecmaVersion): acorn.Program {
  return acorn.parse(code, { ecmaVersion, sourceType: "script" });
}

function parsesAs(code: string, ecmaVersion: acorn.ecmaVersion): boolean {
  try {
    parse(code, ecmaVersion);
    return true;
  } catch {
    return false;
  }
}

const YEARS: acorn.ecmaVersion[] = [5, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
/** The first ECMAScript edition acorn accepts the code as. */
function edition(code: string): acorn.ecmaVersion {
  const found = YEARS.find((y) => parsesAs(code, y));
  if (!found) throw new Error("parses as no edition up to 2024");
  return found;
}

beforeAll(() => buildWeb(), 360_000);

describe("ES5 only where IE11 runs it", () => {
  it("the parser refuses what IE11 cannot parse (the check has teeth)", () => {
    for (const modern of ["a?.b", "a ?? b", "let a = 1", "() => 1", "`x`", "class A {}", "[...a]"])
      expect({ modern, es5: parsesAs(modern, 5) }).toEqual({ modern, es5: false });
  });

  it.each(["taskpane.html", "index.html"])("%s: the start-up script is ES5", (page) => {
    const { code } = bootOf(page);
    expect(code.length).toBeGreaterThan(500);
    expect(() => parse(code, 5)).not.toThrow();
  });

  it("the start-up script's source is ES5 too", () => {
    expect(() => parse(readFileSync(BOOT_SOURCE, "utf8"), 5)).not.toThrow();
  });

  it("the ribbon's function file (commands.js, core-js included) is ES5", () => {
    const code = readFileSync(webFile(/^commands\.[0-9a-f]{8}\.js$/), "utf8");
    expect(() => parse(code, 5)).not.toThrow();
    // commands.html loads it after Office.js, and nothing else.
    const html = readFileSync(join(WEB, "commands.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      expect.stringMatching(/^commands\.[0-9a-f]{8}\.js$/),
    ]);
  });

  it("the dialogs of 清除标记 are static pages without script", () => {
    for (const page of ["commands-unsupported.html", "commands-failed.html"]) {
      const html = readFileSync(join(WEB, page), "utf8");
      expect(html).not.toMatch(/<script/i);
      expect(html).toMatch(/[\u4e00-\u9fff]/);
      expect(html).toMatch(/Clear marks/);
    }
  });
});

/** Globals and members IE11 does not have (ES2015+ built-ins and newer DOM APIs). */
const IE11_LACKS_GLOBALS = [
  "Promise",
  "Symbol",
  "Proxy",
  "Reflect",
  "WeakSet",
  "WeakRef",
  "globalThis",
  "fetch",
  "URLSearchParams",
  "URL",
  "TextEncoder",
  "TextDecoder",
  "queueMicrotask",
  "structuredClone",
  "AbortController",
  "IntersectionObserver",
  "ResizeObserver",
  "customElements",
  "BigInt",
  "requestIdleCallback",
  "AggregateError",
  "FinalizationRegistry",
];
const IE11_LACKS_MEMBERS = [
  // Array, Object, String, Number, Math
  "from",
  "of",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "fill",
  "includes",
  "flat",
  "flatMap",
  "at",
  "copyWithin",
  "entries",
  "values",
  "assign",
  "fromEntries",
  "is",
  "getOwnPropertyDescriptors",
  "hasOwn",
  "startsWith",
  "endsWith",
  "repeat",
  "padStart",
  "padEnd",
  "trimStart",
  "trimEnd",
  "replaceAll",
  "matchAll",
  "codePointAt",
  "normalize",
  "fromCodePoint",
  "raw",
  "isNaN",
  "isFinite",
  "isInteger",
  "isSafeInteger",
  "EPSILON",
  "trunc",
  "sign",
  "cbrt",
  "log2",
  "log10",
  "hypot",
  // DOM that IE11 lacks
  "append",
  "prepend",
  "remove",
  "replaceWith",
  "before",
  "after",
  "closest",
  "matches",
  "toggleAttribute",
  "currentScript",
  "isConnected",
  "replaceChildren",
  "dataset",
];

/** Identifiers read as globals and member names used, from an ES5 program. */
function usedNames(program: acorn.Program): { globals: Set<string>; members: Set<string> } {
  const globals = new Set<string>();
  const members = new Set<string>();
  const declared = new Set<string>();
  const visit = (node: unknown, parent: unknown) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, parent);
      return;
    }
    const n = node as { type?: string; [key: string]: unknown };
    if (n.type === "VariableDeclarator" || n.type === "FunctionDeclaration")
      declared.add((n.id as { name: string }).name);
    if (n.type === "FunctionDeclaration" || n.type === "FunctionExpression")
      for (const p of n.params as { name: string }[]) declared.add(p.name);
    if (n.type === "CatchClause" && n.param) declared.add((n.param as { name: string }).name);
    if (n.type === "MemberExpression") {
      const property = n.property as { type: string; name?: string; value?: unknown };
      if (!n.computed && property.type === "Identifier") members.add(property.name!);
      if (n.computed && property.type === "Literal") members.add(String(property.value));
      // window.X and self.X read globals too.
      const object = n.object as { type: string; name?: string };
      if (object.type === "Identifier" && object.name === "window" && !n.computed)
        globals.add(property.name!);
      visit(n.object, n);
      if (n.computed) visit(n.property, n);
      return;
    }
    if (n.type === "Property") {
      // An object literal's keys are not reads.
      visit(n.value, n);
      return;
    }
    if (n.type === "Identifier") globals.add(n.name as string);
    for (const [key, value] of Object.entries(n))
      if (key !== "type" && key !== "start" && key !== "end") visit(value, n);
  };
  visit(program, null);
  for (const d of declared) globals.delete(d);
  return { globals, members };
}

describe("the start-up script uses nothing IE11 lacks", () => {
  it.each(["taskpane.html", "index.html"])("%s", (page) => {
    const { globals, members } = usedNames(parse(bootOf(page).code, 5));
    expect(globals.has("document")).toBe(true); // the walk sees reads
    expect([...globals].filter((g) => IE11_LACKS_GLOBALS.includes(g))).toEqual([]);
    expect([...members].filter((m) => IE11_LACKS_MEMBERS.includes(m))).toEqual([]);
  });

  it("the deny list catches what it should (a control)", () => {
    const { globals, members } = usedNames(
      parse("var a = [1].includes(1); new Promise(function () {}); Object.assign({}, {});", 5)
    );
    expect(globals.has("Promise")).toBe(true);
    expect(members.has("includes")).toBe(true);
    expect(members.has("assign")).toBe(true);
  });

  it("never reads the page's address to choose what to load", () => {
    const source = readFileSync(BOOT_SOURCE, "utf8");
    expect(source).not.toMatch(/location\.(search|hash)|URLSearchParams/);
    // The scripts it starts come from data-main, written by the build: the pane's bundle.
    for (const page of ["taskpane.html", "index.html"])
      expect(bootOf(page).main).toMatch(/^taskpane\.[0-9a-f]{8}\.js$/);
  });

  it("probes for exactly the newest syntax the pane's bundles use", () => {
    const bundles = readdirSync(WEB).filter((f) => f.endsWith(".js") && !f.startsWith("commands."));
    expect(bundles.length).toBeGreaterThan(3);
    const newest = Math.max(
      ...bundles.map((f) => Number(edition(readFileSync(join(WEB, f), "utf8"))))
    );
    const probe = /var PROBE = "([^"]+)"/.exec(readFileSync(BOOT_SOURCE, "utf8"))![1];
    expect(Number(edition(probe))).toBe(newest);
    // And the built page carries that probe.
    expect(bootOf("taskpane.html").code).toContain(probe);
  });
});

// ---- the function file in an engine with nothing newer than ES5 ------------------------------

/** Removes, inside a vm context, every ES2015+ built-in that Internet Explorer 11 lacks. */
const STRIP_TO_ES5 = `
(function (g) {
  var iterator = g.Symbol.iterator, unscopables = g.Symbol.unscopables;
  [g.Array.prototype, g.String.prototype].forEach(function (p) { delete p[iterator]; });
  delete g.Array.prototype[unscopables];
  ${JSON.stringify(IE11_LACKS_GLOBALS)}.concat(["Map", "Set", "WeakMap", "SharedArrayBuffer",
    "Atomics", "BigInt64Array", "BigUint64Array", "Iterator"]).forEach(function (k) { delete g[k]; });
  var members = {
    Array: ["from", "of"],
    "Array.prototype": ["find", "findIndex", "findLast", "findLastIndex", "fill", "includes",
      "flat", "flatMap", "at", "copyWithin", "entries", "keys", "values", "toSorted",
      "toReversed", "toSpliced", "with"],
    Object: ["assign", "entries", "values", "fromEntries", "getOwnPropertyDescriptors", "is",
      "getOwnPropertySymbols", "hasOwn", "groupBy"],
    String: ["fromCodePoint", "raw"],
    "String.prototype": ["startsWith", "endsWith", "includes", "repeat", "padStart", "padEnd",
      "trimStart", "trimEnd", "replaceAll", "at", "codePointAt", "normalize", "matchAll",
      "isWellFormed", "toWellFormed"],
    Number: ["isNaN", "isFinite", "isInteger", "isSafeInteger", "parseFloat", "parseInt",
      "EPSILON", "MAX_SAFE_INTEGER", "MIN_SAFE_INTEGER"],
    Math: ["trunc", "sign", "cbrt", "log2", "log10", "log1p", "expm1", "hypot", "clz32", "imul",
      "fround", "cosh", "sinh", "tanh", "acosh", "asinh", "atanh"]
  };
  Object.keys(members).forEach(function (path) {
    var target = path.split(".").reduce(function (o, k) { return o[k]; }, g);
    members[path].forEach(function (k) { delete target[k]; });
  });
})(this);
`;

const LEDGER = "支出台账";

function findings(): Finding[] {
  const f = (cell: string, severity: Finding["severity"]): Finding => ({
    rule: "LED-AMOUNT",
    severity,
    sheet: LEDGER,
    cell,
    message: { zh: `金额有误 ${cell}`, en: `Bad amount ${cell}` },
  });
  return [f("F2", "error"), f("F3", "warning"), f("F4", "info"), f("A8:G8", "warning")];
}

interface Dialog {
  url: string;
  close(): void;
}

interface Loaded {
  /** What the bundle wrote to console.error. */
  errors: unknown[][];
  command: (event: { completed(): void }) => void;
  global: unknown;
  dialogs: Dialog[];
  sandbox: vm.Context;
}

/** The built function file, run in a stripped sandbox with Office and Excel over the fake. */
function loadCommands(
  fake: FakeExcel,
  options: { dialogs?: boolean; failRun?: boolean } = {}
): Loaded {
  const code = readFileSync(webFile(/^commands\.[0-9a-f]{8}\.js$/), "utf8");
  const registered: Record<string, Loaded["command"]> = {};
  const dialogs: Dialog[] = [];
  const errors: unknown[][] = [];
  const office = {
    onReady: (cb?: (info: unknown) => void) => {
      cb?.({ host: "Excel", platform: "PC" });
    },
    actions: {
      associate: (name: string, fn: Loaded["command"]) => {
        registered[name] = fn;
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogEventReceived: "dialogEventReceived" },
    context: {
      requirements: { isSetSupported: (n: string, v: string) => fake.host.isSetSupported(n, v) },
      ui:
        options.dialogs === false
          ? undefined
          : {
              displayDialogAsync: (
                url: string,
                _options: unknown,
                callback: (r: { status: string; value: unknown }) => void
              ) => {
                const handlers: (() => void)[] = [];
                dialogs.push({ url, close: () => handlers.forEach((h) => h()) });
                setTimeout(() =>
                  callback({
                    status: "succeeded",
                    value: { addEventHandler: (_t: string, h: () => void) => handlers.push(h) },
                  })
                );
              },
            },
    },
  };
  // Excel.run(batch), Excel.run(options or context, batch): the batch comes last.
  const excel = {
    run: (...args: unknown[]) =>
      options.failRun
        ? Promise.reject(new Error("InvalidOperationInCellEditMode"))
        : fake.host.run(args[args.length - 1] as (c: Excel.RequestContext) => Promise<unknown>),
  };
  const sandbox = vm.createContext({
    console: {
      error: (...a: unknown[]) => errors.push(a),
      log: () => undefined,
      warn: () => undefined,
    },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    setImmediate,
    location: { href: "https://fucai.example.gov.cn/addin/commands.html?_host_Info=Excel#x" },
    navigator: {
      userAgent: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
    },
    Office: office,
    Excel: excel,
  });
  vm.runInContext("var window = this, self = this;", sandbox);
  vm.runInContext(STRIP_TO_ES5, sandbox);
  // The strip worked: what the bundle gets is core-js's, not V8's.
  expect(
    vm.runInContext("typeof Promise + typeof Map + typeof Symbol + typeof [].includes", sandbox)
  ).toBe("undefinedundefinedundefinedundefined");
  vm.runInContext(code, sandbox, { filename: "commands.js" });
  shareIterator(sandbox);
  return {
    errors,
    command: registered.clearMarks,
    global: vm.runInContext("window.clearMarks", sandbox),
    dialogs,
    sandbox,
  };
}

/**
 * In IE11, Office.js and the function file share one realm: the arrays Office.js hands over are
 * IE11's own, which core-js has made iterable. Here the fake's arrays come from the test's realm,
 * whose Array.prototype does not carry the key core-js's Symbol polyfill uses for
 * Symbol.iterator (a string, since there is no native Symbol). Give them that one key, pointing
 * at their own values(); nothing else is added, so a method the sandbox lacks stays missing.
 */
const sharedKeys: string[] = [];
function shareIterator(sandbox: vm.Context): void {
  // core-js hides its symbol keys from getOwnPropertyNames; String(Symbol.iterator) is the key.
  const key = vm.runInContext("String(Symbol.iterator)", sandbox) as string;
  expect(key).toMatch(/^Symbol\(Symbol\.iterator\)_/);
  Object.defineProperty(Array.prototype, key, {
    value: Array.prototype.values,
    configurable: true,
    writable: true,
  });
  sharedKeys.push(key);
}

afterEach(() => {
  for (const key of sharedKeys.splice(0))
    delete (Array.prototype as unknown as Record<string, unknown>)[key];
});

/** Runs the command; resolves when it calls event.completed(), with how long that took. */
function invoke(loaded: Loaded, timeoutMs = 5000): Promise<{ ms: number; completions: number }> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    let completions = 0;
    const timer = setTimeout(() => reject(new Error("event.completed() never called")), timeoutMs);
    loaded.command({
      completed: () => {
        completions += 1;
        clearTimeout(timer);
        // Later calls would show up as a second completion.
        setTimeout(() => resolve({ ms: Date.now() - t0, completions }), 50);
      },
    });
  });
}

const annotations = (fake: FakeExcel) =>
  JSON.stringify([
    fake.doc.notes.map((n) => [n.sheet.name, n.row, n.col, n.content]),
    fake.doc.comments.map((n) => [n.sheet.name, n.row, n.col, n.content]),
  ]);

describe("清除标记 in an ES5 engine (the built function file, IE11's built-ins only)", () => {
  it("core-js fills in what the bundle needs, and the command registers both ways", () => {
    const loaded = loadCommands(FakeExcel.fromModel(toModel(compliantFixture())));
    expect(typeof loaded.command).toBe("function");
    // Office 2016/2019 call a global function named as the manifest's FunctionName.
    expect(loaded.global).toBe(loaded.command);
    expect(vm.runInContext("typeof Promise + typeof Map + typeof Symbol", loaded.sandbox)).toBe(
      "functionfunctionfunction"
    );
  });

  it.each(["1.18", "1.10", "1.9"])(
    "restores a workbook marked by the pane's code (ExcelApi %s) and completes at once",
    async (apiVersion) => {
      const fake = FakeExcel.fromModel(toModel(compliantFixture()), { apiVersion });
      const before = fake.doc.snapshot();
      const notesBefore = annotations(fake);
      const marked = await applyMarks(fake.host, findings(), "zh");
      expect(marked.cells).toBeGreaterThan(0);
      expect(fake.doc.snapshot()).not.toEqual(before);
      // Notes from 1.18, comments from 1.10, fills only at 1.9.
      if (apiVersion !== "1.9") expect(annotations(fake)).toContain(NOTE_HEADER.slice(0, 4));

      const loaded = loadCommands(fake);
      const { ms, completions } = await invoke(loaded).catch((e) => {
        throw new Error(`${e.message}: ${String(loaded.errors)}`);
      });
      expect(loaded.errors).toEqual([]);
      expect(completions).toBe(1);
      expect(ms).toBeLessThan(2000);
      expect(loaded.dialogs).toEqual([]);
      expect(fake.doc.snapshot()).toEqual(before);
      expect(annotations(fake)).toBe(notesBefore);
      expect(annotations(fake)).not.toContain(NOTE_HEADER);
    },
    30_000
  );

  it("below ExcelApi 1.9 (volume-licensed Office 2019) says it cannot, and completes when the dialog closes", async () => {
    const fake = FakeExcel.fromModel(toModel(compliantFixture()), { apiVersion: "1.8" });
    const before = fake.doc.snapshot();
    const loaded = loadCommands(fake);
    const done = invoke(loaded);
    await new Promise((r) => setTimeout(r, 300));
    expect(loaded.dialogs.map((d) => d.url)).toEqual([
      "https://fucai.example.gov.cn/addin/commands-unsupported.html",
    ]);
    loaded.dialogs[0].close();
    const { ms, completions } = await done;
    expect(completions).toBe(1);
    expect(ms).toBeLessThan(2000);
    expect(fake.doc.snapshot()).toEqual(before);
  });

  it("when clearing fails, says so in a dialog, and completes when it closes", async () => {
    const fake = FakeExcel.fromModel(toModel(compliantFixture()));
    const loaded = loadCommands(fake, { failRun: true });
    const done = invoke(loaded);
    await new Promise((r) => setTimeout(r, 300));
    expect(loaded.dialogs.map((d) => d.url)).toEqual([
      "https://fucai.example.gov.cn/addin/commands-failed.html",
    ]);
    loaded.dialogs[0].close();
    expect((await done).completions).toBe(1);
  });

  it("completes at once when no dialog can be shown", async () => {
    const fake = FakeExcel.fromModel(toModel(compliantFixture()), { apiVersion: "1.8" });
    const loaded = loadCommands(fake, { dialogs: false });
    const { ms, completions } = await invoke(loaded);
    expect(completions).toBe(1);
    expect(ms).toBeLessThan(1000);
  });
});
