/**
 * The sentences every report's summary adds when a result is not the whole picture: findings a
 * baseline suppressed, and the shard of the file set it covers.
 */
import type { ScanResult } from "./types.js";

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

export function scopeNotes(result: Pick<ScanResult, "baseline" | "shard">): string[] {
  const notes: string[] = [];
  if (result.baseline !== undefined) notes.push(`Baseline: ${plural(result.baseline.suppressed, "known finding")} suppressed.`);
  if (result.shard !== undefined) {
    notes.push(`Shard ${result.shard.index}/${result.shard.count}: only this shard's files; campaign-ims merge joins the ${result.shard.count} results.`);
  }
  return notes;
}
