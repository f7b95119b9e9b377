// The task pane (Excel add-in and standalone page: one React app), the ribbon commands and
// the engine's Web Worker. Office.js is not bundled: the page loads it from Microsoft's CDN.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { httpsOptions } = require("./scripts/https-options.js");

module.exports = (env, options) => {
  const dev = options.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/ui/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist", "web"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // No Node built-ins in the browser: the engine and readers do not need them.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: "tsconfig.json",
              compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/ui/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/ui/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/ui/help/help.html",
        chunks: [],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: true },
          { from: "manifest.xml", to: "manifest.xml", noErrorOnMissing: true },
          { from: "workbooks/template.xlsx", to: "template.xlsx" },
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
};
