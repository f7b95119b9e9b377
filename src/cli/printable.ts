/**
 * The last guard before the terminal: whatever the CLI prints passes through here, so that no
 * file or sheet name can set the window title, clear the screen or move the cursor, whichever
 * message carries it. Text from workbooks is also cleaned where it is put into words
 * (output.ts clean); this catches what a message forgot.
 */

// Control characters are what these expressions are for.
/* eslint-disable no-control-regex */
/** An escape sequence: ESC [ … final byte, ESC ] … BEL or ESC \, or ESC and one character. */
export const ESCAPE_SEQUENCE =
  /\u001b(\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(\u0007|\u001b\\)?|[@-_])?/g;
/** SGR colour codes, the only escape sequences the CLI writes itself (terminalStyle). */
const SGR = /^\u001b\[[0-9;]*m$/;
/** Control characters but line feed, tab and carriage return (the progress bar redraws its line). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** The same, ESC excepted: every ESC has gone with its sequence before these are removed. */
const OTHER_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */

/**
 * `text` without control characters other than line feed, tab and carriage return, and
 * without escape sequences, colour codes excepted when `colour` says the CLI is colouring
 * this stream.
 */
export function printable(text: string, colour: boolean): string {
  if (!CONTROL.test(text)) return text;
  return text
    .replace(ESCAPE_SEQUENCE, (seq) => (colour && SGR.test(seq) ? seq : ""))
    .replace(OTHER_CONTROLS, "");
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
