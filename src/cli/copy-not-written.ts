/**
 * The one wording for an annotated copy that was not made, the check standing. Its own small
 * module: the pool (main thread) uses it too, and must not load the worker's task code.
 */
import type { Text } from "../engine/i18n";

/** "未写出标注副本 …：why。检查结果不受影响。" */
export function copyNotWritten(target: string, why: Text): Text {
  return {
    zh: `未写出标注副本 ${target}：${why.zh.replace(/。$/, "")}。检查结果不受影响。`,
    en: `The annotated copy ${target} was not written: ${why.en.replace(/\.$/, "")}. The check's findings stand.`,
  };
}
