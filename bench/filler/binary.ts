/**
 * Binary files: images and fonts (not a scanned type), and a few files with a scanned extension
 * whose bytes are binary (the scanner lists them as skipped, as git would call them binary).
 */
import type { Random } from "../random.js";

const MAGIC: Record<string, Buffer> = {
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  woff2: Buffer.from("wOF2\u0000\u0001\u0000\u0000", "latin1"),
  ico: Buffer.from([0x00, 0x00, 0x01, 0x00, 0x01, 0x00]),
  gz: Buffer.from([0x1f, 0x8b, 0x08, 0x00]),
};

export const BINARY_EXTENSIONS = Object.keys(MAGIC);

/** A binary file: the format's magic bytes, then random bytes. */
export function binaryFile(random: Random, extension: string, bytes: number): Buffer {
  const magic = MAGIC[extension] ?? MAGIC.gz!;
  return Buffer.concat([magic, random.bytes(Math.max(0, bytes - magic.length))]);
}

/** Text-looking start, then a NUL byte: binary by git's rule although named like source. */
export function binaryWithSourceName(random: Random, bytes: number): Buffer {
  return Buffer.concat([Buffer.from("/* compiled */\n"), Buffer.from([0x00]), random.bytes(Math.max(0, bytes - 16))]);
}
