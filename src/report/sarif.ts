/**
 * `--format sarif`: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers). One `rules`
 * entry per rule that ran, with `helpUri` to its documentation; results with paths relative to
 * the `SRCROOT` base and `partialFingerprints` from the scanner's fingerprint (no secret in it);
 * skipped files and parse problems as tool execution notifications.
 */
import { pathToFileURL } from "node:url";
import { REPOSITORY_URL } from "../create-rule.js";
import { FINGERPRINT_VERSION } from "../scanner/fingerprint.js";
import type { ScanResult, Severity } from "../scanner/types.js";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
const BASE_ID = "SRCROOT";

const LEVELS: Readonly<Record<Severity, "error" | "warning" | "note">> = { error: "error", warn: "warning", info: "note" };

/** A POSIX relative path as a relative URI reference (each segment percent-encoded). */
export const pathToUri = (path: string): string => path.split("/").map(encodeURIComponent).join("/");

const artifact = (path: string) => ({ uri: pathToUri(path), uriBaseId: BASE_ID });

/** A baseline's suppressed count and the shard, when present (a property bag SARIF viewers keep). */
function runProperties(result: ScanResult): { properties?: Record<string, unknown> } {
  const properties: Record<string, unknown> = {};
  if (result.baseline !== undefined) properties["campaign-ims/baselineSuppressed"] = result.baseline.suppressed;
  if (result.shard !== undefined) properties["campaign-ims/shard"] = { index: result.shard.index, count: result.shard.count };
  return Object.keys(properties).length === 0 ? {} : { properties };
}

export function sarifLog(result: ScanResult): object {
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));
  const rootUri = pathToFileURL(result.root.endsWith("/") ? result.root : `${result.root}/`).href;
  const notifications = [
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
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: REPOSITORY_URL,
            rules: result.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: rule.helpUri,
              defaultConfiguration: { level: LEVELS[rule.level] },
              properties: { category: rule.kind, tags: ["security", "adobe-campaign", rule.kind] },
            })),
          },
        },
        originalUriBaseIds: { [BASE_ID]: { uri: rootUri } },
        columnKind: "utf16CodeUnits",
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        ...runProperties(result),
        results: result.findings.map((finding) => ({
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
        })),
      },
    ],
  };
}

export function renderSarif(result: ScanResult): string {
  return `${JSON.stringify(sarifLog(result), null, 2)}\n`;
}
