import { describe, expect, it } from "vitest";
import { fingerprintKey, fingerprintOf, type FingerprintInput } from "../../src/scanner/fingerprint.js";

const base: FingerprintInput = {
  ruleId: "campaign-ims/no-password-logon",
  path: "src/a.ts",
  messageId: "sdk",
  maskedSource: 'ofUserAndPassword(url, "****", "****")',
  secrets: ["admin", "S3cret!"],
};
const fingerprint = (input: Partial<FingerprintInput> = {}, occurrence = 0): string => fingerprintOf(fingerprintKey({ ...base, ...input }), occurrence);

describe("fingerprints", () => {
  it("are 32 hex characters and ignore whitespace (reformatting)", () => {
    expect(fingerprint()).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint({ maskedSource: 'ofUserAndPassword(\n  url,\n  "****",\n  "****",\n)'.replace(",\n)", "\n)") })).toBe(fingerprint());
  });

  it("change with the rule, file, message, masked source, order or credential", () => {
    const variants = [
      fingerprint(),
      fingerprint({ ruleId: "campaign-ims/no-session-token" }),
      fingerprint({ path: "src/b.ts" }),
      fingerprint({ messageId: "other" }),
      fingerprint({ maskedSource: 'ofUserAndPassword(other, "****", "****")' }),
      fingerprint({}, 1),
      fingerprint({ secrets: ["admin", "N3wSecret!"] }),
    ];
    expect(new Set(variants).size).toBe(variants.length);
  });

  it("contain no secret and keep only a 16-bit digest of them in the key", () => {
    const key = fingerprintKey(base);
    expect(key).not.toContain("admin");
    expect(key).not.toContain("S3cret");
    expect(key.split("\u0000").at(-1)).toMatch(/^[0-9a-f]{4}$/);
  });
});
