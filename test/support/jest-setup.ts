/** jsdom lacks a few things every browser the pane runs in has. */
import { TextDecoder, TextEncoder } from "util";

const g = globalThis as Record<string, unknown>;
if (typeof g.TextDecoder === "undefined") g.TextDecoder = TextDecoder;
if (typeof g.TextEncoder === "undefined") g.TextEncoder = TextEncoder;
if (typeof window !== "undefined" && !window.matchMedia) {
  window.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}
if (typeof Element !== "undefined" && !Element.prototype.scrollIntoView)
  Element.prototype.scrollIntoView = () => undefined;
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as Record<string, unknown>).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
