/** The counts every report ends with. */
import type { Shard } from "../scanner/shard.js";
import type { AllowlistedCounts, AppliedConfiguration, FileSelection, IgnoredCounts, Profile, ScanResult } from "../scanner/types.js";
import { fileTypeOf } from "../scanner/walk.js";

export interface Summary {
  profile: Profile;
  /** The rules that ran. */
  rules: string[];
  files: {
    /** Files of scanned types the walk reached. */
    considered: number;
    /** Files read and searched for keywords. */
    scanned: number;
    /** Files that contained a keyword and were parsed. */
    linted: number;
    withFindings: number;
    skipped: number;
  };
  /**
   * Files no enabled language reads (listed in `skipped` as `unsupported-type`), by file type:
   * the extension (`.png`), or the name of a file without one (`LICENSE`).
   */
  unsupportedTypes: Record<string, number>;
  bytesScanned: number;
  ignored: IgnoredCounts;
  findings: { total: number; error: number; warn: number; info: number; fixable: number; withSuggestions: number };
  allowlisted: AllowlistedCounts & { total: number };
  errors: number;
  /** The configuration file, allowlists and ignore files that applied (with the paths each ignore file left out). */
  configuration?: AppliedConfiguration;
  /** With a baseline: recorded findings not reported. */
  baseline?: { suppressed: number };
  /** With --shard: the part of the file set this result covers. */
  shard?: Shard;
  /** With --staged, --changed or --files-from: the list the scan was limited to. */
  selection?: FileSelection;
  /** With --history: the commits scanned. */
  history?: { range: string; commits: number; blobs: number };
}

export function buildSummary(result: ScanResult): Summary {
  const { findings, stats } = result;
  const count = (severity: string): number => findings.filter((finding) => finding.severity === severity).length;
  return {
    profile: result.profile,
    rules: result.rules.map((rule) => rule.id),
    files: {
      considered: stats.filesConsidered,
      scanned: stats.filesScanned,
      linted: stats.filesLinted,
      withFindings: new Set(findings.map((finding) => finding.path)).size,
      skipped: result.skipped.length,
    },
    unsupportedTypes: unsupportedTypes(result),
    bytesScanned: stats.bytesScanned,
    ignored: { ...stats.ignored },
    findings: {
      total: findings.length,
      error: count("error"),
      warn: count("warn"),
      info: count("info"),
      fixable: findings.filter((finding) => finding.fixable).length,
      withSuggestions: findings.filter((finding) => finding.hasSuggestions).length,
    },
    allowlisted: {
      ...stats.allowlisted,
      total: stats.allowlisted.paths + stats.allowlisted.operators + stats.allowlisted.values,
    },
    errors: result.errors.length,
    ...(result.configuration === undefined ? {} : { configuration: structuredClone(result.configuration) }),
    ...(result.baseline === undefined ? {} : { baseline: { suppressed: result.baseline.suppressed } }),
    ...(result.shard === undefined ? {} : { shard: { index: result.shard.index, count: result.shard.count } }),
    ...(result.selection === undefined ? {} : { selection: { description: result.selection.description, listed: result.selection.listed, deleted: [...result.selection.deleted] } }),
    ...(result.history === undefined ? {} : { history: { range: result.history.range, commits: result.history.commits, blobs: result.history.blobs } }),
  };
}

/** `unsupported-type` skipped files counted by file type, in code-unit order of the types. */
export function unsupportedTypes(result: Pick<ScanResult, "skipped">): Record<string, number> {
  const counts = new Map<string, number>();
  for (const file of result.skipped) {
    if (file.reason !== "unsupported-type") continue;
    const type = fileTypeOf(file.path);
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const SOURCE_NOTE: Readonly<Record<AppliedConfiguration["source"], string>> = {
  option: "given with --config",
  repository: "the scanned repository's",
  defaults: "none: the defaults",
};

/**
 * One sentence for the human reports: the configuration file in effect and where it came from,
 * each allowlist (its patterns; values only counted) with the findings it suppressed, and each
 * ignore file read with the paths it left out. Unescaped: each format escapes it.
 */
export function configurationNote(summary: Pick<Summary, "configuration" | "allowlisted">): string | undefined {
  const configuration = summary.configuration;
  if (configuration === undefined) return undefined;
  const { allowlist } = configuration;
  const patterns = (list: string[]): string => (list.length === 0 ? "none" : list.join(", "));
  const file = configuration.file === undefined ? SOURCE_NOTE.defaults : `${configuration.file} (${SOURCE_NOTE[configuration.source]})`;
  const ignoreFiles =
    configuration.ignoreFiles.length === 0
      ? "none read"
      : configuration.ignoreFiles.map((entry) => `${entry.path} ${entry.ignored} path(s)`).join(", ");
  return (
    `Configuration: ${file}${configuration.strict ? ", checked by --strict-config" : ""}. ` +
    `Allowlists: paths [${patterns(allowlist.paths)}] suppressed ${summary.allowlisted.paths}, ` +
    `operators [${patterns(allowlist.operators)}] suppressed ${summary.allowlisted.operators}, ` +
    `values (${allowlist.values} entr${allowlist.values === 1 ? "y" : "ies"}, not shown) suppressed ${summary.allowlisted.values} finding(s). ` +
    `Ignore files: ${ignoreFiles}${configuration.campaignIgnoreFiles ? "" : "; .campaign-imsignore files not read (--no-config)"}.`
  );
}
