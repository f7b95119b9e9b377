/**
 * How the bureau's summary names the files it read: by their path inside the folder they all
 * share (for one folder, the bare file names), not by the path on this computer. A long
 * absolute path says nothing to an officer and crowds every sheet that lists files.
 */
import { dirname, isAbsolute, relative, resolve } from "path";

export function fileLabels(files: readonly string[]): Map<string, string> {
  const absolute = files.map((f) => resolve(f));
  let base: string | null = absolute.length ? dirname(absolute[0]) : null;
  for (const file of absolute) {
    while (base !== null && !isInside(file, base)) {
      const up = dirname(base);
      base = up === base ? null : up; // no shared folder (Windows drives): paths as given
    }
  }
  return new Map(
    files.map((f, i) => [f, base !== null ? relative(base, absolute[i]) : f] as const)
  );
}

function isInside(file: string, dir: string): boolean {
  const r = relative(dir, file);
  return r !== "" && !r.startsWith("..") && !isAbsolute(r);
}
