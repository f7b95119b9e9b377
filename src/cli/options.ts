/** Option values checked before anything runs: argument errors exit 2 with a message. */
import { writeErr } from "./printable";
import { existsSync, statSync } from "fs";
import { basename, extname, join } from "path";
import type { Lang } from "../engine/i18n";
import { UsageError } from "./inputs";

/**
 * Where each annotated copy goes: the path itself for one file, a folder of copies for several,
 * one copy each even when two inputs share a name (d1/a.xlsx, d2/a.xlsx: a, a (2)).
 */
export function annotateTargets(files: string[], out: string | undefined): (string | undefined)[] {
  if (out === undefined) return files.map(() => undefined);
  if (!out.trim())
    throw new UsageError(
      "--annotate 需要一个文件或文件夹路径。",
      "--annotate needs the path of a file or a folder."
    );
  if (files.length === 1 && extname(out).toLowerCase() === ".xlsx") return [out];
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new UsageError(
      `--annotate 应为存放标注副本的文件夹，「${out}」是一个文件。`,
      `--annotate should name a folder for the copies; "${out}" is a file.`
    );
  const taken = new Set<string>();
  return files.map((f) => {
    const base = basename(f, extname(f));
    let name = `${base}.annotated.xlsx`;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base} (${n}).annotated.xlsx`;
    taken.add(name.toLowerCase());
    return join(out, name);
  });
}

/** -j N: a whole number of workers from 1 to 64 (argument errors exit 2 with a message). */
export function parseJobs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 64))
    throw new UsageError(
      `-j 的值「${text}」无效，应为 1 到 64 之间的整数。`,
      `-j "${text}" is not valid; give a whole number from 1 to 64.`
    );
  return n;
}

/** Our own summaries in a folder and empty folders are left out, and said so on stderr. */
export function noteSkipped(lang: Lang): (file: string, why: "summary" | "empty folder") => void {
  return (file, why) =>
    writeErr(
      why === "empty folder"
        ? lang === "en"
          ? `Skipped folder ${file}: it holds no .xlsx workbook.\n`
          : `已跳过文件夹 ${file}：其中没有 .xlsx 工作簿。\n`
        : lang === "en"
          ? `Skipped ${file}: a summary workbook this tool wrote, not a project workbook.\n`
          : `已跳过 ${file}：这是本工具写出的汇总工作簿，不是项目工作簿。\n`
    );
}
