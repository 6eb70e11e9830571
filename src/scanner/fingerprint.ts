/**
 * Finding fingerprints, for baselines (issue 5) and SARIF `partialFingerprints`.
 *
 * - Stable across line shifts and reformatting: built from the rule, the file, the message id
 *   and the finding's source text with all whitespace removed, never from line numbers. Identical
 *   findings in one file are told apart by their order (`occurrence`).
 * - Changed when the credential changes: the masked source hides the value, so a 16-bit digest
 *   of the masked values where the finding's credential is (credential-range.ts: the span, the
 *   call's argument list, or the finding's lines) is mixed in. 16 bits tell a changed credential from the old one with
 *   odds of 65535 to 1, yet cannot confirm a guessed password: every guess matches one
 *   fingerprint in 65536.
 * - Free of secrets: the input is the masked text; the output is a SHA-256 prefix.
 */
import { createHash } from "node:crypto";

/** Characters of whitespace-free masked source that identify a finding (bounded for huge nodes). */
const CONTEXT_LENGTH = 256;

export const FINGERPRINT_VERSION = "campaign-ims/v1";

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

export interface FingerprintInput {
  ruleId: string;
  path: string;
  messageId: string | undefined;
  /** The finding's source text, masked. */
  maskedSource: string;
  /** The raw values masked where the finding's credential is (credential-range.ts). */
  secrets: readonly string[];
}

/** The part of a fingerprint that does not depend on the finding's order in its file. */
export function fingerprintKey(input: FingerprintInput): string {
  const context = input.maskedSource.replace(/\s+/g, "").slice(0, CONTEXT_LENGTH);
  const secretDigest = sha256(input.secrets.join("\u0000")).slice(0, 4);
  return [FINGERPRINT_VERSION, input.ruleId, input.path, input.messageId ?? "", context, secretDigest].join("\u0000");
}

/** The fingerprint of the `occurrence`-th finding (0-based) with this key in its file. */
export function fingerprintOf(key: string, occurrence: number): string {
  return sha256(`${key}\u0000${occurrence}`).slice(0, 32);
}
