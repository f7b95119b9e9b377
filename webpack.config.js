// Three builds. "web" (dist/web): the task pane (taskpane.html inside Excel, index.html as the
// browser page: one React app) and the engine's Web Worker; Office.js is not bundled, taskpane.html
// references it on Microsoft's CDN. "commands" (dist/web too): the ribbon's function file, in ES5
// with polyfills so that it runs in Internet Explorer 11 and Edge Legacy (src/commands/commands.ts).
// "standalone": the standalone page as one self-contained file, dist/standalone/fucai.html, that
// works opened from disk and offline (see SingleFilePlugin).
// ADDIN_BASE_URL=https://host/path/ adds dist/web/manifest.xml, the production manifest with every
// URL under that address (scripts/production-manifest.js, docs/deploy.md).
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { httpsOptions } = require("./scripts/https-options.js");
const {
  PRODUCTION_ID,
  normalizeBaseUrl,
  productionManifest,
} = require("./scripts/production-manifest.js");

/** The pages' start-up script (ES5), inline in taskpane.html and index.html. */
const BOOT = path.resolve(__dirname, "src", "ui", "legacy", "boot.js");
/** Files the "commands" build writes into dist/web; each build cleans only its own. */
const COMMANDS_FILE = /^commands[.-]/;

const resolve = {
  extensions: [".ts", ".tsx", ".js"],
  // No Node built-ins in the browser: the engine and readers do not need them.
  fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false },
};

/** The sample workbook inline (a data: URL) and the help page as text: the page carries both. */
const ASSETS = [
  { test: /\.xlsx$/, type: "asset/inline" },
  { resourceQuery: /raw/, type: "asset/source" },
];

function typescript(dev, compilerOptions = {}) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        transpileOnly: true,
        configFile: "tsconfig.json",
        compilerOptions: {
          module: "esnext",
          moduleResolution: "bundler",
          sourceMap: dev,
          ...compilerOptions,
        },
      },
    },
  };
}

/**
 * Writes one HTML file holding everything the page runs: the page's script, and the worker's
 * script as a string (engine-client.ts starts the worker from a Blob URL of it: Chromium refuses
 * `new Worker("file:///…")` from a page opened from disk). The licence comments Terser extracted
 * go back into the scripts they came from; the scripts themselves are then not emitted. Any other
 * asset (a lazy chunk, an image) fails the build: from disk it could not be fetched.
 */
class SingleFilePlugin {
  constructor({ filename, template, page, worker, favicon }) {
    Object.assign(this, { filename, template, page, worker, favicon });
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("SingleFilePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "SingleFilePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        () => {
          compilation.fileDependencies.add(this.template);
          compilation.fileDependencies.add(this.favicon);
          const used = new Set();
          const script = (entry) => {
            const files = [...compilation.entrypoints.get(entry).getFiles()];
            const js = files.filter((f) => f.endsWith(".js"));
            if (js.length !== 1 || files.length !== 1)
              throw new WebpackError(`single file: entry ${entry} made ${files.join(", ")}`);
            used.add(js[0]);
            const licence = compilation.getAsset(`${js[0]}.LICENSE.txt`);
            if (licence) used.add(licence.name);
            return compilation
              .getAsset(js[0])
              .source.source()
              .toString()
              .replace(/^\/\*! For license information please see \S+ \*\/\n?/, () =>
                licence ? `${licence.source.source().toString().trim()}\n` : ""
              );
          };
          // Inline <script>: "</script", "<script" and "<!--" would end or confuse it. In a
          // minified bundle they occur only in strings, regular expressions and comments, where
          // \x3C is the same "<".
          const inline = (js) => js.replace(/<(\/?script|!--)/gi, (_, rest) => `\\x3C${rest}`);
          const page = inline(script(this.page));
          // The worker's script as one JSON string: every "<" in it is inside the string.
          const worker = JSON.stringify(script(this.worker)).replace(/</g, "\\u003c");
          const leftover = compilation
            .getAssets()
            .map((a) => a.name)
            .filter((n) => !used.has(n));
          if (leftover.length)
            compilation.errors.push(
              new WebpackError(
                `single file: ${leftover.join(", ")} would have to be fetched; bundle or inline it`
              )
            );
          const favicon = `data:image/png;base64,${fs.readFileSync(this.favicon).toString("base64")}`;
          const scripts =
            `<script>window.__fucaiEngineSource=${worker};</script>\n` + `<script>${page}</script>`;
          const html = fs
            .readFileSync(this.template, "utf8")
            .replace("<%= favicon %>", () => favicon)
            .replace("<%= scripts %>", () => scripts);
          for (const name of used) compilation.deleteAsset(name);
          // Marked minimized: the scripts are already, and the HTML minimizer would redo them.
          compilation.emitAsset(this.filename, new sources.RawSource(html), { minimized: true });
        }
      );
    });
  }
}

/** dist/standalone/fucai.html: the standalone page and its worker, lazy parts included, one file. */
function singleFile(dev) {
  return {
    name: "standalone",
    devtool: false,
    entry: {
      fucai: "./src/ui/standalone/index.tsx",
      "fucai-engine": "./src/ui/worker/engine.worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist", "standalone"),
      filename: "[name].js",
      publicPath: "",
      clean: true,
    },
    resolve,
    module: {
      // import() (HyperFormula's and ExcelJS's parts) bundled in place: no chunk to fetch.
      parser: { javascript: { dynamicImportMode: "eager" } },
      rules: [typescript(dev), ...ASSETS],
    },
    plugins: [
      new webpack.DefinePlugin({ __FUCAI_SINGLE_FILE__: "true" }),
      new SingleFilePlugin({
        filename: "fucai.html",
        template: path.resolve(__dirname, "src", "ui", "standalone", "fucai.html"),
        page: "fucai",
        worker: "fucai-engine",
        favicon: path.resolve(__dirname, "assets", "icon-32.png"),
      }),
    ],
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
  };
}

/** taskpane.html (with Office.js) or index.html (without): the boot script inline, no injection. */
function pane(filename, officeJs) {
  return new HtmlWebpackPlugin({
    filename,
    template: "./src/ui/taskpane/taskpane.html",
    chunks: ["taskpane"],
    inject: false,
    templateParameters: (compilation, assets, assetTags, options) => {
      compilation.fileDependencies.add(BOOT);
      const boot = fs.readFileSync(BOOT, "utf8");
      if (/<\/?script|<!--/i.test(boot))
        throw new Error("boot.js must not contain <script or <!--");
      return {
        compilation,
        webpackConfig: compilation.options,
        htmlWebpackPlugin: { tags: assetTags, files: assets, options },
        officeJs,
        boot,
      };
    },
  });
}

/**
 * The production manifest, when ADDIN_BASE_URL names where dist/web will be served; without it
 * no manifest is copied (the development manifest stays at the root, for the dev server).
 */
function manifestPatterns(env) {
  if (!env.ADDIN_BASE_URL) return [];
  const baseUrl = normalizeBaseUrl(env.ADDIN_BASE_URL);
  const id = env.ADDIN_ID || PRODUCTION_ID;
  return [
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => productionManifest(content.toString("utf8"), { baseUrl, id }),
    },
  ];
}

/**
 * dist/web/commands.html and its script, the ribbon's function file: ES5 (TypeScript's output
 * and webpack's runtime) with core-js's polyfills, so that 清除标记 runs in Internet Explorer 11
 * and Edge Legacy; test/legacy.test.ts parses it as ES5 and runs it without ES2015 built-ins.
 * Beside it the two static pages its dialog shows.
 */
function commands(dev) {
  return {
    name: "commands",
    target: ["web", "es5"],
    devtool: dev ? "source-map" : false,
    entry: { commands: "./src/commands/commands.ts" },
    output: {
      path: path.resolve(__dirname, "dist", "web"),
      filename: "[name].[contenthash:8].js",
      // Cleans only its own files: the "web" build writes the rest of dist/web.
      clean: { keep: (file) => !COMMANDS_FILE.test(file) },
    },
    resolve,
    module: {
      // TypeScript down to ES5 (for...of over Map and Set needs downlevelIteration); core-js is
      // ES5 already.
      rules: [typescript(dev, { target: "ES5", downlevelIteration: true })],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      ...["commands-unsupported.html", "commands-failed.html"].map(
        (filename) =>
          new HtmlWebpackPlugin({ filename, template: `./src/commands/${filename}`, chunks: [] })
      ),
    ],
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
  };
}

/**
 * The WPS 加载项 (`webpack --env wps`, run by `npm run build:wps`; scripts/build-wps.js then
 * packages dist/wps/addin for both deployments, docs/wps.md). The pane is one file like the
 * standalone page (SingleFilePlugin: no chunk or worker file to fetch, so it also runs when WPS
 * loads the add-in from the local jsaddons folder); main.js holds the ribbon's functions.
 * Both are transpiled to ES2020: Kingsoft documents no Chromium version for add-ins, and its
 * own wpsjs 2.2.3 templates build with Vite 5's default target (es2020, chrome87).
 */
const WPS_DIR = path.resolve(__dirname, "dist", "wps", "addin");
const WPS_TS = { target: "ES2020" };
// Vite 5's default build.target, minus the browsers WPS is not: es2020 and chrome87.
const WPS_TARGET = ["es2020", "chrome87"];

/**
 * Our TypeScript goes to ES2020 through ts-loader; the libraries' own newer syntax (Fluent UI's
 * tabster writes `??=`) is lowered to the same target by esbuild, on each script before
 * minification (test/wps-build.test.ts parses the scripts as ES2020).
 */
class LowerSyntaxPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LowerSyntaxPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "LowerSyntaxPlugin",
          stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY,
        },
        (assets) => {
          const esbuild = require("esbuild");
          for (const name of Object.keys(assets).filter((n) => n.endsWith(".js"))) {
            const code = compilation.getAsset(name).source.source().toString();
            const out = esbuild.transformSync(code, {
              loader: "js",
              target: WPS_TARGET,
              legalComments: "inline",
            });
            compilation.updateAsset(name, new sources.RawSource(out.code));
          }
        }
      );
    });
  }
}

function wps(dev) {
  const common = {
    devtool: false,
    target: ["web", "es2020"],
    resolve,
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
  };
  return [
    {
      ...common,
      name: "wps-pane",
      entry: {
        "wps-pane": "./src/ui/wps/index.tsx",
        "wps-engine": "./src/ui/worker/engine.worker.ts",
      },
      output: { path: WPS_DIR, filename: "[name].js", publicPath: "", clean: false },
      module: {
        parser: { javascript: { dynamicImportMode: "eager" } },
        rules: [typescript(dev, WPS_TS), ...ASSETS],
      },
      plugins: [
        new webpack.DefinePlugin({ __FUCAI_SINGLE_FILE__: "true" }),
        new LowerSyntaxPlugin(),
        new SingleFilePlugin({
          filename: "taskpane.html",
          template: path.resolve(__dirname, "src", "ui", "wps", "taskpane.html"),
          page: "wps-pane",
          worker: "wps-engine",
          favicon: path.resolve(__dirname, "assets", "icon-32.png"),
        }),
      ],
    },
    {
      ...common,
      name: "wps-ribbon",
      entry: { main: "./src/ui/wps/ribbon.ts" },
      output: { path: WPS_DIR, filename: "[name].js", clean: false },
      module: { rules: [typescript(dev, WPS_TS)] },
      plugins: [
        new LowerSyntaxPlugin(),
        new CopyWebpackPlugin({
          patterns: [
            { from: "src/ui/wps/ribbon.xml", to: "ribbon.xml" },
            { from: "src/ui/wps/index.html", to: "index.html" },
            { from: "assets/icon-32.png", to: "images/icon-32.png" },
          ],
        }),
      ],
    },
  ];
}

module.exports = (env, options) => {
  const dev = options.mode !== "production";
  const web = {
    name: "web",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/ui/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist", "web"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: { keep: COMMANDS_FILE },
    },
    resolve,
    module: { rules: [typescript(dev), ...ASSETS] },
    plugins: [
      new webpack.DefinePlugin({ __FUCAI_SINGLE_FILE__: "false" }),
      // The pane in Excel (Office.js in <head>) and the same pane as a browser page (never
      // loads Office.js: standalone at once). Both start through the inline ES5 boot script,
      // which loads the pane's bundle, named here at build time, only in an engine that runs it.
      pane("taskpane.html", true),
      pane("index.html", false),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/ui/help/help.html",
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: true },
          { from: "workbooks/template.xlsx", to: "template.xlsx" },
          ...manifestPatterns(process.env),
        ],
      }),
    ],
    optimization: {
      // Name the two large libraries' chunks: both load only when a check or a download needs them.
      splitChunks: {
        cacheGroups: {
          hyperformula: {
            test: /[\\/]node_modules[\\/](hyperformula|chevrotain|regexp-to-ast|tiny-emitter)[\\/]/,
            name: "hyperformula",
            chunks: "async",
            enforce: true,
          },
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist", "web") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.PORT) || 3000,
      server: dev ? httpsOptions() : undefined,
    },
  };
  if (env.wps) return wps(dev);
  // The dev server serves the pane and the commands; builds make the single file too.
  return env.WEBPACK_SERVE ? [web, commands(dev)] : [web, commands(dev), singleFile(dev)];
};
