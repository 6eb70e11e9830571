/**
 * Reading a scan result back from its JSON (`--format json`) or SARIF (`--format sarif`) output,
 * for `campaign-ims merge`. JSON gives back everything its formats need: findings (their operator
 * and endpoint from the inventory's fingerprint lists), skipped files, problems and the counts.
 * SARIF gives back what SARIF holds: findings, rules, skipped files and problems, no counts.
 */
import { fileURLToPath } from "node:url";
import { FINGERPRINT_VERSION } from "./fingerprint.js";
import type { ScannablePlugin } from "./lint-config.js";
import { parseJsonInput } from "./json-input.js";
import { buildLintConfig } from "./lint-config.js";
import type { Shard } from "./shard.js";
import { emptyStats, PROFILES, ScanConfigError, type AppliedConfiguration, type FileProblem, type Profile, type RuleInfo, type ScannedFinding, type ScanResult, type Severity, type SkippedFile } from "./types.js";

export type ResultFormat = "json" | "sarif";

export interface ReadResult {
  file: string;
  format: ResultFormat;
  result: ScanResult;
}

type Json = Record<string, any>;

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * JSON and SARIF do not carry a finding's code frame (only the masked line, as evidence): the
 * frame spans the whole evidence. No format `merge` writes shows frames.
 */
const frameOf = (evidence: string) => ({ text: evidence, start: 0, end: evidence.length });

function fromJson(file: string, data: Json, plugin: ScannablePlugin): ScanResult {
  const summary = data.summary as Json;
  const inventory = data.inventory as Json;
  if (!isRecord(summary) || !isRecord(inventory) || !Array.isArray(data.findings) || !Array.isArray(data.skipped) || !Array.isArray(data.errors)) {
    throw new ScanConfigError(`${file}: a JSON result needs findings, inventory, skipped, errors and summary`);
  }
  const profile = summary.profile as Profile;
  if (!(PROFILES as readonly string[]).includes(profile)) throw new ScanConfigError(`${file}: unknown profile ${JSON.stringify(profile)}`);

  const operators = new Map<string, string>();
  for (const group of (inventory.byOperator ?? []) as Json[]) for (const fingerprint of group.fingerprints as string[]) operators.set(fingerprint, group.operator);
  const endpoints = new Map<string, string>();
  for (const group of (inventory.byEndpoint ?? []) as Json[]) for (const fingerprint of group.fingerprints as string[]) endpoints.set(fingerprint, group.endpoint);

  const findings = (data.findings as Json[]).map((finding): ScannedFinding => {
    const scanned: ScannedFinding = { ...(finding as ScannedFinding), frame: frameOf(finding.evidence) };
    const operator = operators.get(finding.fingerprint);
    const endpoint = endpoints.get(finding.fingerprint);
    if (operator !== undefined) scanned.operator = operator;
    if (endpoint !== undefined) scanned.endpoint = endpoint;
    return scanned;
  });

  // The JSON names the rules that ran, not their levels: descriptions and links come from the
  // plugin (same version), levels from the profile. No format `merge` writes from JSON shows levels.
  const known = new Map(buildLintConfig(plugin, { profile, rules: [], markdown: true }).rules.map((rule) => [rule.id, rule]));
  const namespace = plugin.meta?.namespace ?? "campaign-ims";
  const rules = (summary.rules as string[]).map((id): RuleInfo => {
    const meta = plugin.rules?.[id.slice(namespace.length + 1)]?.meta.docs as { description?: string; url?: string; kind?: RuleInfo["kind"] } | undefined;
    return known.get(id) ?? { id, description: meta?.description ?? id, helpUri: meta?.url ?? "", kind: meta?.kind ?? "hardcoded-secret", level: "error" };
  });

  const result: ScanResult = {
    tool: { name: data.tool.name, version: data.tool.version },
    root: data.root,
    profile,
    rules,
    findings,
    skipped: data.skipped as SkippedFile[],
    errors: data.errors as FileProblem[],
    stats: {
      filesConsidered: summary.files.considered,
      filesScanned: summary.files.scanned,
      filesLinted: summary.files.linted,
      bytesScanned: summary.bytesScanned,
      ignored: { ...summary.ignored },
      allowlisted: { paths: summary.allowlisted.paths, operators: summary.allowlisted.operators, values: summary.allowlisted.values },
    },
  };
  if (isRecord(summary.baseline)) result.baseline = { suppressed: summary.baseline.suppressed };
  if (isRecord(summary.shard)) result.shard = { index: summary.shard.index, count: summary.shard.count };
  if (isRecord(summary.configuration)) result.configuration = structuredClone(summary.configuration) as AppliedConfiguration;
  return result;
}

const SEVERITIES: Readonly<Record<string, Severity>> = { error: "error", warning: "warn", note: "info" };

const uriToPath = (uri: string): string => uri.split("/").map(decodeURIComponent).join("/");

function fromSarif(file: string, data: Json): ScanResult {
  const run = (data.runs as Json[] | undefined)?.[0];
  if (!isRecord(run) || (data.runs as Json[]).length !== 1) throw new ScanConfigError(`${file}: a campaign-ims SARIF log has exactly one run`);
  const driver = run.tool?.driver as Json;
  const rootUri = run.originalUriBaseIds?.SRCROOT?.uri as string | undefined;
  if (!isRecord(driver) || rootUri === undefined) throw new ScanConfigError(`${file}: not a campaign-ims SARIF log (no tool driver or SRCROOT)`);

  const rules = ((driver.rules ?? []) as Json[]).map((rule): RuleInfo => ({
    id: rule.id,
    description: rule.shortDescription?.text ?? rule.id,
    helpUri: rule.helpUri ?? "",
    kind: rule.properties?.category,
    level: rule.defaultConfiguration?.level === "warning" ? "warn" : "error",
  }));
  const findings = ((run.results ?? []) as Json[]).map((entry): ScannedFinding => {
    const location = entry.locations[0].physicalLocation;
    const region = location.region;
    const evidence = region.snippet?.text ?? "";
    return {
      ruleId: entry.ruleId,
      severity: SEVERITIES[entry.level] ?? "warn",
      category: entry.properties?.category,
      path: uriToPath(location.artifactLocation.uri),
      line: region.startLine,
      column: region.startColumn,
      endLine: region.endLine,
      endColumn: region.endColumn,
      message: entry.message.text,
      fingerprint: entry.partialFingerprints?.[FINGERPRINT_VERSION],
      fixable: entry.properties?.fixable === true,
      hasSuggestions: entry.properties?.hasSuggestions === true,
      evidence,
      frame: frameOf(evidence),
    };
  });
  const skipped: SkippedFile[] = [];
  const errors: FileProblem[] = [];
  for (const notification of (run.invocations?.[0]?.toolExecutionNotifications ?? []) as Json[]) {
    const id = notification.descriptor?.id as string;
    // What the SARIF format says about GitHub's limits is said again when the result is rendered.
    if (id.startsWith("github-limits/")) continue;
    const location = notification.locations?.[0]?.physicalLocation;
    const path = uriToPath(location?.artifactLocation?.uri ?? "");
    if (id.startsWith("skipped/")) {
      const reason = id.slice("skipped/".length) as SkippedFile["reason"];
      skipped.push({ path, reason, detail: (notification.message.text as string).replace(`Skipped (${reason}): `, "") });
    } else {
      errors.push({ path, line: location?.region?.startLine ?? 0, column: location?.region?.startColumn ?? 0, kind: id as FileProblem["kind"], message: notification.message.text });
    }
  }
  const root = fileURLToPath(rootUri).replace(/(.)\/$/, "$1");
  const result: ScanResult = {
    tool: { name: driver.name, version: driver.version },
    root,
    // SARIF holds no profile or counts; the SARIF format does not show them.
    profile: "recommended",
    rules,
    findings,
    skipped,
    errors,
    stats: emptyStats(),
  };
  const properties = run.properties as Json | undefined;
  if (typeof properties?.["campaign-ims/baselineSuppressed"] === "number") result.baseline = { suppressed: properties["campaign-ims/baselineSuppressed"] };
  if (isRecord(properties?.["campaign-ims/shard"])) result.shard = { ...(properties["campaign-ims/shard"] as Shard) };
  if (isRecord(properties?.["campaign-ims/configuration"])) {
    // The run property also carries the allowlisted counts (SARIF has no summary of its own).
    const { allowlisted: _counts, ...configuration } = structuredClone(properties["campaign-ims/configuration"]) as AppliedConfiguration & { allowlisted?: unknown };
    result.configuration = configuration;
  }
  return result;
}

/** A campaign-ims JSON result or SARIF log, as a scan result; throws `ScanConfigError` naming `file`. */
export function readResult(file: string, text: string, plugin: ScannablePlugin): ReadResult {
  const data = parseJsonInput(text, file);
  if (!isRecord(data)) throw new ScanConfigError(`${file}: neither a campaign-ims JSON result nor a SARIF log`);
  try {
    if (data.version === "2.1.0" && Array.isArray(data.runs)) return { file, format: "sarif", result: fromSarif(file, data) };
    if (data.version === 1 && isRecord(data.tool)) return { file, format: "json", result: fromJson(file, data, plugin) };
  } catch (error) {
    if (error instanceof ScanConfigError) throw error;
    throw new ScanConfigError(`${file}: not a complete campaign-ims result (${(error as Error).message})`);
  }
  throw new ScanConfigError(`${file}: neither a campaign-ims JSON result (version 1) nor a SARIF 2.1.0 log`);
}
