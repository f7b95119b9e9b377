/**
 * The last guard before the terminal: whatever the CLI prints passes through here, so that no
 * file or sheet name can set the window title, clear the screen or move the cursor, whichever
 * message carries it. Text from workbooks is also cleaned where it is put into words
 * (output.ts clean); this catches what a message forgot.
 */

/** SGR colour codes, the only escape sequences the CLI writes itself (terminalStyle). */
// eslint-disable-next-line no-control-regex
const SGR = /^\u001b\[[0-9;]*m/;

/**
 * `text` without control characters other than line feed, tab and carriage return (the
 * progress bar redraws its line), and without escape sequences, colour codes excepted when
 * `colour` says the CLI is colouring this stream.
 */
export function printable(text: string, colour: boolean): string {
  // Control characters are what this function is for.
  /* eslint-disable no-control-regex */
  if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x1b) {
      const sgr = colour ? SGR.exec(text.slice(i, i + 32)) : null;
      if (sgr) {
        out += sgr[0];
        i += sgr[0].length - 1;
        continue;
      }
      // An escape sequence: ESC [ … final byte, ESC ] … BEL or ESC \, or ESC and one character.
      const rest = text.slice(i + 1);
      const m = /^(\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(\u0007|\u001b\\)?|[@-_])?/.exec(rest);
      i += m ? m[0].length : 0;
      continue;
    }
    if ((c < 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) continue;
    out += text[i];
  }
  return out;
  /* eslint-enable no-control-regex */
}

/** Whether the CLI colours what it writes to this stream (the same test as its output). */
export function colours(stream: NodeJS.WriteStream): boolean {
  return !!stream.isTTY && !process.env.NO_COLOR;
}

export function writeOut(text: string): boolean {
  return process.stdout.write(printable(text, colours(process.stdout)));
}

export function writeErr(text: string): boolean {
  return process.stderr.write(printable(text, colours(process.stderr)));
}
