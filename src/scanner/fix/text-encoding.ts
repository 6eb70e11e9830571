/**
 * Writing a fixed text back in the file's own encoding. The scanner decodes UTF-8 (BOM kept in
 * the text) and UTF-16 with a BOM (read-file.ts); encoding the text the same way gives the same
 * bytes, BOM included. A file whose bytes do not survive that round trip (invalid UTF-8) is
 * never written: the bytes outside the fix would change.
 */
import { decodeText } from "../read-file.js";

export type TextEncoding = "utf8" | "utf16le" | "utf16be";

export function encodingOf(bytes: Buffer): TextEncoding {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf16be";
  return "utf8";
}

export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === "utf8") return Buffer.from(text, "utf8");
  const bytes = Buffer.from(text, "utf16le");
  return encoding === "utf16le" ? bytes : bytes.swap16();
}

/** The file's text and encoding, when its bytes decode and encode back to themselves. */
export function roundTrip(bytes: Buffer): { text: string; encoding: TextEncoding } | undefined {
  const text = decodeText(bytes);
  if (text === undefined) return undefined;
  const encoding = encodingOf(bytes);
  return encodeText(text, encoding).equals(bytes) ? { text, encoding } : undefined;
}
