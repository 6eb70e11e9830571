/**
 * `--format sarif`: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).
 *
 * - One `rules` entry per rule that ran, with what GitHub's validator rules (GH2012 and friends)
 *   ask for: `shortDescription` (the rule's description), `fullDescription` and `help` (text
 *   and Markdown, from its documentation page: rule-docs.ts), `helpUri`, and properties `tags`,
 *   `precision` and `security-severity` (sarif-rules.ts).
 * - One run, with `automationDetails.id` (the code-scanning category, `--sarif-category`).
 * - Results with paths relative to the `SRCROOT` base and `partialFingerprints` from the
 *   scanner's fingerprint (stable across line shifts, changed with the credential, no secret).
 * - Skipped files and parse problems as tool execution notifications.
 * - Within GitHub's upload limits (GITHUB_SARIF_LIMITS): over them, the most severe results are
 *   kept, and the log (a notification and a run property) and `onWarning` say what was dropped.
 */
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import { REPOSITORY_URL } from "../create-rule.js";
import { FINGERPRINT_VERSION } from "../scanner/fingerprint.js";
import { SEVERITY_RANK, type RuleInfo, type ScannedFinding, type ScanResult, type Severity } from "../scanner/types.js";
import { ruleHelp } from "./rule-docs.js";
import { sarifRuleTags, sarifRuleTraits } from "./sarif-rules.js";
import { isPluginRuleId, shortRuleName } from "../rule-id.js";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
const BASE_ID = "SRCROOT";

/** The default code-scanning category (`automationDetails.id`; the part before the last `/`). */
export const DEFAULT_SARIF_CATEGORY = "campaign-ims";

/**
 * GitHub code scanning's limits on an uploaded SARIF file (docs.github.com, "SARIF results exceed
 * limits"): over a maximum the upload is rejected; over `displayedResults` GitHub keeps only the
 * most severe. Each run of this format has one location per result and at most 8 tags per rule.
 */
export const GITHUB_SARIF_LIMITS = {
  runsPerFile: 20,
  resultsPerRun: 25_000,
  displayedResultsPerRun: 5_000,
  rulesPerRun: 25_000,
  locationsPerResult: 1_000,
  tagsPerRule: 20,
  displayedTagsPerRule: 10,
  /** The gzip-compressed upload (10 MB, counted in decimal megabytes to stay on the safe side). */
  gzippedBytes: 10_000_000,
} as const;

export interface SarifOptions {
  /** The code-scanning category: `automationDetails.id` is `<category>/`. */
  category?: string;
  /** Told when the log leaves results out to stay within GitHub's limits. */
  onWarning?: (message: string) => void;
  /** For tests: other limits than GitHub's. */
  limits?: { resultsPerRun: number; gzippedBytes: number; displayedResultsPerRun: number };
}

const LEVELS: Readonly<Record<Severity, "error" | "warning" | "note">> = { error: "error", warn: "warning", info: "note" };

/** A POSIX relative path as a relative URI reference (each segment percent-encoded). */
export const pathToUri = (path: string): string => path.split("/").map(encodeURIComponent).join("/");

const artifact = (path: string) => ({ uri: pathToUri(path), uriBaseId: BASE_ID });

const ruleName = (id: string): string => shortRuleName(id);

/** `automationDetails.id`: GitHub takes everything before the last `/` as the category. */
export function automationId(category: string | undefined): string {
  const name = (category ?? DEFAULT_SARIF_CATEGORY).trim().replace(/\/+$/, "");
  return `${name === "" ? DEFAULT_SARIF_CATEGORY : name}/`;
}

function sarifRule(rule: RuleInfo): object {
  const name = ruleName(rule.id);
  const traits = sarifRuleTraits(name);
  const docs = isPluginRuleId(rule.id) ? ruleHelp(name) : undefined;
  const seeDocs = rule.helpUri === "" ? "" : ` See ${rule.helpUri}`;
  const help = docs ?? {
    fullDescription: `${rule.description}.`,
    text: `${rule.description}.${seeDocs}`,
    markdown: `${rule.description}.${rule.helpUri === "" ? "" : ` See [the rule's documentation](${rule.helpUri}).`}`,
  };
  return {
    id: rule.id,
    name,
    shortDescription: { text: rule.description },
    fullDescription: { text: help.fullDescription === "" ? rule.description : help.fullDescription },
    help: { text: help.text, markdown: help.markdown },
    ...(rule.helpUri === "" ? {} : { helpUri: rule.helpUri }),
    defaultConfiguration: { level: LEVELS[rule.level] },
    properties: {
      category: rule.kind,
      tags: sarifRuleTags(rule.kind, traits),
      precision: traits.precision,
      "security-severity": traits.securitySeverity,
    },
  };
}

/** A baseline's suppressed count and the shard, when present (a property bag SARIF viewers keep). */
function runProperties(result: ScanResult, limited: LimitReport | undefined): { properties?: Record<string, unknown> } {
  const properties: Record<string, unknown> = {};
  if (result.baseline !== undefined) properties["campaign-ims/baselineSuppressed"] = result.baseline.suppressed;
  if (result.shard !== undefined) properties["campaign-ims/shard"] = { index: result.shard.index, count: result.shard.count };
  if (result.configuration !== undefined) {
    properties["campaign-ims/configuration"] = { ...structuredClone(result.configuration), allowlisted: { ...result.stats.allowlisted } };
  }
  if (limited !== undefined) properties["campaign-ims/githubLimits"] = limited;
  return Object.keys(properties).length === 0 ? {} : { properties };
}

/** What the log left out to stay within GitHub's limits. */
interface LimitReport {
  findings: number;
  kept: number;
  omitted: number;
  /** The limits that made results go: `resultsPerRun`, `gzippedBytes`. */
  exceeded: string[];
  /** The least severe result kept. */
  lowestKeptSeverity?: Severity;
}

/** Most severe first: level, then the rule's security-severity, then the report order. */
function bySeverity(findings: readonly ScannedFinding[]): number[] {
  const score = (finding: ScannedFinding): number => Number(sarifRuleTraits(ruleName(finding.ruleId)).securitySeverity);
  return findings
    .map((_, index) => index)
    .sort(
      (a, b) =>
        SEVERITY_RANK[findings[b]!.severity] - SEVERITY_RANK[findings[a]!.severity] ||
        score(findings[b]!) - score(findings[a]!) ||
        a - b,
    );
}

function sarifResult(finding: ScannedFinding, ruleIndex: ReadonlyMap<string, number>): object {
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(finding.path),
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
            snippet: { text: finding.evidence },
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_VERSION]: finding.fingerprint },
    properties: { category: finding.category, fixable: finding.fixable, hasSuggestions: finding.hasSuggestions },
  };
}

function notifications(result: ScanResult): object[] {
  return [
    ...result.skipped.map((file) => ({
      level: "warning",
      message: { text: `Skipped (${file.reason}): ${file.detail}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(file.path) } }],
      descriptor: { id: `skipped/${file.reason}` },
    })),
    ...result.errors.map((problem) => ({
      level: problem.kind === "parse-problem" ? "warning" : "error",
      message: { text: problem.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact(problem.path),
            ...(problem.line > 0 ? { region: { startLine: problem.line, startColumn: Math.max(problem.column, 1) } } : {}),
          },
        },
      ],
      descriptor: { id: problem.kind },
    })),
  ];
}

const limitMessage = (report: LimitReport, limits: NonNullable<SarifOptions["limits"]>): string => {
  const why = report.exceeded
    .map((limit) => (limit === "resultsPerRun" ? `${limits.resultsPerRun} results per run` : `${limits.gzippedBytes} bytes gzip-compressed`))
    .join(" and ");
  return (
    `SARIF: ${report.findings} findings exceed GitHub code scanning's limit of ${why}; kept the ${report.kept} most severe ` +
    `(down to ${report.lowestKeptSeverity ?? "none"}), left out ${report.omitted}. The json, csv and markdown formats list every finding.`
  );
};

export function sarifLog(result: ScanResult, options: SarifOptions = {}): object {
  const limits = options.limits ?? GITHUB_SARIF_LIMITS;
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));
  const rootUri = pathToFileURL(result.root.endsWith("/") ? result.root : `${result.root}/`).href;
  const rules = result.rules.map(sarifRule);
  const results = result.findings.map((finding) => sarifResult(finding, ruleIndex));

  const build = (kept: readonly object[], limited: LimitReport | undefined): object => {
    const extra: object[] = [];
    if (limited !== undefined) {
      extra.push({ level: "warning", message: { text: limitMessage(limited, limits) }, descriptor: { id: "github-limits/results-omitted" } });
    }
    if (kept.length > limits.displayedResultsPerRun) {
      extra.push({
        level: "note",
        message: { text: `GitHub code scanning shows at most ${limits.displayedResultsPerRun} results per run (the most severe); this run has ${kept.length}.` },
        descriptor: { id: "github-limits/results-displayed" },
      });
    }
    return {
      $schema: SARIF_SCHEMA_URI,
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: result.tool.name, version: result.tool.version, semanticVersion: result.tool.version, informationUri: REPOSITORY_URL, rules } },
          automationDetails: { id: automationId(options.category) },
          originalUriBaseIds: { [BASE_ID]: { uri: rootUri } },
          columnKind: "utf16CodeUnits",
          invocations: [{ executionSuccessful: true, toolExecutionNotifications: [...notifications(result), ...extra] }],
          ...runProperties(result, limited),
          results: kept,
        },
      ],
    };
  };

  const gzippedSize = (log: object): number => gzipSync(serializeSarif(log)).length;
  const full = build(results, undefined);
  const exceeded: string[] = [];
  if (results.length > limits.resultsPerRun) exceeded.push("resultsPerRun");
  if (exceeded.length === 0 && gzippedSize(full) <= limits.gzippedBytes) {
    if (results.length > limits.displayedResultsPerRun) {
      options.onWarning?.(`SARIF: ${results.length} results; GitHub code scanning shows only the ${limits.displayedResultsPerRun} most severe.`);
    }
    return full;
  }

  // Keep the most severe results, in report order, as many as the limits allow.
  const order = bySeverity(result.findings);
  const limitedLog = (count: number): { log: object; report: LimitReport } => {
    const keep = new Set(order.slice(0, count));
    const lowest = order[count - 1];
    const report: LimitReport = {
      findings: results.length,
      kept: count,
      omitted: results.length - count,
      exceeded,
      ...(lowest === undefined ? {} : { lowestKeptSeverity: result.findings[lowest]!.severity }),
    };
    return { log: build(results.filter((_, index) => keep.has(index)), report), report };
  };
  let count = Math.min(results.length, limits.resultsPerRun);
  let attempt = limitedLog(count);
  for (let size = gzippedSize(attempt.log); size > limits.gzippedBytes && count > 0; size = gzippedSize(attempt.log)) {
    if (!exceeded.includes("gzippedBytes")) exceeded.push("gzippedBytes");
    // Results compress alike: scale the count to the budget, with a margin, and check again.
    count = Math.min(count - 1, Math.floor((count * limits.gzippedBytes * 0.95) / size));
    count = Math.max(count, 0);
    attempt = limitedLog(count);
  }
  options.onWarning?.(limitMessage(attempt.report, limits));
  return attempt.log;
}

const serializeSarif = (log: object): string => `${JSON.stringify(log, null, 2)}\n`;

export function renderSarif(result: ScanResult, options: SarifOptions = {}): string {
  return serializeSarif(sarifLog(result, options));
}
