/**
 * HTTPS for the webpack dev server without sudo.
 *
 * Office only loads add-ins over HTTPS. `npx office-addin-dev-certs install` creates a CA and a
 * localhost certificate in ~/.office-addin-dev-certs and trusts the CA; that is one prompt on
 * Windows and Mac but needs sudo on Linux. So:
 *
 * - when the office-addin-dev-certs files already exist (and have not expired), the dev server
 *   uses them: Excel on Windows and Mac trusts them;
 * - otherwise it uses webpack-dev-server's own self-signed certificate (generated into
 *   node_modules/.cache/webpack-dev-server/server.pem, renewed every 30 days): nothing is
 *   installed and nothing needs sudo, and a one-line note says how to trust it in the browser
 *   (Excel on the web).
 *
 * Usage in webpack.config.js (call it only when serving, so builds print nothing):
 *
 *   const { httpsServerOptions } = require("./scripts/https-options");
 *   devServer: { port: 3000, server: httpsServerOptions() }
 *
 * Plain Node, no dependencies.
 */
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

/** Where office-addin-dev-certs keeps its files (its defaults: ca.crt, localhost.crt, localhost.key). */
const DEV_CERTS_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/** The certificate files office-addin-dev-certs writes into `dir`. */
function devCertFiles(dir = DEV_CERTS_DIR) {
  return {
    ca: path.join(dir, "ca.crt"),
    cert: path.join(dir, "localhost.crt"),
    key: path.join(dir, "localhost.key"),
  };
}

/** Why a PEM certificate cannot be used at `now`, or null when it can. */
function certificateProblem(pem, now) {
  try {
    const x509 = new crypto.X509Certificate(pem);
    if (now < new Date(x509.validFrom)) return `not valid before ${x509.validFrom}`;
    if (now > new Date(x509.validTo)) return `expired on ${x509.validTo}`;
    return null;
  } catch (err) {
    return `unreadable (${err instanceof Error ? err.message : String(err)})`;
  }
}

/**
 * webpack-dev-server's `server` option: the office-addin-dev-certs certificate when it exists
 * and is valid, else webpack-dev-server's self-signed certificate.
 *
 * @param {{ certDir?: string, now?: Date, log?: (line: string) => void }} [options]
 *   certDir: where to look (default ~/.office-addin-dev-certs); now: the date to check expiry
 *   against; log: where the one-line note goes (default console.log).
 * @returns {{ type: "https", options?: { ca: Buffer, cert: Buffer, key: Buffer } }}
 */
function httpsServerOptions(options = {}) {
  const certDir = options.certDir ?? DEV_CERTS_DIR;
  const now = options.now ?? new Date();
  const log = options.log ?? ((line) => console.log(line));
  const files = devCertFiles(certDir);

  let stale = "";
  if (Object.values(files).every((f) => fs.existsSync(f))) {
    const cert = fs.readFileSync(files.cert);
    const problem = certificateProblem(cert, now);
    if (!problem) {
      log(`HTTPS: using the Office dev certificate in ${certDir}.`);
      return {
        type: "https",
        options: { ca: fs.readFileSync(files.ca), cert, key: fs.readFileSync(files.key) },
      };
    }
    stale = ` (the one in ${certDir} is ${problem}: run \`npx office-addin-dev-certs install\` again on Windows/Mac)`;
  }

  log(
    `HTTPS: self-signed certificate${stale}, not trusted by default: open ` +
      "https://localhost:3000/taskpane.html once and accept it, or import it (docs/sideload.md)."
  );
  return { type: "https" };
}

// httpsOptions: the name webpack.config.js imports.
module.exports = {
  httpsServerOptions,
  httpsOptions: httpsServerOptions,
  devCertFiles,
  DEV_CERTS_DIR,
};
