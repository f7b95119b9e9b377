/**
 * What the ribbon's function file needs of ES2015+ in Internet Explorer 11 and Edge Legacy:
 * core-js's stable ECMAScript polyfills (Promise, Map, Set, Symbol, Array.from, Object.assign,
 * String.prototype.startsWith, ...), each used only where the engine lacks it. The whole ES set,
 * not a hand-picked list, so that a later change to the clearing code cannot slip in a method IE11
 * lacks; test/legacy.test.ts runs the bundle with every such built-in removed.
 */
import "core-js/es";

/**
 * String.prototype.normalize: IE11 has none and core-js does not provide it (its README lists
 * it among the missing polyfills: the Unicode tables are too large). The engine's sheet-name
 * tables call normalize("NFKC") as they load, so without it the function file would stop there
 * (test/legacy.test.ts found exactly that). Clearing marks goes by sheet ids and addresses and
 * never compares normalized names; this fallback applies the NFKC mappings Chinese input
 * produces (full-width ASCII U+FF01-U+FF5E and the ideographic space U+3000) and leaves every
 * other character as it is. Only where the engine has no normalize of its own.
 */
if (typeof String.prototype.normalize !== "function") {
  Object.defineProperty(String.prototype, "normalize", {
    configurable: true,
    writable: true,
    value: function normalize(this: string, form?: string): string {
      const text = String(this);
      if (form !== "NFKC" && form !== "NFKD") return text;
      return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
        c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0)
      );
    },
  });
}
