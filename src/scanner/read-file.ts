/**
 * Reading one file for the scan: synchronously (on this workload a pool of promise-based reads is
 * slower than plain sync reads in the walking thread), with the size checked on the open file
 * descriptor before anything is read, so an oversized file costs one `fstat`.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { formatByteSize } from "./byte-size.js";
import type { SkipReason } from "./types.js";

export type ReadOutcome =
  | { ok: true; text: string; bytes: number }
  | { ok: false; reason: Extract<SkipReason, "binary" | "too-large" | "unreadable" | "not-a-regular-file">; detail: string };

/** Bytes sniffed for a NUL byte, as git does to tell binary from text. */
const BINARY_SNIFF_BYTES = 8000;

/** Decode a file's bytes: UTF-8 (BOM kept, ESLint strips it), UTF-16 with a BOM, or binary. */
export function decodeText(buffer: Buffer): string | undefined {
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.toString("utf16le");
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(0, buffer.length - (buffer.length % 2)));
    return swapped.swap16().toString("utf16le");
  }
  const sniffed = buffer.subarray(0, BINARY_SNIFF_BYTES);
  if (sniffed.includes(0)) return undefined;
  return buffer.toString("utf8");
}

export function readCandidate(absolutePath: string, maxBytes: number): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(absolutePath, "r");
  } catch (error) {
    return { ok: false, reason: "unreadable", detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: "not-a-regular-file", detail: "not a regular file" };
    if (stats.size > maxBytes) {
      return {
        ok: false,
        reason: "too-large",
        detail: `${formatByteSize(stats.size)}, over the ${formatByteSize(maxBytes)} limit (--max-file-size)`,
      };
    }
    // Read what is there now (the file may change while we read), but never past the limit.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) {
        return { ok: false, reason: "too-large", detail: `grew over the ${formatByteSize(maxBytes)} limit while being read` };
      }
      if (length === buffer.length) break;
    }
    const text = decodeText(buffer.subarray(0, length));
    if (text === undefined) return { ok: false, reason: "binary", detail: `NUL byte in the first ${BINARY_SNIFF_BYTES} bytes` };
    return { ok: true, text, bytes: length };
  } catch (error) {
    return { ok: false, reason: "unreadable", detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    closeSync(fd);
  }
}
