/**
 * ESLint's messages for one file, turned into findings and problems: severity graded by the
 * rule's `meta.messageLevels`, category from `meta.docs.kind`, masked evidence and code frame,
 * operator and endpoint, fingerprint, and the configuration's allowlists applied.
 */
import type { Linter } from "eslint";
import ignore, { type Ignore } from "ignore";
import type { CampaignRule, MessageLevel } from "../create-rule.js";
import type { CredentialKind } from "../campaign/credential-kinds.js";
import type { CredentialRecord } from "../campaign/credential-ranges.js";
import { findEndpoint, findFileEndpoint, findOperator } from "./credential-context.js";
import { credentialRange } from "./credential-range.js";
import { fingerprintKey, fingerprintOf } from "./fingerprint.js";
import type { FileFix } from "./fix/fix-passes.js";
import { LineIndex } from "./line-index.js";
import { commentStart, elideComment, redact, scrubText, secretsBetween, type Redaction } from "./redact.js";
import type { LintSettings } from "./scan-settings.js";
import type { PhaseTimes } from "./timing.js";
import type { AllowlistedCounts, CodeFrame, FileProblem, ScannedFinding, Severity } from "./types.js";
import { isPluginRuleId, shortRuleName } from "../rule-id.js";
import { withoutBom } from "../languages/text/line-index.js";

/** ESLint's report of a directive that suppressed nothing (--report-unused-disable-directives). */
const UNUSED_DIRECTIVE = /^Unused eslint-(?:disable|enable) directive/;

/** Characters of a source line shown in evidence and code frames (minified files have long lines). */
const FRAME_WIDTH = 160;

export interface FileResult {
  path: string;
  findings: ScannedFinding[];
  problems: FileProblem[];
  allowlisted: AllowlistedCounts;
  /** With --fix: what fixing did (the findings above are about the fixed text). */
  fix?: FileFix;
  /** From a lint worker with `--timing`: that worker's phase times so far (timing.ts). */
  timing?: { thread: number; times: PhaseTimes };
}

export class Allowlist {
  private readonly paths: Ignore | undefined;
  private readonly operators: ReadonlySet<string>;
  private readonly values: readonly string[];

  constructor(settings: LintSettings["allowlist"]) {
    this.paths = settings.paths.length > 0 ? ignore().add(settings.paths) : undefined;
    this.operators = new Set(settings.operators);
    this.values = settings.values;
  }

  coversPath(path: string): boolean {
    return this.paths?.ignores(path) ?? false;
  }

  coversOperator(operator: string | undefined): boolean {
    return operator !== undefined && this.operators.has(operator);
  }

  coversSource(source: string): boolean {
    return this.values.some((value) => source.includes(value));
  }
}

const lower = (severity: Severity, level: MessageLevel | undefined): Severity =>
  level === "info" ? "info" : level === "warn" && severity === "error" ? "warn" : severity;

/** The masked source line of a finding, windowed around the span on long lines. */
function codeFrame(redaction: Redaction, lines: LineIndex, start: number, end: number, line: number, endLine: number): CodeFrame {
  const lineStart = redaction.mapOffset(lines.lineStart(line));
  const lineEnd = redaction.mapOffset(lines.lineEnd(line));
  let text = redaction.text.slice(lineStart, lineEnd);
  let spanStart = Math.min(Math.max(redaction.mapOffset(start) - lineStart, 0), text.length);
  let spanEnd = endLine === line ? Math.min(Math.max(redaction.mapOffset(end) - lineStart, spanStart), text.length) : text.length;
  if (spanEnd === spanStart) spanEnd = Math.min(spanStart + 1, Math.max(text.length, spanStart + 1));
  // A comment after the finding's start is text nobody classified: elided, not shown.
  text = elideComment(text, Math.min(spanStart + 1, text.length));
  spanEnd = Math.min(spanEnd, text.length);
  if (text.length > FRAME_WIDTH) {
    const windowStart = Math.max(0, Math.min(spanStart - 40, text.length - FRAME_WIDTH));
    const windowEnd = Math.min(text.length, windowStart + FRAME_WIDTH);
    const prefix = windowStart > 0 ? "…" : "";
    text = prefix + text.slice(windowStart, windowEnd) + (windowEnd < text.length ? "…" : "");
    spanStart = spanStart - windowStart + prefix.length;
    spanEnd = Math.min(spanEnd - windowStart + prefix.length, text.length);
  }
  return { text, start: spanStart, end: spanEnd };
}

export interface FileFindingsInput {
  path: string;
  text: string;
  messages: readonly Linter.LintMessage[];
  namespace: string;
  rules: Readonly<Record<string, CampaignRule<string, any>>>;
  allowlist: Allowlist;
  /** The credential ranges the rules reported for this file (campaign/credential-ranges.ts). */
  credentials?: readonly CredentialRecord[];
}

/** The records of the report that starts at `start`, by the rule `ruleId`. */
function recordsAt(credentials: readonly CredentialRecord[], ruleId: string, start: number): CredentialRecord[] {
  return credentials.filter((record) => record.at === start && record.ruleId === ruleId);
}

export function fileFindings(input: FileFindingsInput): FileResult {
  const { path, messages, namespace, allowlist } = input;
  // ESLint's columns on line 1 do not count a BOM.
  const text = withoutBom(input.text);
  const result: FileResult = { path, findings: [], problems: [], allowlisted: { paths: 0, operators: 0, values: 0 } };
  if (messages.length === 0) return result;

  const lines = new LineIndex(text);
  let redaction: Redaction | undefined;
  const credentials = input.credentials ?? [];
  const masked = (): Redaction => (redaction ??= redact(text, credentials.flatMap(({ values = [], mask }) => values.map(([start, end]) => ({ start, end, mask })))));
  let fileEndpoint: string | undefined | null = null;
  const keys: string[] = [];

  for (const message of messages) {
    const line = message.line || 1;
    const column = message.column || 1;
    const ruleName = message.ruleId != null && isPluginRuleId(message.ruleId, namespace) ? shortRuleName(message.ruleId, namespace) : undefined;
    const rule = ruleName === undefined ? undefined : input.rules[ruleName];
    if (rule === undefined && (message.ruleId ?? null) === null && UNUSED_DIRECTIVE.test(message.message)) {
      // --report-unused-disable-directives: only directives naming one of our rules are ours to
      // judge (a blanket or another plugin's directive serves the repository's own ESLint).
      if (message.message.includes(`'${namespace}/`)) result.problems.push({ path, line, column, kind: "unused-directive", message: message.message });
      continue;
    }
    if (rule === undefined) {
      // Parse problems (no rule), and anything about other plugins' rules in inline comments.
      const lineSecrets = secretsBetween(masked(), lines.lineStart(line), lines.lineEnd(line));
      result.problems.push({
        path,
        line,
        column,
        kind: message.ruleId === null || message.ruleId === undefined ? (message.fatal ? "parse-error" : "parse-problem") : "other",
        message: scrubText(message.message, lineSecrets),
      });
      continue;
    }

    const endLine = message.endLine ?? line;
    const endColumn = message.endColumn ?? column;
    const start = lines.offsetOf(line, column);
    const end = Math.max(lines.offsetOf(endLine, endColumn), start);
    const rawSource = text.slice(start, end);
    const rawLine = text.slice(lines.lineStart(line), lines.lineEnd(line));

    // What the rule knew about this report first; the literal text of the finding after.
    const known = recordsAt(credentials, message.ruleId!, start);
    const operator = known.find((record) => record.operator !== undefined)?.operator ?? findOperator(rawSource) ?? findOperator(rawLine);
    let endpoint = known.find((record) => record.endpoint !== undefined)?.endpoint ?? findEndpoint(rawSource) ?? findEndpoint(rawLine);
    if (endpoint === undefined) {
      if (fileEndpoint === null) fileEndpoint = findFileEndpoint(text);
      endpoint = fileEndpoint;
    }

    if (allowlist.coversPath(path)) {
      result.allowlisted.paths++;
      continue;
    }
    if (allowlist.coversOperator(operator)) {
      result.allowlisted.operators++;
      continue;
    }
    if (allowlist.coversSource(rawSource) || allowlist.coversSource(rawLine)) {
      result.allowlisted.values++;
      continue;
    }

    const redacted = masked();
    const secrets = secretsBetween(redacted, Math.min(start, lines.lineStart(line)), Math.max(end, lines.lineEnd(line)));
    const frame = codeFrame(redacted, lines, start, end, line, endLine);
    // Every campaign-ims rule names its credential kind; a rule without one counts as a secret finding.
    const docs = rule.meta.docs as { kind?: CredentialKind } | undefined;
    const levels = (rule.meta as { messageLevels?: Record<string, MessageLevel> }).messageLevels;
    const severity = lower(message.severity === 2 ? "error" : "warn", message.messageId === undefined ? undefined : levels?.[message.messageId]);
    // Words of the rule's own message template ("Logon", "session") are never data from the
    // file, so they stay readable even when the same word is a literal on the scanned line.
    const template = message.messageId === undefined ? "" : (rule.meta.messages?.[message.messageId] ?? "");
    // A comment after the finding's start on its line is unclassified text: a message that quotes it shows "…".
    const commentAt = commentStart(rawLine, Math.min(start - lines.lineStart(line) + 1, rawLine.length));
    const comment = commentAt === undefined ? "" : rawLine.slice(commentAt).trim();
    const messageText = comment.length >= 3 ? message.message.split(comment).join("…") : message.message;
    const messageSecrets = secrets.filter((secret) => secret !== operator && !template.includes(secret));

    keys.push(
      fingerprintKey({
        ruleId: message.ruleId!,
        path,
        messageId: message.messageId,
        maskedSource: redacted.text.slice(redacted.mapOffset(start), redacted.mapOffset(end)),
        secrets: secretsBetween(redacted, ...credentialRange(text, redacted, lines, start, end, line, endLine)),
      }),
    );
    const finding: ScannedFinding = {
      ruleId: message.ruleId!,
      severity,
      category: docs?.kind ?? "hardcoded-secret",
      path,
      line,
      column,
      endLine,
      endColumn,
      message: scrubText(messageText, messageSecrets),
      fingerprint: "",
      fixable: message.fix !== undefined,
      hasSuggestions: (message.suggestions?.length ?? 0) > 0,
      evidence: frame.text.trim(),
      frame,
    };
    if (operator !== undefined) finding.operator = operator;
    if (endpoint !== undefined) finding.endpoint = endpoint;
    result.findings.push(finding);
  }

  // Occurrences count in source order, so fingerprints do not depend on ESLint's message order.
  const order = result.findings.map((_, index) => index);
  order.sort((a, b) => {
    const x = result.findings[a]!;
    const y = result.findings[b]!;
    return x.line - y.line || x.column - y.column || x.endLine - y.endLine || x.endColumn - y.endColumn || (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0);
  });
  const seen = new Map<string, number>();
  for (const index of order) {
    const key = keys[index]!;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    result.findings[index]!.fingerprint = fingerprintOf(key, occurrence);
  }
  return result;
}
