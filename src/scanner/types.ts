/**
 * The scanner's data model: what a scan finds, skips and fails on. Reports (src/report/) render a
 * `ScanResult`; nothing in here knows about an output format.
 */
import type { CredentialKind } from "../campaign/credential-kinds.js";

/** Finding severity. ESLint has error and warn; rules grade some findings "info" (`meta.messageLevels`). */
export type Severity = "error" | "warn" | "info";

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, warn: 2, error: 3 };

/** The profiles the scanner runs: the plugin's shareable configs of the same names. */
export const PROFILES = ["recommended", "strict", "v8"] as const;
export type Profile = (typeof PROFILES)[number];

/** One finding, exactly the fields of the JSON contract (`findings[]`). */
export interface Finding {
  /** Full rule id, `campaign-ims/<rule>`. */
  ruleId: string;
  severity: Severity;
  /** The rule's credential kind (`meta.docs.kind`). */
  category: CredentialKind;
  /** POSIX path relative to the scan root. */
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The rule's message (rules mask values; the scanner masks known secret shapes again). */
  message: string;
  /** Stable across line shifts and reformatting; holds no secret value (see fingerprint.ts). */
  fingerprint: string;
  fixable: boolean;
  hasSuggestions: boolean;
  /** The finding's source line, trimmed, with every literal value that may be a secret masked. */
  evidence: string;
  /** History scans (--history) only: the commit that introduced the finding. */
  history?: HistoryOrigin;
}

/** Where a history scan (history.ts) found a finding: the commit that introduced it. */
export interface HistoryOrigin {
  /** Full commit id. */
  commit: string;
  /** Committer date, ISO 8601. */
  date: string;
  /** Whether HEAD's version of the file still has it. */
  atHead: boolean;
}

/** The masked source line of a finding, with the reported span inside it (for code frames). */
export interface CodeFrame {
  text: string;
  /** Offsets of the reported span in `text` (end exclusive). */
  start: number;
  end: number;
}

/** A finding with what the inventory and the text report need beyond the JSON contract. */
export interface ScannedFinding extends Finding {
  /** The operator login the code names literally at the finding, when it names one. */
  operator?: string;
  /** The Campaign endpoint (URL origin) the code names literally at the finding. */
  endpoint?: string;
  frame: CodeFrame;
}

export type SkipReason =
  | "binary"
  | "too-large"
  | "unreadable"
  | "not-a-regular-file"
  | "symlink"
  | "unsupported-type";

/** A file the scanner did not check, and why: nothing is skipped silently. */
export interface SkippedFile {
  path: string;
  reason: SkipReason;
  detail: string;
}

export type ProblemKind =
  /** The parser gave up: the file has no findings at all. */
  | "parse-error"
  /** A recoverable parse problem: findings were still reported. */
  | "parse-problem"
  /** A rule threw on this file. */
  | "rule-error"
  /** Anything else ESLint reported without a campaign-ims rule (inline configuration problems). */
  | "other"
  /** --report-unused-disable-directives: a directive about a campaign-ims rule that suppressed nothing. */
  | "unused-directive";

/** A problem while checking a file that was read. */
export interface FileProblem {
  path: string;
  line: number;
  column: number;
  kind: ProblemKind;
  message: string;
}

/** Paths the walk did not enter, by cause (counts; `--verbose` lists them). */
export interface IgnoredCounts {
  /** `node_modules` and `.git` directories. */
  defaultDirectories: number;
  /** Matched by a `.gitignore` or `.campaign-imsignore`. */
  ignoreFiles: number;
  /** Matched by `exclude`. */
  excluded: number;
  /** Not matched by `include` (when `include` is set). */
  notIncluded: number;
}

/** Findings dropped by the configuration's allowlists, by list. */
export interface AllowlistedCounts {
  paths: number;
  operators: number;
  values: number;
}

/** A rule the scan ran, with what reports say about it. */
export interface RuleInfo {
  /** Full rule id, `campaign-ims/<rule>`. */
  id: string;
  description: string;
  helpUri: string;
  kind: CredentialKind;
  /** The level the scan ran it at. */
  level: "error" | "warn";
}

/** The configuration a scan ran with (every report states it: a gate the scanned code cannot silence). */
export interface AppliedConfiguration {
  /** The configuration file in effect: relative to the scan root inside it, else absolute; none: the defaults. */
  file?: string;
  /**
   * How it was chosen: `option` (--config FILE), `repository` (the nearest campaign-ims.config.json
   * of the scanned repository), `defaults` (none).
   */
  source: "option" | "repository" | "defaults";
  /** --strict-config: the repository's configuration was checked against the gate's and widens nothing. */
  strict: boolean;
  /** Whether `.campaign-imsignore` files were read (not with --no-config). */
  campaignIgnoreFiles: boolean;
  /** The allowlists in effect: path and operator patterns; values are counted, never shown. */
  allowlist: { paths: string[]; operators: string[]; values: number };
  /** Every ignore file read (relative to the scan root), with the paths it ignored; sorted by path. */
  ignoreFiles: Array<{ path: string; ignored: number }>;
}

export interface ScanStats {
  /** Files the walk reached whose type some enabled language lints. */
  filesConsidered: number;
  /** Files read and searched for keywords. */
  filesScanned: number;
  /** Files that contained a keyword and were parsed and linted. */
  filesLinted: number;
  bytesScanned: number;
  ignored: IgnoredCounts;
  allowlisted: AllowlistedCounts;
}

export interface ScanResult {
  tool: { name: string; version: string };
  /** Absolute path of the scan root; every `path` is relative to it. */
  root: string;
  profile: Profile;
  /** The rules that ran, sorted by id. */
  rules: RuleInfo[];
  /** Sorted by path, line, column, rule. */
  findings: ScannedFinding[];
  /** Sorted by path. */
  skipped: SkippedFile[];
  /** Sorted by path, line, column. */
  errors: FileProblem[];
  stats: ScanStats;
  /** The configuration file, allowlists and ignore files that applied. */
  configuration?: AppliedConfiguration;
  /** With --fix or --fix-dry-run: what was fixed, diffed or refused. */
  fixes?: FixReport;
  /** With --shard: the part of the file set this result covers. */
  shard?: Shard;
  /** With a baseline: findings it recorded, not reported. */
  baseline?: { suppressed: number };
  /** With --staged, --changed or --files-from: only the listed files were scanned. */
  selection?: FileSelection;
  /** With --history: the commits scanned instead of the work tree (findings carry `history`). */
  history?: { range: string; commits: number; blobs: number };
}

/** A scan of listed files (file-list.ts): how the list was made and the listed paths that no longer exist. */
export interface FileSelection {
  description: string;
  /** Paths the list named (deleted ones and those outside the scan root included). */
  listed: number;
  /** Listed paths that do not exist, relative to the scan root: not scanned. */
  deleted: string[];
}

/** A configuration or usage problem: the scan cannot start (exit code 2). */
export class ScanConfigError extends Error {
  override name = "ScanConfigError";
}

// ---------------------------------------------------------------------------------------------
// Types the scan result shares with fix/ and shard.ts, kept here so that this file imports none of
// the scanner (it is imported by nearly every file of it).

/** One part of a sharded scan (`--shard 2/4`): files whose path hashes to `index` of `count`. */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `write`: fixed files are written; `dry-run`: a unified diff is printed and nothing is written. */
export type FixMode = "write" | "dry-run";

export type FixStatus = "fixed" | "would-fix" | "refused";

export interface FixedFile {
  path: string;
  status: FixStatus;
  /** Fixes applied (or that a refused file would have had), by rule id. */
  applied: Record<string, number>;
  /** Why a file was refused. */
  reason?: string;
  /** Fixes were still pending after the last pass. */
  unsettled?: boolean;
}

export interface FixReport {
  mode: FixMode;
  /** Files with fixes (written, diffed or refused), sorted by path. */
  files: FixedFile[];
  /** `--fix-dry-run`: the masked unified diff of every file, in path order. */
  diff: string;
}

/** The statistics of a scan before it has looked at anything (a result read back has none). */
export const emptyStats = (): ScanStats => ({
  filesConsidered: 0,
  filesScanned: 0,
  filesLinted: 0,
  bytesScanned: 0,
  ignored: { defaultDirectories: 0, ignoreFiles: 0, excluded: 0, notIncluded: 0 },
  allowlisted: { paths: 0, operators: 0, values: 0 },
});
