/**
 * Credential ranges reported by the rules, as data the scanner reads after `Linter#verify`.
 *
 * ESLint's `LintMessage` carries no rule data, so a rule that knows exactly where a credential
 * value is (the literal it classified, the text of a `<sessiontoken>`, the value of
 * `ACC_PASSWORD=…`) reports through `reportCredential`: the report goes to ESLint unchanged and,
 * only while a reader is collecting (`collectCredentials`), a record of the value ranges (file
 * offsets into `sourceCode.text`), the operator login and the endpoint is kept beside it.
 *
 * - Nobody collecting (plain ESLint, the editor): one `undefined` check per report, nothing kept.
 * - The scanner collects around each `verify` in its own thread (worker threads each load their
 *   own copy of this module; `verify` is synchronous, so records cannot interleave).
 * - A record is keyed by the rule id, the file name ESLint gave the rule and the offset where the
 *   report starts, so the scanner maps a message to its record exactly; records from virtual
 *   files (code blocks a processor extracted) carry the block's name and are not applied to the
 *   physical file (their offsets are the block's).
 */

/** What a rule knows about one report's credential. */
export interface CredentialData {
  /** File offsets `[start, end)` of the credential values in the report (never printed). */
  values?: readonly (readonly [number, number])[];
  /** How the rule's message shows the values (`****`, `p8e-****`, `mc/****`); the scanner shows the same. */
  mask?: string;
  /** The operator login, when the code names it literally (already masked if secret-shaped). */
  operator?: string;
  /** The Campaign endpoint (`https://host[:port]`), when the code names it literally. */
  endpoint?: string;
}

export interface CredentialRecord extends CredentialData {
  /** `context.id` of the reporting rule (`campaign-ims/no-session-token`). */
  ruleId: string;
  /** `context.filename` the rule ran on. */
  filename: string;
  /** Offset in the file where the report starts (the message's line and column). */
  at: number;
}

let collector: CredentialRecord[] | undefined;

/**
 * Report `descriptor` to ESLint and, while collecting, record the credential it is about.
 * `at` is the offset where the reported range starts; `data.values` the credential values' ranges.
 */
export function reportCredential<Descriptor>(
  context: { readonly id: string; readonly filename: string; report(descriptor: Descriptor): void },
  descriptor: Descriptor,
  at: number,
  data: CredentialData,
): void {
  context.report(descriptor);
  if (collector !== undefined) collector.push({ ruleId: context.id, filename: context.filename, at, ...data });
}

/** Record credential data for a report made elsewhere (a shared finder that reports itself). */
export function recordCredential(context: { readonly id: string; readonly filename: string }, at: number, data: CredentialData): void {
  if (collector !== undefined) collector.push({ ruleId: context.id, filename: context.filename, at, ...data });
}

/** Run `lint` (one synchronous `verify`) and return what it returned with the records it produced. */
export function collectCredentials<T>(lint: () => T): { result: T; records: CredentialRecord[] } {
  const previous = collector;
  const records: CredentialRecord[] = [];
  collector = records;
  try {
    return { result: lint(), records };
  } finally {
    collector = previous;
  }
}
