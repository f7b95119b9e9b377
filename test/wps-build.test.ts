/**
 * `npm run build:wps`: both deployments' layouts (scripts/build-wps.js), what WPS reads in them
 * (ribbon.xml's callbacks defined by main.js, jsplugins.xml, the .7z's folder, publish.html's
 * add-in list), the scripts parsed as ES2020 (the target WPS's Chromium is built for, see
 * webpack.config.js), and Kingsoft's own `wpsjs build` run on the same files: its online layout
 * is ours.
 */
import { execFileSync, spawnSync } from "child_process";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { parse } from "acorn";
import { ROOT } from "./support/browser";
import { buildWps } from "./support/wps";

const DIST = join(ROOT, "dist", "wps");
const NAME = "fucai-compliance";
const VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

beforeAll(() => buildWps(), 660_000);

describe("npm run build:wps", () => {
  const addin = ["images/icon-32.png", "index.html", "main.js", "ribbon.xml", "taskpane.html"];

  it("writes the publish-mode folder and its publish.html", () => {
    expect(files(join(DIST, "publish", NAME))).toEqual(addin);
    const html = readFileSync(join(DIST, "publish", "publish.html"), "utf8");
    const list = /(\[\{"name":"fucai-compliance".*?\}\])/.exec(html);
    expect(JSON.parse(list![1])).toEqual([
      {
        name: NAME,
        addonType: "et",
        online: "true",
        multiUser: "false",
        url: expect.stringMatching(/^https?:\/\/.+\/$/),
      },
    ]);
    expect(html).not.toContain("test123");
    expect(html).not.toContain("PUBLISH_REPLACE_STRING");
  });

  it("writes the offline package: the .7z holding <name>_<version>/, jsplugins.xml, oem.ini lines", () => {
    const offline = join(DIST, "offline");
    expect(files(join(offline, `${NAME}_${VERSION}`))).toEqual(addin);
    const xml = readFileSync(join(offline, "jsplugins.xml"), "utf8");
    expect(xml).toMatch(
      new RegExp(
        `<jsplugin name="${NAME}" type="et" version="${VERSION.replace(/\./g, "\\.")}" url="[^"]+\\.7z"/>`
      )
    );
    expect(readFileSync(join(offline, "oem.ini.txt"), "utf8")).toMatch(
      /JsApiPlugin=true[\s\S]*JSPluginsServer=/
    );
    const zip = join(mkdtempSync(join(tmpdir(), "7za-")), "7za");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    copyFileSync(require("7zip-bin").path7za, zip);
    chmodSync(zip, 0o755);
    const listing = execFileSync(zip, ["l", "-slt", join(offline, `${NAME}.7z`)], {
      encoding: "utf8",
    });
    const paths = [...listing.matchAll(/^Path = (.+)$/gm)].map((m) => m[1]).slice(1);
    for (const f of addin) expect(paths).toContain(`${NAME}_${VERSION}/${f}`);
    rmSync(join(zip, ".."), { recursive: true, force: true });
  });

  it("names in ribbon.xml only callbacks main.js defines, and buttons for check and clear", () => {
    const ribbon = readFileSync(join(DIST, "publish", NAME, "ribbon.xml"), "utf8");
    expect(ribbon).toContain('label="合规检查"');
    expect(ribbon).toContain('label="清除标记"');
    const callbacks = new Set(
      [...ribbon.matchAll(/(?:onLoad|onAction|getImage)="(\w+)"/g)].map((m) => m[1])
    );
    const window: Record<string, unknown> = {};
    const main = readFileSync(join(DIST, "publish", NAME, "main.js"), "utf8");
    new Function("window", "document", "globalThis", main)(window, {}, window);
    for (const name of callbacks) expect(typeof window[name]).toBe("function");
    expect((window.GetImage as () => string)()).toBe("images/icon-32.png");
  });

  it("parses as ES2020: the pane, its engine and main.js", () => {
    const html = readFileSync(join(DIST, "publish", NAME, "taskpane.html"), "utf8");
    const worker = JSON.parse(
      /window\.__fucaiEngineSource=(".*?");<\/script>/s.exec(html)![1]
    ) as string;
    const page = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).pop()!;
    const main = readFileSync(join(DIST, "publish", NAME, "main.js"), "utf8");
    for (const code of [page, worker, main])
      expect(() => parse(code, { ecmaVersion: 2020, sourceType: "script" })).not.toThrow();
  });

  it("has the layout Kingsoft's wpsjs build makes of the same files (在线插件)", () => {
    const stage = mkdtempSync(join(tmpdir(), "wpsjs-"));
    try {
      cpSync(join(DIST, "publish", NAME), stage, { recursive: true });
      writeFileSync(
        join(stage, "package.json"),
        JSON.stringify({ name: NAME, version: VERSION, addonType: "et" })
      );
      // wpsjs asks online or offline in a menu: Enter takes the first, 在线插件.
      const run = spawnSync(
        process.execPath,
        [join(ROOT, "node_modules", "wpsjs", "src", "index.js"), "build"],
        {
          cwd: stage,
          input: "\n",
          encoding: "utf8",
          timeout: 60_000,
        }
      );
      expect(run.stdout).toContain("wps-addon-build");
      expect(files(join(stage, "wps-addon-build"))).toEqual(files(join(DIST, "publish", NAME)));
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  });
});
