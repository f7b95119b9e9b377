/**
 * What the start screen offers besides the engine: the sample workbook and the help page. The
 * page carries both (webpack inlines them), so they work on the single-file page opened from
 * disk as well as on a server; the sample is a lazy part, fetched only when asked for.
 */
declare const __FUCAI_SINGLE_FILE__: boolean | undefined;

export const SAMPLE_NAME = "02-zhanmin-interim-behind.xlsx";

function fromDataUrl(url: string): ArrayBuffer {
  const base64 = url.slice(url.indexOf(",") + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/** The sample workbook shown by "试用示例工作簿": a project at mid-term, behind schedule. */
export async function sampleWorkbook(): Promise<{ name: string; bytes: ArrayBuffer }> {
  const { default: url } = await import(
    /* webpackChunkName: "sample" */ "../../workbooks/samples/02-zhanmin-interim-behind.xlsx"
  );
  return { name: SAMPLE_NAME, bytes: fromDataUrl(url) };
}

export const singleFile = typeof __FUCAI_SINGLE_FILE__ !== "undefined" && __FUCAI_SINGLE_FILE__;

/** The help page: beside the page on a server; carried in the single file, opened from a Blob. */
export async function openHelp(): Promise<void> {
  if (!singleFile) {
    window.open("help.html", "_blank", "noopener");
    return;
  }
  const { default: html } = await import("./help/help.html?raw");
  window.open(URL.createObjectURL(new Blob([html], { type: "text/html" })), "_blank", "noopener");
}
