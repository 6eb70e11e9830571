/**
 * The sentences every report's summary adds when a result is not the whole picture: the file list
 * it was limited to, findings a baseline suppressed, and the shard of the file set it covers.
 */
import type { ScanResult } from "./types.js";

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Deleted paths named in a note; the rest are counted. */
const NAMED_DELETIONS = 5;

export function scopeNotes(result: Pick<ScanResult, "baseline" | "shard" | "selection" | "history">): string[] {
  const notes: string[] = [];
  if (result.history !== undefined) {
    const { range, commits, blobs } = result.history;
    notes.push(
      `History of ${range}: ${plural(commits, "commit")}, ${plural(blobs, "file version")} of scanned types, each read once; ` +
        "each finding is shown at the commit that introduced it.",
    );
  }
  if (result.selection !== undefined) {
    const { description, listed, deleted } = result.selection;
    const named = deleted.slice(0, NAMED_DELETIONS).join(", ") + (deleted.length > NAMED_DELETIONS ? `, and ${deleted.length - NAMED_DELETIONS} more` : "");
    notes.push(
      `Only the files of ${description}: ${plural(listed, "path")} listed` +
        (deleted.length === 0 ? "." : `; ${plural(deleted.length, "deleted path")} not scanned (${named}).`),
    );
  }
  if (result.baseline !== undefined) notes.push(`Baseline: ${plural(result.baseline.suppressed, "known finding")} suppressed.`);
  if (result.shard !== undefined) {
    notes.push(`Shard ${result.shard.index}/${result.shard.count}: only this shard's files; campaign-ims merge joins the ${result.shard.count} results.`);
  }
  return notes;
}
