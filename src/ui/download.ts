/** Save bytes as a file from the page. */
export function download(bytes: ArrayBuffer, name: string): void {
  const blob = new Blob([bytes], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function baseName(file: string): string {
  return file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.xlsx?$/i, "");
}
