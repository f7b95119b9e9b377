/** Several submissions of one project (same ProjectCode): the one with the later AsOfDate counts. */
import type { FileRef } from "../../findings";
import type { NameKey } from "../../contract/tables";
import type { ProjectFacts } from "../types";
import { compact } from "../../util/text";

export interface Submissions {
  counted: ProjectFacts[];
  setAside: { dropped: ProjectFacts; kept: ProjectFacts }[];
}

export function countedProjects(projects: readonly ProjectFacts[]): Submissions {
  const byCode = new Map<string, ProjectFacts>();
  const setAside: Submissions["setAside"] = [];
  const counted: ProjectFacts[] = [];
  for (const p of projects) {
    if (!p.code) {
      counted.push(p);
      continue;
    }
    const key = compact(p.code).toUpperCase();
    const prev = byCode.get(key);
    if (!prev) {
      byCode.set(key, p);
      continue;
    }
    const [kept, dropped] = p.asOf > prev.asOf ? [p, prev] : [prev, p];
    byCode.set(key, kept);
    setAside.push({ kept, dropped });
  }
  counted.push(...byCode.values());
  return { counted, setAside };
}

export function refTo(p: ProjectFacts, name: NameKey): FileRef {
  const at = p.cells[name];
  return at ? { file: p.file, sheet: at.sheet, cell: at.cell } : { file: p.file };
}

export function label(p: ProjectFacts): string {
  return p.code ?? p.name ?? p.file;
}
