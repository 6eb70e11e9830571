/**
 * The scan: walk → read → keyword prefilter → lint → sorted result.
 *
 * Only files whose text contains a keyword of the shared table (searched in the bytes before any
 * decoding: `readAndPrefilter`) are parsed, and of JS/TS files only those with a keyword outside
 * comments (commented-keywords.ts);
 * every rule reports only patterns that contain one of its keywords, so skipping the others
 * loses nothing (test/scanner/prefilter-soundness.test.ts checks it on every fixture).
 */
import { createRequire } from "node:module";
import { basename, relative, sep } from "node:path";
import type { FileResult } from "./file-findings.js";
import { FixApplier } from "./fix/fix-applier.js";
import { checkSuggestionRules } from "./fix/check-suggestion-rules.js";
import { isScriptPath, keywordsOnlyInComments } from "./commented-keywords.js";
import { LintDispatcher } from "./lint-dispatcher.js";
import { LintEngine, loadPlugin } from "./lint-engine.js";
import { readAndPrefilter } from "./read-file.js";
import type { ScanSettings } from "./scan-settings.js";
import { ignoreFileWidenings } from "./gate-config.js";
import { IGNORE_FILE_NAMES, type IgnoreFileOptions } from "./ignore-files.js";
import { emptyStats, ScanConfigError, type AppliedConfiguration, type FileProblem, type ScannedFinding, type ScanResult, type ScanStats, type SkippedFile } from "./types.js";
import { applyBaseline, loadBaseline } from "./baseline.js";
import { inShard } from "./shard.js";
import type { PhaseClock, PhaseTimes, TimingPhase } from "./timing.js";
import { walk, type WalkEntry } from "./walk.js";

export const TOOL_NAME = "campaign-ims";
export const TOOL_VERSION = (
  createRequire(import.meta.url)("eslint-plugin-campaign-ims/package.json") as { version: string }
).version;

export interface ScanProgress {
  /** Files of scanned types found so far. */
  found: number;
  /** Of those, files completely checked. */
  done: number;
  findings: number;
  /** False once the walk is over (`found` is then the total). */
  walking: boolean;
  /** Files to check, counted by a walk before the scan (only when progress is shown). */
  total?: number;
}

export interface ScanHooks {
  onProgress?: (progress: ScanProgress) => void;
  /** Details for `--verbose` (paths and counts only: never file content). */
  onDetail?: (line: string) => void;
  /** `--timing`: the walking thread's clock; the scan times its load, walk, read and lint phases on it. */
  clock?: PhaseClock;
  /** `--timing`: when the scan ends, the lint workers' phase times summed, and how many workers linted. */
  onWorkerTiming?: (times: PhaseTimes, workers: number) => void;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const compareFindings = (a: ScannedFinding, b: ScannedFinding): number =>
  compareStrings(a.path, b.path) ||
  a.line - b.line ||
  a.column - b.column ||
  a.endLine - b.endLine ||
  a.endColumn - b.endColumn ||
  compareStrings(a.ruleId, b.ruleId) ||
  compareStrings(a.message, b.message) ||
  compareStrings(a.fingerprint, b.fingerprint);

export const compareProblems = (a: FileProblem, b: FileProblem): number =>
  compareStrings(a.path, b.path) || a.line - b.line || a.column - b.column || compareStrings(a.kind, b.kind) || compareStrings(a.message, b.message);

export const compareSkipped = (a: SkippedFile, b: SkippedFile): number => compareStrings(a.path, b.path) || compareStrings(a.reason, b.reason);

/** Files a walk yields for this shard: the progress line's total. */
function countFiles(entries: Iterable<WalkEntry>, settings: ScanSettings): number {
  let count = 0;
  for (const entry of entries) if (entry.type === "file" && inShard(entry.path, settings.shard)) count++;
  return count;
}

export async function scan(settings: ScanSettings, hooks: ScanHooks = {}): Promise<ScanResult> {
  const { clock } = hooks;
  const timed = <T>(phase: TimingPhase, work: () => T): T => (clock === undefined ? work() : clock.time(phase, work));
  const loadStart = performance.now();
  const plugin = await loadPlugin(settings.pluginModule);
  const engine = new LintEngine(plugin, settings);
  engine.validate();
  clock?.span("load", loadStart, performance.now());
  engine.clock = clock;
  if (settings.fix !== undefined) checkSuggestionRules(settings.fix, plugin);
  // Read before the walk, so a missing or bad baseline stops the scan before any work.
  const baseline = settings.baseline === undefined ? undefined : loadBaseline(settings.baseline);
  const fixer = settings.fix === undefined ? undefined : new FixApplier(settings.root, settings.fix.mode, (path, text) => engine.lintFile(path, text, { fix: false }));

  const stats: ScanStats = emptyStats();
  const skipped: SkippedFile[] = [];
  const applied = new AppliedConfigurationRecorder(settings);
  const walkOptions = { ...settings, isScannedType: (path: string) => engine.isLinted(path), listed: settings.selection !== undefined, ignoreFiles: applied.ignoreFileOptions };
  // --strict-config: every ignore file the walk will read is checked before anything is linted.
  if (applied.strict) {
    for (const entry of walk(walkOptions)) void entry;
    applied.checkIgnoreFiles();
  }
  const progress: ScanProgress = { found: 0, done: 0, findings: 0, walking: true };
  // For the progress line's total and time left: a first walk that only lists (directory listings are cheap next to linting).
  if (hooks.onProgress !== undefined) progress.total = timed("walk", () => countFiles(walk(walkOptions), settings));
  const report = (): void => hooks.onProgress?.({ ...progress });
  const detail = hooks.onDetail ?? (() => {});

  const dispatcher = new LintDispatcher(engine, settings, (result: FileResult) => {
    fixer?.accept(result);
    progress.done++;
    progress.findings += result.findings.length;
    detail(`linted ${result.path}: ${result.findings.length} finding(s), ${result.problems.length} problem(s)`);
    report();
  }, (threads) => detail(`linting in ${threads} worker threads`));
  dispatcher.timing = clock !== undefined;
  dispatcher.startEarly();

  const entries = walk(walkOptions)[Symbol.iterator]();
  try {
    for (;;) {
      const next = timed("walk", () => entries.next());
      if (next.done === true) break;
      const entry = next.value;
      if (!inShard(entry.path, settings.shard)) continue;
      if (entry.type === "ignored") {
        stats.ignored[entry.cause]++;
        if (entry.by !== undefined) applied.countIgnored(entry.by);
        detail(`ignored ${entry.path} (${entry.cause})`);
        continue;
      }
      if (entry.type === "skipped") {
        skipped.push({ path: entry.path, reason: entry.reason, detail: entry.detail });
        detail(`skipped ${entry.path}: ${entry.reason} (${entry.detail})`);
        continue;
      }
      stats.filesConsidered++;
      progress.found++;
      const read = timed("read", () => readAndPrefilter(entry.absolutePath, settings.maxFileSize));
      if (!read.ok) {
        skipped.push({ path: entry.path, reason: read.reason, detail: read.detail });
        detail(`skipped ${entry.path}: ${read.reason} (${read.detail})`);
        progress.done++;
        report();
        continue;
      }
      stats.filesScanned++;
      stats.bytesScanned += read.bytes;
      if (read.text === undefined) {
        progress.done++;
        report();
        continue;
      }
      // Parse less: keywords only in comments (commented-keywords.ts). An unused-directive report needs the lint.
      const text = read.text;
      if (!settings.reportUnusedDisableDirectives && isScriptPath(entry.path) && timed("read", () => keywordsOnlyInComments(entry.path, text))) {
        detail(`not parsed ${entry.path}: its keywords are all in comments`);
        progress.done++;
        report();
        continue;
      }
      stats.filesLinted++;
      await dispatcher.submit(entry.path, read.text);
      report();
    }
  } catch (error) {
    // A pool started early (explicit --concurrency) must not keep the process alive after a failed walk.
    await dispatcher.close();
    throw error;
  }
  progress.walking = false;
  report();

  const results = await dispatcher.finish();
  if (hooks.onWorkerTiming !== undefined) {
    const { times, workers } = dispatcher.workerTiming();
    hooks.onWorkerTiming(times, workers);
  }
  const findings: ScannedFinding[] = [];
  const errors: FileProblem[] = [];
  for (const result of results) {
    findings.push(...result.findings);
    errors.push(...result.problems);
    stats.allowlisted.paths += result.allowlisted.paths;
    stats.allowlisted.operators += result.allowlisted.operators;
    stats.allowlisted.values += result.allowlisted.values;
  }
  const reported = baseline === undefined ? undefined : applyBaseline(findings, baseline);
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root: settings.root,
    profile: settings.profile,
    rules: engine.config.rules,
    findings: (reported?.findings ?? findings).sort(compareFindings),
    skipped: skipped.sort(compareSkipped),
    errors: errors.sort(compareProblems),
    stats,
    configuration: applied.result(),
    ...(fixer === undefined ? {} : { fixes: fixer.report() }),
    ...(settings.shard === undefined ? {} : { shard: { ...settings.shard } }),
    ...(reported === undefined ? {} : { baseline: { suppressed: reported.suppressed } }),
    ...(settings.selection === undefined ? {} : { selection: settings.selection }),
  };
}

/**
 * What configured a scan, for the reports: the configuration file, the allowlists, and every
 * ignore file read with the paths it ignored. Under --strict-config, `.campaign-imsignore` lines
 * that ignore paths are collected (by file and line, never text) and refused by checkIgnoreFiles.
 */
class AppliedConfigurationRecorder {
  readonly strict: boolean;
  readonly ignoreFileOptions: IgnoreFileOptions;
  private readonly ignoreFiles = new Map<string, number>();
  private readonly widenings = new Set<string>();

  constructor(private readonly settings: ScanSettings) {
    const configuration = settings.configuration;
    this.strict = configuration?.strict === true;
    this.ignoreFileOptions = {
      names: configuration?.campaignIgnoreFiles === false ? [".gitignore"] : IGNORE_FILE_NAMES,
      onRead: (file, text) => {
        const path = this.relativePath(file);
        if (!this.ignoreFiles.has(path)) this.ignoreFiles.set(path, 0);
        if (this.strict && basename(file) === ".campaign-imsignore") {
          for (const line of ignoreFileWidenings(text)) this.widenings.add(`${path} line ${line} ignores paths`);
        }
      },
    };
  }

  private relativePath(file: string): string {
    return relative(this.settings.root, file).split(sep).join("/");
  }

  /** A path the walk left out because of `ignoreFile` (relative to the root). */
  countIgnored(ignoreFile: string): void {
    this.ignoreFiles.set(ignoreFile, (this.ignoreFiles.get(ignoreFile) ?? 0) + 1);
  }

  /** --strict-config: a ScanConfigError naming every ignore-file line that ignores paths. */
  checkIgnoreFiles(): void {
    if (this.widenings.size === 0) return;
    throw new ScanConfigError(
      `--strict-config: the scanned repository's .campaign-imsignore files widen the gate's ignores ` +
        `(put patterns in the gate's "exclude" instead):\n${[...this.widenings].sort().map((line) => `  - ${line}`).join("\n")}`,
    );
  }

  result(): AppliedConfiguration {
    const configuration = this.settings.configuration;
    const { allowlist } = this.settings;
    return {
      ...(configuration?.file === undefined ? {} : { file: configuration.file }),
      source: configuration?.source ?? "defaults",
      strict: this.strict,
      campaignIgnoreFiles: configuration?.campaignIgnoreFiles !== false,
      allowlist: { paths: [...allowlist.paths], operators: [...allowlist.operators], values: allowlist.values.length },
      ignoreFiles: [...this.ignoreFiles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, ignored]) => ({ path, ignored })),
    };
  }
}
