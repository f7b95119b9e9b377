/**
 * What the pane's code and libraries call that Chromium 87 lacks. Kingsoft documents no
 * Chromium version for WPS 加载项; its own wpsjs 2.2.3 templates build with Vite 5's default
 * target (es2020, chrome87), so we transpile to ES2020 (webpack.config.js) and polyfill the
 * few later built-ins in use (test/wps-build.test.ts scans the bundle for them).
 */
import "core-js/actual/array/at";
import "core-js/actual/array/find-last";
import "core-js/actual/array/find-last-index";
import "core-js/actual/object/has-own";
import "core-js/actual/string/at";
import "core-js/actual/string/replace-all";
import "core-js/actual/structured-clone";
