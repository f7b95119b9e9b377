// The production manifest: manifest.xml (the development manifest, every URL on the webpack dev
// server https://localhost:3000) with every URL under the address the add-in is deployed at, and
// the production add-in Id. `ADDIN_BASE_URL=https://host/path/ npm run build` writes it to
// dist/web/manifest.xml (webpack.config.js); docs/deploy.md says how a bureau deploys it;
// test/deploy.test.ts validates it against Microsoft's manifest schemas.
//
// The URL replacement is what Microsoft's project template does in its webpack config
// (urlDev -> urlProd over manifest*.xml). Plain Node, no dependencies.
"use strict";

/** Where the development manifest points. */
const DEV_ORIGIN = "https://localhost:3000/";

/**
 * The production add-in's Id. Office knows an add-in by its Id: a developer's sideloaded
 * development manifest and the bureau's deployed add-in must not share one, or one replaces the
 * other. Every deployment shares this Id, so a workbook passed between offices keeps what the
 * add-in stored in it (settings are kept per add-in Id). ADDIN_ID overrides it, for a second
 * deployment beside the first in one organisation (a trial copy).
 */
const PRODUCTION_ID = "174ecb16-e804-4d42-accf-12c292734a95";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Office's limit for a URL in the manifest (bt:URL, 2048 characters); the longest path we add.
const URL_MAX = 2048;
const LONGEST_PATH = "assets/icon-128.png".length;

/**
 * The base URL as the manifest will use it: absolute https, ending in "/", with no user, query
 * or fragment, and nothing that would need escaping in XML. Throws a message that says why not.
 */
function normalizeBaseUrl(raw) {
  const text = String(raw ?? "").trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_BASE_URL 不是完整的网址 · is not an absolute URL: "${text}"`);
  }
  if (url.protocol !== "https:")
    throw new Error(
      `ADDIN_BASE_URL 必须是 https:// 地址（Office 只通过 HTTPS 载入加载项）· must be https:// (Office loads add-ins over HTTPS only): "${text}"`
    );
  if (url.username || url.password || url.search || url.hash)
    throw new Error(
      `ADDIN_BASE_URL 不能带用户名、查询参数或 # · must have no user, query or fragment: "${text}"`
    );
  let base = url.href;
  if (!base.endsWith("/")) base += "/";
  if (/["'<>&\s]/.test(base))
    throw new Error(
      `ADDIN_BASE_URL 含有不能用在清单里的字符 · has characters a manifest cannot hold: "${text}"`
    );
  if (base.length + LONGEST_PATH > URL_MAX)
    throw new Error(`ADDIN_BASE_URL 太长 · is too long (${base.length} characters)`);
  return base;
}

/**
 * manifest.xml's text for a deployment at `baseUrl` (normalized first) with add-in Id `id`.
 * Every https://localhost:3000/ becomes the base, the Id is replaced, and the development
 * manifest's opening comment gives way to one saying where this file comes from.
 */
function productionManifest(xml, { baseUrl, id = PRODUCTION_ID }) {
  const base = normalizeBaseUrl(baseUrl);
  if (!GUID.test(id)) throw new Error(`ADDIN_ID 不是 GUID · is not a GUID: "${id}"`);
  const ids = xml.match(/<Id>[^<]*<\/Id>/g) || [];
  if (ids.length !== 1) throw new Error(`manifest.xml has ${ids.length} <Id> elements`);
  const declaration = /^<\?xml[^>]*\?>\s*/.exec(xml);
  if (!declaration) throw new Error("manifest.xml does not start with an XML declaration");
  let body = xml.slice(declaration[0].length);
  // The development manifest's opening comment speaks of the dev server.
  body = body.replace(/^<!--[\s\S]*?-->\s*/, "");
  const count = body.split(DEV_ORIGIN).length - 1;
  if (!count) throw new Error(`manifest.xml has no ${DEV_ORIGIN} URL to replace`);
  body = body
    .split(DEV_ORIGIN)
    .join(base)
    .replace(/<Id>[^<]*<\/Id>/, `<Id>${id}</Id>`);
  if (body.includes("localhost:3000"))
    throw new Error(
      "manifest.xml has a dev-server address that is not under https://localhost:3000/"
    );
  const note =
    "<!--\n" +
    "  Production manifest, written by `ADDIN_BASE_URL=... npm run build` from manifest.xml:\n" +
    "  every URL is under that address, and the Id is the production add-in's (the development\n" +
    "  manifest has its own). Do not edit: change manifest.xml and build again (docs/deploy.md).\n" +
    "-->\n";
  return declaration[0].trimEnd() + "\n" + note + body;
}

module.exports = { DEV_ORIGIN, PRODUCTION_ID, normalizeBaseUrl, productionManifest };
