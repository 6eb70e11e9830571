/**
 * `--shard K/N`: the part of a scan one CI job runs. Every path the walk reports (files, skipped
 * files, ignored directories) belongs to exactly one shard, chosen by a stable hash of its POSIX
 * path relative to the scan root: the same on every machine, and adding or removing a file never
 * moves another. The N results merged (`campaign-ims merge`) equal the unsharded scan.
 */
import { createHash } from "node:crypto";
import { ScanConfigError, type Shard } from "./types.js";

export type { Shard };

const MAX_SHARDS = 10_000;

export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new ScanConfigError(`--shard expects K/N with 1 ≤ K ≤ N ≤ ${MAX_SHARDS}, e.g. 2/4 (got "${text}")`);
  }
  return { index, count };
}

/** The 1-based shard a path belongs to among `count`. */
export function shardOf(path: string, count: number): number {
  return (createHash("sha256").update(path).digest().readUInt32BE(0) % count) + 1;
}

export const inShard = (path: string, shard: Shard | undefined): boolean => shard === undefined || shardOf(path, shard.count) === shard.index;
