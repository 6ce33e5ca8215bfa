/**
 * Untrusted text made safe for a terminal: a leaf every stage may use (the CLI loads it at
 * start, before any stage). Pure.
 */
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*(?:\u0007|\u009c)?/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to print on a terminal: ANSI/VT escape sequences (CSI colours and cursor moves,
 * OSC window titles and hyperlinks) removed whole, then every other C0/C1 control character
 * and bidi override, except tab and line feed. Untrusted text can then neither clear the screen,
 * move the cursor, retitle the window nor paint a fake verdict.
 */
export function stripControlCharacters(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '');
}

/** Untrusted text as one terminal line: control characters stripped, line breaks and tabs as spaces. */
export function oneLine(text: string): string {
  return stripControlCharacters(text).replace(/[\n\t]+/g, ' ');
}
