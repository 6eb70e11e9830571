/**
 * The main thread's side of `--fix`: each fixed text that comes back from linting is written
 * (atomically, in the file's encoding, mode kept) or, with `--fix-dry-run`, turned into a masked
 * diff. Before anything is written the file is read again: a file that changed since it was
 * scanned, does not survive an encoding round trip, or has hard links is left untouched, the
 * refusal is recorded and the file's findings are those of the text on disk.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { FileResult } from "../file-findings.js";
import { decodeText } from "../read-file.js";
import { writeFileAtomic } from "./atomic-write.js";
import { maskedDiff } from "./fix-diff.js";
import { hashText } from "./fix-passes.js";
import type { FixedFile, FixMode, FixReport } from "../types.js";
import { encodeText, roundTrip } from "./text-encoding.js";

export type { FixedFile, FixReport, FixStatus } from "../types.js";

/** Lints a text as it is, without fixing (for files whose fix is refused after the fact). */
export type Relint = (path: string, text: string) => FileResult;

const byPath = <T extends { path: string }>(a: T, b: T): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export class FixApplier {
  private readonly files: FixedFile[] = [];
  private readonly diffs: Array<{ path: string; diff: string }> = [];

  constructor(
    private readonly root: string,
    private readonly mode: FixMode,
    private readonly relint: Relint,
  ) {}

  /** Write or diff one file's fixed text; updates `result` when the file keeps its old text. */
  accept(result: FileResult): void {
    const fix = result.fix;
    if (fix === undefined) return;
    delete result.fix; // the fixed text is not needed past this point
    const entry: FixedFile = { path: result.path, status: this.mode === "write" ? "fixed" : "would-fix", applied: fix.applied };
    if (fix.unsettled) entry.unsettled = true;
    if (fix.refused !== undefined) {
      this.files.push({ ...entry, status: "refused", reason: fix.refused });
      return;
    }
    if (fix.output === undefined) return;

    const refuse = (reason: string, text: string | undefined): void => {
      this.files.push({ ...entry, status: "refused", reason });
      if (text !== undefined) Object.assign(result, this.relint(result.path, text));
    };
    const absolute = join(this.root, result.path);
    let bytes: Buffer;
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(absolute);
      bytes = readFileSync(absolute);
    } catch (error) {
      refuse(`it could not be read again (${(error as NodeJS.ErrnoException).code ?? "error"})`, undefined);
      return;
    }
    const original = roundTrip(bytes);
    if (original === undefined) {
      refuse("its bytes are not valid in its encoding: writing the text back would change bytes outside the fix", decodeText(bytes));
      return;
    }
    if (hashText(original.text) !== fix.sourceHash) {
      refuse("it changed on disk during the scan", original.text);
      return;
    }
    if (stats.nlink > 1) {
      refuse(`it has ${stats.nlink} hard links: a new file would no longer be shared with the other names`, original.text);
      return;
    }
    // Checked on the mode, not by trying: root may write anything, and a rename replaces a read-only file.
    if ((stats.mode & 0o200) === 0) {
      refuse("it is read-only (its owner has no write permission)", original.text);
      return;
    }
    if (this.mode === "dry-run") {
      this.diffs.push({ path: result.path, diff: maskedDiff(result.path, original.text, fix.output) });
    } else {
      try {
        writeFileAtomic(absolute, encodeText(fix.output, original.encoding), stats);
      } catch (error) {
        refuse(`it could not be written (${(error as NodeJS.ErrnoException).code ?? "error"})`, original.text);
        return;
      }
    }
    this.files.push(entry);
  }

  report(): FixReport {
    return {
      mode: this.mode,
      files: [...this.files].sort(byPath),
      diff: this.diffs.sort(byPath).map((entry) => entry.diff).join(""),
    };
  }
}
