/**
 * `campaign-ims merge`: results of one scan split across jobs (`--shard K/N`) or of disjoint
 * parts of one tree (paths, repositories checked out side by side), joined into one result.
 * Findings, skipped files and problems are concatenated and sorted as a scan sorts them; counts
 * are added up; the inventory and the summary are recomputed by the formats. Results must come
 * from the same tool version, root and format (and profile, for JSON); shards must be the N
 * shards of one scan, each once; two results that both list a file are refused, never counted
 * twice.
 */
import type { ReadResult, ResultFormat } from "./result-reader.js";
import { compareFindings, compareProblems, compareSkipped } from "./scan.js";
import { ScanConfigError, type AppliedConfiguration, type RuleInfo, type ScanResult } from "./types.js";

export interface MergedResult {
  format: ResultFormat;
  result: ScanResult;
}

const list = (values: Iterable<string>): string => [...values].join(", ");

function requireSame(inputs: readonly ReadResult[], what: string, value: (input: ReadResult) => string): void {
  const values = new Map<string, string[]>();
  for (const input of inputs) values.set(value(input), [...(values.get(value(input)) ?? []), input.file]);
  if (values.size > 1) {
    const detail = [...values].map(([name, files]) => `${name} (${list(files)})`).join("; ");
    throw new ScanConfigError(`cannot merge results of different ${what}: ${detail}`);
  }
}

function checkShards(inputs: readonly ReadResult[]): void {
  const sharded = inputs.filter((input) => input.result.shard !== undefined);
  if (sharded.length === 0) return;
  if (sharded.length < inputs.length) {
    const whole = inputs.filter((input) => input.result.shard === undefined).map((input) => input.file);
    throw new ScanConfigError(`cannot merge shards with whole scans (${list(whole)}): merge each scan's shards first`);
  }
  requireSame(inputs, "shard counts", (input) => `N=${input.result.shard!.count}`);
  const count = sharded[0]!.result.shard!.count;
  const seen = new Map<number, string>();
  for (const input of sharded) {
    const { index } = input.result.shard!;
    const earlier = seen.get(index);
    if (earlier !== undefined) throw new ScanConfigError(`shard ${index}/${count} is given twice (${earlier}, ${input.file})`);
    seen.set(index, input.file);
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) throw new ScanConfigError(`missing shard(s) ${missing.map((index) => `${index}/${count}`).join(", ")}: merge all ${count} shards`);
}

/** Every path a result lists (findings, skipped files, problems), to refuse overlapping results. */
function checkDisjoint(inputs: readonly ReadResult[]): void {
  const owner = new Map<string, string>();
  for (const input of inputs) {
    const { findings, skipped, errors } = input.result;
    const paths = new Set([...findings, ...skipped, ...errors].map((entry) => entry.path));
    for (const path of paths) {
      const earlier = owner.get(path);
      if (earlier !== undefined) {
        throw new ScanConfigError(`${path} is in both ${earlier} and ${input.file}: merge results of disjoint shards or paths, or it would count twice`);
      }
      owner.set(path, input.file);
    }
  }
}

function mergeRules(inputs: readonly ReadResult[]): RuleInfo[] {
  const rules = new Map<string, RuleInfo>();
  for (const input of inputs) for (const rule of input.result.rules) if (!rules.has(rule.id)) rules.set(rule.id, rule);
  return [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function mergeResults(inputs: readonly ReadResult[], toolVersion: string): MergedResult {
  if (inputs.length === 0) throw new ScanConfigError("merge needs at least one result file");
  requireSame(inputs, "formats", (input) => input.format);
  requireSame(inputs, "tools", (input) => input.result.tool.name);
  requireSame(inputs, "tool versions", (input) => input.result.tool.version);
  const version = inputs[0]!.result.tool.version;
  if (version !== toolVersion) {
    throw new ScanConfigError(`the results come from campaign-ims ${version}; this is ${toolVersion}: merge with the version that scanned`);
  }
  requireSame(inputs, "scan roots", (input) => input.result.root);
  const format = inputs[0]!.format;
  if (format === "json") requireSame(inputs, "profiles", (input) => input.result.profile);
  checkShards(inputs);
  checkDisjoint(inputs);

  const results = inputs.map((input) => input.result);
  const sum = (count: (result: ScanResult) => number): number => results.reduce((total, result) => total + count(result), 0);
  const baselines = results.filter((result) => result.baseline !== undefined);
  const first = results[0]!;
  const merged: ScanResult = {
    tool: { ...first.tool },
    root: first.root,
    profile: first.profile,
    rules: mergeRules(inputs),
    findings: results.flatMap((result) => result.findings).sort(compareFindings),
    skipped: results.flatMap((result) => result.skipped).sort(compareSkipped),
    errors: results.flatMap((result) => result.errors).sort(compareProblems),
    stats: {
      filesConsidered: sum((result) => result.stats.filesConsidered),
      filesScanned: sum((result) => result.stats.filesScanned),
      filesLinted: sum((result) => result.stats.filesLinted),
      bytesScanned: sum((result) => result.stats.bytesScanned),
      ignored: {
        defaultDirectories: sum((result) => result.stats.ignored.defaultDirectories),
        ignoreFiles: sum((result) => result.stats.ignored.ignoreFiles),
        excluded: sum((result) => result.stats.ignored.excluded),
        notIncluded: sum((result) => result.stats.ignored.notIncluded),
      },
      allowlisted: {
        paths: sum((result) => result.stats.allowlisted.paths),
        operators: sum((result) => result.stats.allowlisted.operators),
        values: sum((result) => result.stats.allowlisted.values),
      },
    },
  };
  const configuration = mergeConfigurations(results);
  if (configuration !== undefined) merged.configuration = configuration;
  if (baselines.length > 0) merged.baseline = { suppressed: baselines.reduce((total, result) => total + result.baseline!.suppressed, 0) };
  return { format, result: merged };
}

/**
 * The configuration of merged results: the shards of one scan share their configuration file and
 * allowlists; each counted the paths an ignore file left out among its own share, so the counts add
 * up by ignore file. Inputs that state no configuration (older results) leave it out.
 */
function mergeConfigurations(results: readonly ScanResult[]): AppliedConfiguration | undefined {
  const configurations = results.map((result) => result.configuration);
  if (!configurations.every((configuration) => configuration !== undefined)) return undefined;
  const ignored = new Map<string, number>();
  for (const { ignoreFiles } of configurations) {
    for (const file of ignoreFiles) ignored.set(file.path, (ignored.get(file.path) ?? 0) + file.ignored);
  }
  const ignoreFiles = [...ignored].map(([path, count]) => ({ path, ignored: count })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ...structuredClone(configurations[0]!), ignoreFiles };
}
