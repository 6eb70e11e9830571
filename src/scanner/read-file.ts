/**
 * Reading one file for the scan: synchronously (on this workload a pool of promise-based reads is
 * slower than plain sync reads in the walking thread), with the size checked on the open file
 * descriptor before anything is read, so an oversized file costs one `fstat`. Bytes land in one
 * buffer reused from file to file, and the keyword prefilter searches them before any decoding:
 * most files are never turned into strings (no decoding, no garbage to collect).
 */
import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { containsAnyKeyword, containsAnyKeywordInUtf8 } from "../campaign/keywords.js";
import { formatByteSize } from "./byte-size.js";
import type { SkipReason } from "./types.js";

type ReadFailure = { ok: false; reason: Extract<SkipReason, "binary" | "too-large" | "unreadable" | "not-a-regular-file">; detail: string };

export type ReadOutcome = { ok: true; text: string; bytes: number } | ReadFailure;

/** `text` is the decoded file when it contains a keyword, undefined (never decoded) otherwise. */
export type PrefilteredRead = { ok: true; text: string | undefined; bytes: number } | ReadFailure;

/** Bytes sniffed for a NUL byte, as git does to tell binary from text. */
const BINARY_SNIFF_BYTES = 8000;

/**
 * Bytes that are not UTF-8 are read as Windows-1252, the usual legacy encoding of Western Windows
 * tools (a superset of Latin-1's printable characters): one character per byte, so nothing is
 * garbled into U+FFFD and columns still count the line's bytes.
 */
const WINDOWS_1252 = new TextDecoder("windows-1252");

/** Decode a file's bytes: UTF-8 (BOM kept, ESLint strips it), UTF-16 with a BOM, Windows-1252, or binary. */
export function decodeText(buffer: Buffer): string | undefined {
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.toString("utf16le");
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(0, buffer.length - (buffer.length % 2)));
    return swapped.swap16().toString("utf16le");
  }
  const sniffed = buffer.subarray(0, BINARY_SNIFF_BYTES);
  if (sniffed.includes(0)) return undefined;
  return decodeSingleByteOrUtf8(buffer);
}

const decodeSingleByteOrUtf8 = (bytes: Buffer): string => (isUtf8(bytes) ? bytes.toString("utf8") : WINDOWS_1252.decode(bytes));

/** The file's text, or why it is skipped. */
export function readCandidate(absolutePath: string, maxBytes: number): ReadOutcome {
  const read = readBytes(absolutePath, maxBytes);
  if (!read.ok) return read;
  const text = decodeText(read.bytes);
  if (text === undefined) return BINARY;
  return { ok: true, text, bytes: read.bytes.length };
}

/** The scan's read: the keyword prefilter runs on the bytes, and only a file with a keyword is decoded. */
export function readAndPrefilter(absolutePath: string, maxBytes: number): PrefilteredRead {
  const read = readBytes(absolutePath, maxBytes);
  return read.ok ? prefilterBytes(read.bytes) : read;
}

/** The keyword prefilter on a file's bytes (from disk, or a git blob in a history scan). */
export function prefilterBytes(bytes: Buffer): PrefilteredRead {
  if (hasUtf16ByteOrderMark(bytes)) {
    const text = decodeText(bytes)!;
    return { ok: true, text: containsAnyKeyword(text) ? text : undefined, bytes: bytes.length };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return BINARY;
  // Keywords are ASCII: the search on the bytes holds for UTF-8 and Windows-1252 alike.
  return { ok: true, text: containsAnyKeywordInUtf8(bytes) ? decodeSingleByteOrUtf8(bytes) : undefined, bytes: bytes.length };
}

const BINARY: ReadFailure = { ok: false, reason: "binary", detail: `NUL byte in the first ${BINARY_SNIFF_BYTES} bytes` };

const hasUtf16ByteOrderMark = (bytes: Buffer): boolean =>
  bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));

const OPEN_FOR_READING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Grown as needed (at most the size limit + 1), never shrunk: one allocation for the whole walk. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/** Input files are opened as scanned files are, and never through a symlink (the last component). */
const OPEN_INPUT_FOR_READING = OPEN_FOR_READING | (constants.O_NOFOLLOW ?? 0);

/** Size limit of an ignore file, a configuration file or a `.git` file. */
export const MAX_CONTROL_FILE_BYTES = 4 * 1024 * 1024;
/** Size limit of a baseline or a result file given to `merge`. */
export const MAX_RESULT_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Why an input file (not a scanned one) could not be read: `code` is the system's error code
 * (ENOENT, EACCES, ELOOP for a symbolic link…) or ENOTREG / EFBIG, `message` says it in words.
 */
export class InputFileError extends Error {
  override name = "InputFileError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The text (UTF-8, BOM kept) of a file the tool reads besides the scanned ones: ignore files,
 * configuration, `.git` files, baselines, `merge` inputs. Opened like a scanned file — regular files
 * only, never blocking on a pipe or device, size-limited — and never through a symbolic link, so a
 * repository cannot make the tool wait on a FIFO or read /dev/zero or a file outside the checkout.
 * Throws InputFileError.
 */
export function readInputFile(absolutePath: string, maxBytes: number): string {
  const read = readBytes(absolutePath, maxBytes, OPEN_INPUT_FOR_READING);
  if (read.ok) return read.bytes.toString("utf8");
  const code = read.detail;
  switch (read.reason) {
    case "not-a-regular-file":
      throw new InputFileError("ENOTREG", "not a regular file");
    case "too-large":
      throw new InputFileError("EFBIG", `larger than the ${formatByteSize(maxBytes)} limit`);
    default:
      throw new InputFileError(code, code === "ELOOP" ? "a symbolic link (not followed)" : code === "ENOENT" ? "not found" : code);
  }
}

/** The file's bytes, a view of the shared scratch buffer: valid until the next read. */
function readBytes(absolutePath: string, maxBytes: number, flags = OPEN_FOR_READING): { ok: true; bytes: Buffer } | ReadFailure {
  let fd: number;
  try {
    // Non-blocking: a file replaced by a named pipe after the walk listed it would otherwise
    // block here until a writer comes. On a regular file the flag changes nothing.
    fd = openSync(absolutePath, flags);
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
    const capacity = Math.min(stats.size, maxBytes) + 1;
    if (scratch.length < capacity) scratch = Buffer.allocUnsafe(capacity);
    let length = 0;
    for (;;) {
      const read = readSync(fd, scratch, length, capacity - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) {
        return { ok: false, reason: "too-large", detail: `grew over the ${formatByteSize(maxBytes)} limit while being read` };
      }
      if (length === capacity) break;
    }
    return { ok: true, bytes: scratch.subarray(0, length) };
  } catch (error) {
    return { ok: false, reason: "unreadable", detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    closeSync(fd);
  }
}
