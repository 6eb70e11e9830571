import { describe, expect, it } from "vitest";
import { buildInventory } from "../../src/report/inventory.js";
import { MIGRATION_STEPS } from "../../src/report/migration-steps.js";
import type { ScannedFinding } from "../../src/scanner/types.js";

const finding = (overrides: Partial<ScannedFinding>): ScannedFinding => ({
  ruleId: "campaign-ims/no-password-logon",
  severity: "error",
  category: "native-login",
  path: "src/a.ts",
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  message: "m",
  fingerprint: "f",
  fixable: false,
  hasSuggestions: false,
  evidence: "e",
  frame: { text: "e", start: 0, end: 1 },
  ...overrides,
});

describe("inventory", () => {
  const findings = [
    finding({ fingerprint: "a1", operator: "admin", endpoint: "https://prod.example.com" }),
    finding({ fingerprint: "a2", path: "src/b.ts", operator: "admin", endpoint: "https://prod.example.com" }),
    finding({ fingerprint: "a3", path: "scripts/c.sh", operator: "mc" }),
    finding({ fingerprint: "j1", ruleId: "campaign-ims/no-jwt-service-account", category: "jwt", path: "config/x.xml", endpoint: "https://stage.example.com" }),
    finding({ fingerprint: "s1", ruleId: "campaign-ims/no-hardcoded-campaign-secret", category: "hardcoded-secret", path: "src/a.ts", line: 9 }),
    finding({ fingerprint: "z1", ruleId: "campaign-ims/no-insecure-security-zone", category: "insecure-config", path: "config/serverConf.xml" }),
    finding({ fingerprint: "t1", ruleId: "campaign-ims/no-session-token", category: "session-token", path: "x.http", operator: "mc" }),
  ];
  const inventory = buildInventory({ findings });

  it("groups by rule (most findings first) and by kind (catalogue order), each with its migration step", () => {
    expect(inventory.byRule).toEqual([
      { ruleId: "campaign-ims/no-password-logon", kind: "native-login", findings: 3, files: 3, migrationStep: "technical-account" },
      { ruleId: "campaign-ims/no-hardcoded-campaign-secret", kind: "hardcoded-secret", findings: 1, files: 1, migrationStep: "rotate-secret" },
      { ruleId: "campaign-ims/no-insecure-security-zone", kind: "insecure-config", findings: 1, files: 1, migrationStep: "lock-native-auth" },
      { ruleId: "campaign-ims/no-jwt-service-account", kind: "jwt", findings: 1, files: 1, migrationStep: "oauth-server-to-server" },
      { ruleId: "campaign-ims/no-session-token", kind: "session-token", findings: 1, files: 1, migrationStep: "bearer-header" },
    ]);
    expect(inventory.byKind.map((group) => [group.kind, group.label, group.findings, group.files, group.migrationStep])).toEqual([
      ["native-login", "Native login/password", 3, 3, "technical-account"],
      ["session-token", "Session token", 1, 1, "bearer-header"],
      ["jwt", "Service Account (JWT)", 1, 1, "oauth-server-to-server"],
      ["hardcoded-secret", "Hard-coded secret", 1, 1, "rotate-secret"],
      ["insecure-config", "Insecure configuration", 1, 1, "lock-native-auth"],
    ]);
  });

  it("groups by operator and endpoint with the fingerprints of their findings", () => {
    expect(inventory.byOperator).toEqual([
      { operator: "admin", findings: 2, files: 2, kinds: ["native-login"], fingerprints: ["a1", "a2"] },
      { operator: "mc", findings: 2, files: 2, kinds: ["native-login", "session-token"], fingerprints: ["a3", "t1"] },
    ]);
    expect(inventory.byEndpoint).toEqual([
      { endpoint: "https://prod.example.com", findings: 2, files: 2, kinds: ["native-login"], fingerprints: ["a1", "a2"] },
      { endpoint: "https://stage.example.com", findings: 1, files: 1, kinds: ["jwt"], fingerprints: ["j1"] },
    ]);
  });

  it("groups by folder, in path order", () => {
    expect(inventory.byFolder).toEqual([
      { folder: ".", findings: 1, files: 1, kinds: ["session-token"] },
      { folder: "config", findings: 2, files: 2, kinds: ["jwt", "insecure-config"] },
      { folder: "scripts", findings: 1, files: 1, kinds: ["native-login"] },
      { folder: "src", findings: 3, files: 2, kinds: ["native-login", "hardcoded-secret"] },
    ]);
  });

  it("lists the migration steps that have findings, in migration order", () => {
    expect(inventory.checklist.map((item) => [item.step, item.findings, item.files])).toEqual([
      ["technical-account", 3, 3],
      ["oauth-server-to-server", 1, 1],
      ["bearer-header", 1, 1],
      ["rotate-secret", 1, 1],
      ["lock-native-auth", 1, 1],
    ]);
    expect(inventory.checklist[0]!.action).toBe(MIGRATION_STEPS[0]!.action);
    expect(buildInventory({ findings: [] }).checklist).toEqual([]);
  });
});
