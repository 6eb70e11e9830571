/**
 * Control characters shown, not obeyed. File content and file names reach the text, Markdown,
 * GitHub and CSV reports, which are read in terminals and CI logs: an ESC sequence there could
 * clear the screen and print "0 findings", a carriage return overwrite a line, a bidi override
 * (U+202A–U+202E, U+2066–U+2069, "Trojan Source") reorder what is shown. Each such character is
 * written as an escape a reader can see: `\x1b`, `\x0d`, `\x9b`, `\u202e`. Tab and line feed stay.
 */

/** C0 controls but tab and line feed, DEL, C1 controls, and the bidi embedding/override/isolate characters. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (char: string): string => {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** `text` with every control and bidi control character written as an escape. */
export const escapeControlCharacters = (text: string): string => text.replace(UNSAFE, escapeOne);
