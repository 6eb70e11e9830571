/**
 * Replacing a file atomically: the new bytes go to a temporary file in the same directory (same
 * file system, so the rename is atomic), created readable by its owner only, flushed to disk,
 * given the original's mode (and owner, where permitted), then renamed over the original. A
 * reader, or a process killed at any moment, sees the old file or the new one, never a mix.
 *
 * write-file-atomic does the same but names its temporary files `<name>.<number>`; ours are
 * hidden and say what they are (`.<name>.campaign-ims-fix-<pid>-<random>.tmp`), so the rare one
 * left by a killed process is recognisable and safe to delete.
 */
import { closeSync, fchmodSync, fchownSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync, type Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";

export const TEMP_FILE_MARKER = ".campaign-ims-fix-";

const RANDOM_BYTES = 4;
// The names temporaryPathFor makes: `.<name>` + the marker + `<pid>-<random hex>.tmp`.
const TEMPORARY_FILE_NAME = new RegExp(`^\\..+${TEMP_FILE_MARKER.replaceAll(".", "\\.")}\\d+-[0-9a-f]{${2 * RANDOM_BYTES}}\\.tmp$`, "u");

/** Whether a file name is one of our temporary files (one left by a killed `--fix` run). */
export const isFixTemporaryFile = (name: string): boolean => TEMPORARY_FILE_NAME.test(name);

export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}${TEMP_FILE_MARKER}${process.pid}-${randomBytes(RANDOM_BYTES).toString("hex")}.tmp`);
}

export function writeFileAtomic(path: string, bytes: Buffer, original: Pick<Stats, "mode" | "uid" | "gid">): void {
  const temporary = temporaryPathFor(path);
  const fd = openSync(temporary, "wx", 0o600);
  try {
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      try {
        fchownSync(fd, original.uid, original.gid);
      } catch {
        // Only root may give a file away; the file stays ours, as any editor's save would.
      }
      fchmodSync(fd, original.mode & 0o7777);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(dirname(path));
}

/**
 * Write an output file (a report's `-o`, a baseline, a merged result) anew: atomically, in the same
 * way, and never through a symbolic link. An existing regular file keeps its mode; a symbolic link
 * at `path` (one committed into the scanned tree, say) is replaced by the new file and its target
 * is left untouched. Directories are created as needed. A device under /dev (`-o /dev/null`,
 * `-o /dev/stdout`) is written in place: it is no file to replace.
 */
export function writeOutputFile(path: string, content: string | Buffer): void {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  if (path.startsWith("/dev/")) {
    writeFileSync(path, bytes);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  let existing: Stats | undefined;
  try {
    existing = lstatSync(path);
  } catch {
    // a new file
  }
  const owner = { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
  writeFileAtomic(path, bytes, existing?.isFile() === true ? existing : { mode: 0o644, ...owner });
}

/** Make the rename itself durable (not possible on every platform: best effort). */
function syncDirectory(directory: string): void {
  try {
    const fd = openSync(directory, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory; the rename is still atomic there.
  }
}
