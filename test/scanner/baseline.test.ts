import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyBaseline, createBaseline, parseBaseline, renderBaseline } from "../../src/scanner/baseline.js";
import { credentialRange } from "../../src/scanner/credential-range.js";
import { LineIndex } from "../../src/scanner/line-index.js";
import { redact } from "../../src/scanner/redact.js";
import type { Finding } from "../../src/scanner/types.js";
import { FIXTURES, REAL_PLUGIN_MODULE, scanDirectory } from "./support/scan-fixture.js";

const finding = (path: string, ruleId: string, fingerprint: string): Finding => ({
  ruleId,
  severity: "error",
  category: "native-login",
  path,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  message: "m",
  fingerprint,
  fixable: false,
  hasSuggestions: false,
  evidence: "e",
});

const A = "a".repeat(32);
const B = "b".repeat(32);
const C = "c".repeat(32);

describe("baseline file", () => {
  it("is versioned JSON, sorted by path, rule and fingerprint, one finding per line", () => {
    const baseline = createBaseline(
      [finding("src/b.ts", "campaign-ims/x", A), finding("src/a.ts", "campaign-ims/y", C), finding("src/a.ts", "campaign-ims/y", B), finding("src/a.ts", "campaign-ims/x", C)],
      "campaign-ims",
    );
    expect(renderBaseline(baseline)).toBe(
      [
        "{",
        '  "version": 1,',
        '  "tool": "campaign-ims",',
        '  "fingerprints": "campaign-ims/v1",',
        '  "findings": [',
        `    {"path":"src/a.ts","ruleId":"campaign-ims/x","fingerprint":"${C}"},`,
        `    {"path":"src/a.ts","ruleId":"campaign-ims/y","fingerprint":"${B}"},`,
        `    {"path":"src/a.ts","ruleId":"campaign-ims/y","fingerprint":"${C}"},`,
        `    {"path":"src/b.ts","ruleId":"campaign-ims/x","fingerprint":"${A}"}`,
        "  ]",
        "}",
        "",
      ].join("\n"),
    );
    expect(parseBaseline(renderBaseline(baseline), "b.json")).toEqual(baseline);
    expect(renderBaseline(createBaseline([], "campaign-ims"))).toContain('  "findings": []\n}');
  });

  it("is refused with a message naming the file when it is not a baseline of this version", () => {
    const error = (text: string): string => {
      try {
        parseBaseline(text, "base.json");
      } catch (caught) {
        return (caught as Error).message;
      }
      return "accepted";
    };
    expect(error("{")).toBe('baseline base.json: not valid JSON (line 1, column 1: "{" not closed)');
    expect(error('{"findings": [tok3nValue]}')).toBe("baseline base.json: not valid JSON (line 1, column 15: unexpected character)");
    expect(error("[]")).toBe('baseline base.json is not a campaign-ims baseline (no "findings" list): create it with "campaign-ims baseline -o base.json"');
    expect(error('{"version":2,"findings":[]}')).toBe("baseline base.json has version 2; this campaign-ims reads version 1: record it again");
    expect(error('{"version":1,"fingerprints":"campaign-ims/v0","findings":[]}')).toBe(
      'baseline base.json holds "campaign-ims/v0" fingerprints; this campaign-ims computes "campaign-ims/v1": record it again',
    );
    expect(error('{"version":1,"fingerprints":"campaign-ims/v1","findings":[{"path":"a","ruleId":"r","fingerprint":"secret!"}]}')).toBe(
      'baseline base.json: findings[0] must be { "path", "ruleId", "fingerprint" (32 hex characters) }',
    );
  });

  it("suppresses each recorded finding once and keeps the others in order", () => {
    const baseline = createBaseline([finding("a.ts", "campaign-ims/x", A), finding("a.ts", "campaign-ims/x", B)], "campaign-ims");
    const current = [finding("a.ts", "campaign-ims/x", A), finding("a.ts", "campaign-ims/x", C), finding("b.ts", "campaign-ims/x", B), finding("a.ts", "campaign-ims/x", A)];
    expect(applyBaseline(current, baseline)).toEqual({ findings: [current[1], current[2], current[3]], suppressed: 1 });
  });
});

describe("baseline matching on real findings", () => {
  const directories: string[] = [];
  afterEach(() => {
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
  });

  const legacyCopy = (): string => {
    const directory = mkdtempSync(join(tmpdir(), "campaign-ims-baseline-"));
    directories.push(directory);
    cpSync(join(FIXTURES, "legacy-repo"), directory, { recursive: true });
    return directory;
  };

  const lineOf = (file: string, text: string): number => readFileSync(file, "utf8").split("\n").findIndex((line) => line.includes(text)) + 1;

  const scanWith = async (directory: string, baseline?: string) => scanDirectory(directory, { pluginModule: REAL_PLUGIN_MODULE, ...(baseline === undefined ? {} : { baseline }) });

  async function record(directory: string): Promise<string> {
    const file = join(directory, "campaign-ims.baseline.json");
    writeFileSync(file, renderBaseline(createBaseline((await scanWith(directory)).findings, "campaign-ims")));
    return file;
  }

  it("suppresses every finding of the tree it was recorded on, and holds no secret value", async () => {
    const directory = legacyCopy();
    const file = await record(directory);
    const result = await scanWith(directory, file);
    expect(result.findings).toEqual([]);
    expect(result.baseline!.suppressed).toBeGreaterThan(40);
    const text = readFileSync(file, "utf8");
    for (const secret of ["Adm1n-Campaign!", "Camp41gn!", "p8e-", "LS0t"]) expect(text).not.toContain(secret);
  });

  it("survives lines inserted above and the code reformatted around the findings", async () => {
    const directory = legacyCopy();
    const file = await record(directory);
    const client = join(directory, "src/campaign-client.ts");
    const original = readFileSync(client, "utf8");
    const call = 'sdk.ConnectionParameters.ofUserAndPassword("https://acme-mkt-prod1.campaign.adobe.com", "admin", "Adm1n-Campaign!");';
    expect(original).toContain(call);
    writeFileSync(
      client,
      "// two lines above\n\n" +
        original
          .replace(call, 'sdk.ConnectionParameters.ofUserAndPassword(\n    "https://acme-mkt-prod1.campaign.adobe.com",\n    "admin",\n    "Adm1n-Campaign!",\n  );')
          .replace(/^ {2}/gm, "    "),
    );
    const xml = join(directory, "soap/push-event.xml");
    writeFileSync(xml, `<!-- reindented -->\n${readFileSync(xml, "utf8").replace(/^ +/gm, (indent) => `${indent}${indent}`)}`);
    const result = await scanWith(directory, file);
    expect(result.findings).toEqual([]);
  });

  it("does not survive a changed credential at the same place", async () => {
    const directory = legacyCopy();
    const file = await record(directory);
    const client = join(directory, "src/campaign-client.ts");
    writeFileSync(client, readFileSync(client, "utf8").replace('"admin", "Adm1n-Campaign!"', '"admin", "N3w-Campaign-Pass!"'));
    const result = await scanWith(directory, file);
    // The hard-coded password and the logon that uses it are new findings.
    const line = lineOf(client, "N3w-Campaign-Pass!");
    expect(result.findings.map((entry) => `${entry.path}:${entry.line} ${entry.ruleId}`)).toEqual([
      `src/campaign-client.ts:${line} campaign-ims/no-password-logon`,
      `src/campaign-client.ts:${line} campaign-ims/no-hardcoded-campaign-secret`,
    ]);
  });

  it("does not survive a changed operator login in the logon call", async () => {
    const directory = legacyCopy();
    const file = await record(directory);
    const client = join(directory, "src/campaign-client.ts");
    writeFileSync(client, readFileSync(client, "utf8").replace('"admin", "Adm1n-Campaign!"', '"webapp", "Adm1n-Campaign!"'));
    const result = await scanWith(directory, file);
    expect(result.findings.map((entry) => `${entry.path}:${entry.line} ${entry.ruleId}`)).toEqual([`src/campaign-client.ts:${lineOf(client, '"webapp"')} campaign-ims/no-password-logon`]);
  });
});

describe("credentialRange (what the fingerprint's credential digest covers)", () => {
  const rangeOf = (text: string, needle: string): string => {
    const redaction = redact(text);
    const start = text.indexOf(needle);
    const end = start + needle.length;
    const lines = new LineIndex(text);
    const line = text.slice(0, start).split("\n").length;
    const [from, to] = credentialRange(text, redaction, lines, start, end, line, text.slice(0, end).split("\n").length);
    return text.slice(from, to);
  };

  it("is the span itself when it holds a masked value", () => {
    expect(rangeOf('connect(url, "op", "S3cret-Value!");', '"S3cret-Value!"')).toBe('"S3cret-Value!"');
  });

  it("reaches to the end of the argument list after the span, however it is laid out, skipping masked values", () => {
    const call = 'const c = ofUserAndPassword(\n  url,\n  "op",\n  "p)ss(word",\n);\nnext("x");';
    expect(rangeOf(call, "ofUserAndPassword")).toBe('ofUserAndPassword(\n  url,\n  "op",\n  "p)ss(word",\n)');
  });

  it("is the finding's lines otherwise", () => {
    expect(rangeOf("A=1\nACC_SESSIONTOKEN=mc/S3cret\nB=2", "ACC_SESSIONTOKEN")).toBe("ACC_SESSIONTOKEN=mc/S3cret");
  });
});
