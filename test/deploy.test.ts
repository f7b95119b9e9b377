/**
 * Deployment (issue 11, item 10): `ADDIN_BASE_URL=https://host/path/ npm run build` writes
 * dist/web/manifest.xml with every URL under that address and the production add-in Id
 * (scripts/production-manifest.js, wired in webpack.config.js); the development manifest at the
 * root stays as it is. Both manifests are validated offline against Microsoft's published XSD
 * schemas (test/manifest-schemas/, with their licence) by xmllint, Debian's libxml2-utils.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require("../scripts/production-manifest.js") as {
  DEV_ORIGIN: string;
  PRODUCTION_ID: string;
  normalizeBaseUrl(raw: string): string;
  productionManifest(xml: string, options: { baseUrl: string; id?: string }): string;
};

const ROOT = join(__dirname, "..");
const MANIFEST = join(ROOT, "manifest.xml");
const SCHEMA = join(ROOT, "test", "manifest-schemas", "OfficeAppManifestV1_1.xsd");
const BASE = "https://fucai.shufu.example.gov.cn/addin/";
const dev = () => readFileSync(MANIFEST, "utf8");
const tmp = mkdtempSync(join(tmpdir(), "fucai-manifest-"));

/** xmllint's verdict on a manifest text: ok, and what it said. */
function validate(xml: string, name = "manifest.xml"): { ok: boolean; output: string } {
  const file = join(tmp, name);
  writeFileSync(file, xml);
  const r = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, file], {
    encoding: "utf8",
  });
  if (r.error)
    throw new Error(`xmllint is not installed (apt-get install libxml2-utils): ${r.error.message}`);
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Every URL the manifest holds: attribute values and element text that look like one. */
function urls(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  const found = [...body.matchAll(/(?:="|>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]);
  // Namespace names are names, not addresses the add-in loads.
  return found.filter(
    (u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/")
  );
}

const idOf = (xml: string) => /<Id>([^<]+)<\/Id>/.exec(xml)![1];

describe("Microsoft's manifest schemas, offline", () => {
  it("the development manifest validates", () => {
    const r = validate(dev());
    expect(r.output).toContain("validates");
    expect(r.ok).toBe(true);
  });

  it("the validator rejects what the schemas forbid (it is really checking)", () => {
    const cases: [string, string][] = [
      // An element out of the schema's order.
      [
        "order",
        dev().replace(
          /(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/,
          "$2$1"
        ),
      ],
      // An element the schema does not know.
      ["unknown", dev().replace("</Permissions>", "</Permissions><Bogus/>")],
      // A required child missing.
      ["missing", dev().replace("<FunctionName>clearMarks</FunctionName>", "")],
      // A value outside its type: the Id must be a GUID.
      ["type", dev().replace(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>")],
    ];
    for (const [label, xml] of cases) {
      expect(xml).not.toBe(dev());
      const r = validate(xml, `${label}.xml`);
      expect({ label, ok: r.ok }).toEqual({ label, ok: false });
      expect(r.output).toMatch(/Schemas validity error/);
    }
  });
});

describe("the production manifest", () => {
  const prod = () => deploy.productionManifest(dev(), { baseUrl: BASE });

  it("validates against the schemas", () => {
    const r = validate(prod(), "production.xml");
    expect(r.output).toContain("validates");
    expect(r.ok).toBe(true);
  });

  it("puts every URL under the base and none on the dev server", () => {
    const before = urls(dev());
    const after = urls(prod());
    expect(before.length).toBeGreaterThan(5);
    expect(after).toHaveLength(before.length);
    for (const url of after) expect(url.startsWith(BASE)).toBe(true);
    expect(after).toEqual(before.map((u) => u.replace(deploy.DEV_ORIGIN, BASE)));
    expect(prod()).not.toMatch(/localhost/);
    expect(after).toContain(`${BASE}taskpane.html`);
    expect(after).toContain(`${BASE}commands.html`);
  });

  it("has the production Id, not the development one, and nothing else differs", () => {
    expect(idOf(prod())).toBe(deploy.PRODUCTION_ID);
    expect(idOf(prod())).not.toBe(idOf(dev()));
    const strip = (xml: string) =>
      xml
        .replace(/<!--[\s\S]*?-->\s*/g, "")
        .replace(/<Id>[^<]+<\/Id>/, "<Id/>")
        .split(BASE)
        .join(deploy.DEV_ORIGIN);
    expect(strip(prod())).toBe(strip(dev()));
    // Another Id on request (a second deployment beside the first).
    const other = "0b9bd5a4-3f0e-4d57-9a8b-6a1c1c4fe0a1";
    expect(idOf(deploy.productionManifest(dev(), { baseUrl: BASE, id: other }))).toBe(other);
    expect(() => deploy.productionManifest(dev(), { baseUrl: BASE, id: "x" })).toThrow(/GUID/);
  });

  it("takes a base URL with or without the last slash, and a host without a path", () => {
    expect(deploy.normalizeBaseUrl("https://h.example/addin")).toBe("https://h.example/addin/");
    expect(deploy.normalizeBaseUrl("https://h.example")).toBe("https://h.example/");
    expect(deploy.normalizeBaseUrl(" https://h.example:8443/a/b/ ")).toBe(
      "https://h.example:8443/a/b/"
    );
    // An internationalized host name becomes its ASCII form; the manifest stays valid.
    const idn = deploy.productionManifest(dev(), { baseUrl: "https://民政.example/加载项/" });
    expect(validate(idn, "idn.xml").ok).toBe(true);
    expect(urls(idn)[0]).toMatch(/^https:\/\/xn--[a-z0-9-]+\.example\/%E5%8A%A0/);
  });

  it.each([
    ["http", "http://intranet.example/addin/", /https/],
    ["a relative address", "intranet.example/addin/", /absolute/],
    ["a user and password", "https://user:secret@intranet.example/", /user/],
    ["a query", "https://intranet.example/addin/?x=1", /query/],
    ["a fragment", "https://intranet.example/addin/#x", /fragment/],
    ["a quote", "https://intranet.example/a'b/", /characters/],
    ["2,100 characters", `https://intranet.example/${"a".repeat(2100)}/`, /too long/],
  ])("refuses %s", (_label, base, reason) => {
    expect(() => deploy.normalizeBaseUrl(base)).toThrow(reason);
  });
});

describe("the build's wiring (webpack.config.js)", () => {
  interface Pattern {
    from: string;
    to: string;
    transform?: (content: Buffer) => string;
  }

  function manifestPattern(env: Record<string, string | undefined>): Pattern | undefined {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    const set = (values: Record<string, string | undefined>) => {
      for (const [k, v] of Object.entries(values))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    };
    try {
      set(env);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const configs = require("../webpack.config.js")({}, { mode: "production" }) as {
        name: string;
        plugins: { patterns?: Pattern[] }[];
      }[];
      const web = configs.find((c) => c.name === "web")!;
      const copy = web.plugins.find((p) => Array.isArray(p.patterns))!;
      return copy.patterns!.find((p) => p.from === "manifest.xml");
    } finally {
      set(saved);
    }
  }

  it("ADDIN_BASE_URL makes the build write the production manifest to dist/web/manifest.xml", () => {
    const pattern = manifestPattern({ ADDIN_BASE_URL: BASE, ADDIN_ID: undefined });
    expect(pattern).toMatchObject({ from: "manifest.xml", to: "manifest.xml" });
    const written = pattern!.transform!(Buffer.from(dev()));
    expect(written).toBe(deploy.productionManifest(dev(), { baseUrl: BASE }));
    expect(validate(written, "built.xml").ok).toBe(true);
  });

  it("ADDIN_ID replaces the production Id", () => {
    const id = "0b9bd5a4-3f0e-4d57-9a8b-6a1c1c4fe0a1";
    const pattern = manifestPattern({ ADDIN_BASE_URL: BASE, ADDIN_ID: id });
    expect(idOf(pattern!.transform!(Buffer.from(dev())))).toBe(id);
  });

  it("without ADDIN_BASE_URL no manifest goes to dist/web (no localhost manifest to deploy by mistake)", () => {
    expect(manifestPattern({ ADDIN_BASE_URL: undefined })).toBeUndefined();
  });

  it("a wrong ADDIN_BASE_URL stops the build with the reason", () => {
    expect(() => manifestPattern({ ADDIN_BASE_URL: "http://intranet.example/" })).toThrow(/https/);
  });

  it("leaves the development manifest as it is", () => {
    const before = dev();
    manifestPattern({ ADDIN_BASE_URL: BASE })!.transform!(Buffer.from(before));
    expect(dev()).toBe(before);
    // The one `npm start` sideloads: every URL on the dev server, the development Id.
    expect(urls(before).every((u) => u.startsWith(deploy.DEV_ORIGIN))).toBe(true);
    expect(idOf(before)).not.toBe(deploy.PRODUCTION_ID);
  });
});
