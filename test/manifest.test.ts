/**
 * manifest.xml, checked offline. Microsoft's validator (`office-addin-manifest validate`, and its
 * validateManifest()) posts the file to a web service, so it is not called here; this test
 * covers what can be known without the network: well-formed XML in the documented element
 * order, an Excel task pane add-in with ReadWriteDocument and ExcelApi 1.7, zh-CN strings with
 * en-US overrides inside Office's length limits, every resource id defined once and used,
 * icons that exist in assets/ at the size their names say, the two Home-tab buttons, and every
 * URL on the one dev-server origin. Validation against Microsoft's XSD schemas, offline with
 * xmllint, is in test/deploy.test.ts, with the production manifest's.
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";
import { inflateSync } from "zlib";

// xml2js ships without type declarations (it comes with office-addin-manifest); this is the one
// call used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js = require("xml2js") as {
  parseStringPromise(xml: string, options: Record<string, unknown>): Promise<unknown>;
};

const ROOT = join(__dirname, "..");
const MANIFEST = join(ROOT, "manifest.xml");
const ORIGIN = "https://localhost:3000";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
};
// Office's limits: bt:ShortString 125 characters, bt:LongString 250, resource ids 32.
const SHORT_MAX = 125;
const LONG_MAX = 250;
const RESID_MAX = 32;

/** One element: name as written (with its prefix), attributes, children in order, text. */
interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

interface RawEl {
  "#name": string;
  $?: Record<string, string>;
  $$?: RawEl[];
  _?: string;
}

function toEl(raw: RawEl): El {
  return {
    name: raw["#name"],
    attrs: raw.$ ?? {},
    children: (raw.$$ ?? []).map(toEl),
    text: (raw._ ?? "").trim(),
  };
}

function kids(el: El, name: string): El[] {
  return el.children.filter((c) => c.name === name);
}

/** The one child called `name`; fails the test when there is none or several. */
function one(el: El, name: string): El {
  const found = kids(el, name);
  if (found.length !== 1) throw new Error(`<${el.name}> has ${found.length} <${name}>, expected 1`);
  return found[0];
}

function* walk(el: El): Generator<El> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** Where an element's children must appear in this order (the XSD sequences we use). */
const SEQUENCES: Record<string, string[]> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "AllowSnapshot",
    "Dictionary",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "WebApplicationInfo",
    "EquivalentAddins",
  ],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["Label", "Icon", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Resources: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
  DefaultSettings: ["SourceLocation", "RequestedWidth", "RequestedHeight"],
};

/** Which resource list a resid must come from, by the element that uses it. */
function residKind(el: El, parent: El): string {
  if (el.name === "bt:Image") return "bt:Images";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(el.name)) return "bt:Urls";
  if (el.name === "Description") return "bt:LongStrings";
  if (el.name === "Label" || el.name === "Title") return "bt:ShortStrings";
  throw new Error(`resid on unexpected element <${el.name}> in <${parent.name}>`);
}

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  pixels: Buffer;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Reads a PNG's chunks, checking the signature and every CRC, and inflates its IDAT data. */
function readPng(file: string): Png {
  const buf = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature)) throw new Error(`${file}: not a PNG`);
  let pos = 8;
  const chunks: { type: string; data: Buffer }[] = [];
  while (pos < buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + length);
    if (crc32(buf.subarray(pos + 4, pos + 8 + length)) !== buf.readUInt32BE(pos + 8 + length))
      throw new Error(`${file}: bad CRC in ${type}`);
    chunks.push({ type, data });
    pos += 12 + length;
  }
  if (chunks[0]?.type !== "IHDR" || chunks[chunks.length - 1]?.type !== "IEND")
    throw new Error(`${file}: IHDR must come first and IEND last`);
  const ihdr = chunks[0].data;
  const idat = Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data));
  return {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8],
    colourType: ihdr[9],
    pixels: inflateSync(idat),
  };
}

/** The file a dev-server URL serves: webpack copies assets/ to the output's assets/. */
function assetFile(url: string): string {
  return join(ROOT, decodeURIComponent(new URL(url).pathname));
}

let xmlText: string;
let app: El;
let overrides: El;
let resources: El;
/** Resource id -> the resource list that defines it (bt:Images, bt:Urls, ...). */
const defined = new Map<string, { kind: string; el: El }>();
/** Resource ids defined more than once. */
const definedTwice: string[] = [];

function resource(resid: string): El {
  const found = defined.get(resid);
  if (!found) throw new Error(`resid ${resid} is not defined`);
  return found.el;
}

function enUs(el: El): string | undefined {
  const name = el.name.startsWith("bt:") ? "bt:Override" : "Override";
  return kids(el, name).find((o) => o.attrs.Locale === "en-US")?.attrs.Value;
}

beforeAll(async () => {
  xmlText = readFileSync(MANIFEST, "utf8");
  const parsed = (await xml2js.parseStringPromise(xmlText, {
    explicitChildren: true,
    preserveChildrenOrder: true,
  })) as Record<string, RawEl>;
  app = toEl(parsed.OfficeApp);
  overrides = one(app, "VersionOverrides");
  resources = one(overrides, "Resources");
  for (const list of resources.children)
    for (const item of list.children) {
      if (defined.has(item.attrs.id)) definedTwice.push(item.attrs.id);
      else defined.set(item.attrs.id, { kind: list.name, el: item });
    }
});

describe("manifest.xml", () => {
  it("is well-formed UTF-8 XML with the add-in only manifest's namespaces", () => {
    expect(readFileSync(MANIFEST).subarray(0, 5).toString("latin1")).toBe("<?xml"); // no BOM
    expect(xmlText).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"/);
    expect(app.name).toBe("OfficeApp");
    expect(app.attrs).toMatchObject({
      xmlns: NS.app,
      "xmlns:bt": NS.bt,
      "xmlns:xsi": NS.xsi,
      "xsi:type": "TaskPaneApp",
    });
    expect(overrides.attrs).toMatchObject({
      xmlns: NS.overrides,
      "xsi:type": "VersionOverridesV1_0",
    });
    // xml2js keeps the first of two equal attributes silently; look at the raw tags.
    for (const tag of xmlText.matchAll(/<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*\/?>/g)) {
      const names = [...tag[2].matchAll(/([\w:.-]+)=/g)].map((m) => m[1]);
      expect({ tag: tag[1], duplicates: names.filter((n, i) => names.indexOf(n) !== i) }).toEqual({
        tag: tag[1],
        duplicates: [],
      });
    }
  });

  it("keeps the element order of the manifest schemas", () => {
    const problems: string[] = [];
    for (const el of walk(app)) {
      const sequence = SEQUENCES[el.name];
      if (!sequence) continue;
      let last = -1;
      for (const child of el.children) {
        const at = sequence.indexOf(child.name);
        if (at < 0) problems.push(`<${child.name}> is not expected in <${el.name}>`);
        else if (at < last) problems.push(`<${child.name}> comes too late in <${el.name}>`);
        else last = at;
      }
    }
    expect(problems).toEqual([]);
  });

  it("has a GUID id, a four-part version, a provider and a zh-CN default locale", () => {
    expect(one(app, "Id").text).toMatch(GUID);
    expect(one(app, "Version").text).toBe("1.0.0.0");
    const provider = one(app, "ProviderName").text;
    expect(provider.length).toBeGreaterThan(0);
    expect(provider.length).toBeLessThanOrEqual(SHORT_MAX);
    expect(one(app, "DefaultLocale").text).toBe("zh-CN");
  });

  it("names and describes the add-in in Chinese with English overrides", () => {
    const name = one(app, "DisplayName");
    expect(name.attrs.DefaultValue).toBe("福彩项目合规助手");
    expect(enUs(name)).toBe("Fucai Compliance");
    const description = one(app, "Description");
    expect(description.attrs.DefaultValue).toMatch(/疏附县/);
    expect(enUs(description)).toMatch(/Shufu County/);
    for (const value of [name.attrs.DefaultValue, enUs(name) ?? ""])
      expect(value.length).toBeLessThanOrEqual(SHORT_MAX);
    for (const value of [description.attrs.DefaultValue, enUs(description) ?? ""])
      expect(value.length).toBeLessThanOrEqual(LONG_MAX);
  });

  it("is an Excel task pane add-in that may read and write the workbook and needs ExcelApi 1.7", () => {
    expect(kids(one(app, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(one(app, "Permissions").text).toBe("ReadWriteDocument");
    const sets = one(one(app, "Requirements"), "Sets");
    expect(kids(sets, "Set").map((s) => s.attrs)).toEqual([
      { Name: "ExcelApi", MinVersion: "1.7" },
    ]);
    const voHosts = kids(one(overrides, "Hosts"), "Host");
    expect(voHosts.map((h) => h.attrs["xsi:type"])).toEqual(["Workbook"]);
  });

  it("opens taskpane.html and runs functions from commands.html on the same https origin", () => {
    const pane = one(one(app, "DefaultSettings"), "SourceLocation").attrs.DefaultValue;
    expect(pane).toBe(`${ORIGIN}/taskpane.html`);
    const desktop = one(one(one(overrides, "Hosts"), "Host"), "DesktopFormFactor");
    const functionFile = resource(one(desktop, "FunctionFile").attrs.resid).attrs.DefaultValue;
    expect(functionFile).toBe(`${ORIGIN}/commands.html`);
    expect(new URL(functionFile).origin).toBe(new URL(pane).origin);
    // Every URL in the file, overrides included, is https on the dev server's origin.
    const urls: string[] = [];
    for (const el of walk(app)) {
      if (/Url$|SourceLocation|^bt:(Url|Image)$/.test(el.name) && el.attrs.DefaultValue)
        urls.push(el.attrs.DefaultValue, ...el.children.map((o) => o.attrs.Value ?? ""));
      if (el.name === "AppDomain") urls.push(el.text);
    }
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(new URL(url).origin).toBe(ORIGIN);
  });

  it("puts 合规检查 (ShowTaskpane) and 清除标记 (ExecuteFunction clearMarks) on the Home tab", () => {
    const desktop = one(one(one(overrides, "Hosts"), "Host"), "DesktopFormFactor");
    const point = one(desktop, "ExtensionPoint");
    expect(point.attrs["xsi:type"]).toBe("PrimaryCommandSurface");
    const tab = one(point, "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const group = one(tab, "Group");
    const buttons = kids(group, "Control");
    expect(buttons.map((b) => b.attrs["xsi:type"])).toEqual(["Button", "Button"]);
    const [check, clear] = buttons;
    const label = (button: El) => resource(one(button, "Label").attrs.resid);

    expect(label(check).attrs.DefaultValue).toBe("合规检查");
    expect(enUs(label(check))).toBe("Check compliance");
    const show = one(check, "Action");
    expect(show.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(one(show, "TaskpaneId").text.length).toBeGreaterThan(0);
    expect(resource(one(show, "SourceLocation").attrs.resid).attrs.DefaultValue).toBe(
      `${ORIGIN}/taskpane.html`
    );

    expect(label(clear).attrs.DefaultValue).toBe("清除标记");
    expect(enUs(label(clear))).toBe("Clear marks");
    const run = one(clear, "Action");
    expect(run.attrs["xsi:type"]).toBe("ExecuteFunction");
    expect(one(run, "FunctionName").text).toBe("clearMarks");
  });

  it("gives groups and controls unique ids", () => {
    const ids = [...walk(overrides)]
      .filter((el) => el.name === "Group" || el.name === "Control")
      .map((el) => el.attrs.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][\w.]{0,124}$/);
  });

  it("defines every resource once with a short id, uses each, and resolves every resid to its kind", () => {
    const used = new Set<string>();
    const problems: string[] = [];
    const visit = (el: El, parent: El) => {
      if (el.attrs.resid !== undefined) {
        const resid = el.attrs.resid;
        used.add(resid);
        const found = defined.get(resid);
        const kind = residKind(el, parent);
        if (!found) problems.push(`${resid} (on <${el.name}>) is not defined`);
        else if (found.kind !== kind) problems.push(`${resid} is in ${found.kind}, not ${kind}`);
      }
      for (const c of el.children) visit(c, el);
    };
    visit(app, app);
    expect(problems).toEqual([]);
    expect(definedTwice).toEqual([]);
    for (const id of defined.keys()) {
      expect(id.length).toBeLessThanOrEqual(RESID_MAX);
      expect(id).toMatch(/^[A-Za-z][\w.]*$/);
    }
    expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("has an en-US override for every string, each within Office's length limits", () => {
    for (const [list, max] of [
      ["bt:ShortStrings", SHORT_MAX],
      ["bt:LongStrings", LONG_MAX],
    ] as const) {
      const strings = kids(one(resources, list), "bt:String");
      expect(strings.length).toBeGreaterThan(0);
      for (const s of strings) {
        const overridesOfString = kids(s, "bt:Override");
        expect({ id: s.attrs.id, locales: overridesOfString.map((o) => o.attrs.Locale) }).toEqual({
          id: s.attrs.id,
          locales: ["en-US"],
        });
        for (const value of [s.attrs.DefaultValue, enUs(s) ?? ""]) {
          expect(value.trim().length).toBeGreaterThan(0);
          expect(value.length).toBeLessThanOrEqual(max);
        }
        // The Chinese default and the English override differ (the default is not English).
        expect(s.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
        expect(enUs(s)).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it("references icons in assets/ at the sizes their names and the manifest say", () => {
    const iconUrl = one(app, "IconUrl").attrs.DefaultValue;
    const highRes = one(app, "HighResolutionIconUrl").attrs.DefaultValue;
    // Task pane add-ins: IconUrl 32 x 32, HighResolutionIconUrl 64 x 64.
    expect(iconUrl).toBe(`${ORIGIN}/assets/icon-32.png`);
    expect(highRes).toBe(`${ORIGIN}/assets/icon-64.png`);
    const images: { url: string; size?: number }[] = [{ url: iconUrl }, { url: highRes }];
    for (const el of walk(overrides)) {
      if (el.name === "bt:Image" && el.attrs.resid) {
        const url = resource(el.attrs.resid).attrs.DefaultValue;
        images.push({ url, size: Number(el.attrs.size) });
      }
    }
    for (const el of walk(resources))
      if (el.name === "bt:Image") images.push({ url: el.attrs.DefaultValue });
    for (const { url, size } of images) {
      const file = assetFile(url);
      expect(existsSync(file)).toBe(true);
      const named = Number(/icon-(\d+)\.png$/.exec(file)?.[1]);
      const png = readPng(file);
      expect({ url, width: png.width, height: png.height }).toEqual({
        url,
        width: named,
        height: named,
      });
      if (size !== undefined) expect({ url, size }).toEqual({ url, size: named });
    }
    // Every ribbon icon offers the three sizes Office requires.
    for (const el of walk(overrides))
      if (el.name === "Icon")
        expect(kids(el, "bt:Image").map((i) => i.attrs.size)).toEqual(["16", "32", "80"]);
  });

  it("ships the PNGs scripts/make-icons.js draws, each a valid RGBA image", () => {
    const files = readdirSync(join(ROOT, "assets")).filter((f) => f.endsWith(".png"));
    expect(files.sort()).toEqual(
      ["icon-128.png", "icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"].sort()
    );
    for (const f of files) {
      const png = readPng(join(ROOT, "assets", f));
      expect([png.bitDepth, png.colourType]).toEqual([8, 6]);
      // One filter byte per row, four bytes per pixel.
      expect(png.pixels.length).toBe(png.height * (1 + 4 * png.width));
    }
    // --check exits 1 (and execFileSync throws) if a file differs from what the script draws.
    execFileSync(process.execPath, [join(ROOT, "scripts", "make-icons.js"), "--check"], {
      stdio: "pipe",
    });
  });
});
