/**
 * The planted shapes of issue 11 ("Fails 1."), as fixtures (fixtures/scanner/planted-shapes: every
 * secret holds `Zq7` and `Shape`): `KEY = v`, `KEY:v`, `KEY v`, `:=`, `?=`, Dockerfile `ENV KEY
 * value`, `.http` `@password = v`, PowerShell `$env:X = bareword`, CDATA, a value on its own
 * line, `>` inside a value, `--user=U:P`, `curl -u TOKEN:`, `${VAR:-default}`, comments on a
 * finding's line, and a 32 K literal on a finding's line (once "Regular expression too large").
 * None appears in any report format, in the findings, or in a dry-run diff of its file; the
 * evidence keeps names, methods, headers and hosts readable.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMAT_NAMES, renderReport } from "../../src/report/index.js";
import { maskedDiff } from "../../src/scanner/fix/fix-diff.js";
import type { ScanResult } from "../../src/scanner/types.js";
import { FIXTURES, REAL_PLUGIN_MODULE, scanDirectory } from "./support/scan-fixture.js";

const MARKER = /Zq7>?Shape/;
let root: string;
let real: ScanResult;
let quoting: ScanResult;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "campaign-ims-shapes-"));
  cpSync(join(FIXTURES, "scanner/planted-shapes"), root, { recursive: true });
  // A minified bundle: a 32 K inline image and a password literal on one line.
  const image = `data:image/png;base64,${"iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB".repeat(1024)}`;
  writeFileSync(
    join(root, "src/bundle.min.js"),
    `const sdk=require("@adobe/acc-js-sdk");const logo="${image}";module.exports=sdk.ConnectionParameters.ofUserAndPassword("https://acme-mkt.campaign.adobe.com","svc_batch","Zq7ShapeMinified");\n`,
  );
  real = await scanDirectory(root, { pluginModule: REAL_PLUGIN_MODULE, profile: "strict" });
  quoting = await scanDirectory(root);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const files = (directory: string): string[] =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(directory, entry.name)) : [join(directory, entry.name)],
  );

describe("the planted shapes of issue 11", () => {
  it("are found, and the 32 K literal is no error", () => {
    expect(real.errors).toEqual([]);
    const paths = new Set(real.findings.map((finding) => finding.path));
    for (const path of [".env", "Makefile", "Dockerfile", "logon.http", "soap/logon.xml", "scripts/logon.sh", "src/client.js", "src/bundle.min.js"]) {
      expect(paths.has(path), path).toBe(true);
    }
  });

  it("appear in no report format, with the real rules and with a rule that quotes every line", () => {
    for (const [name, result] of [["real", real], ["quoting", quoting]] as const) {
      for (const format of FORMAT_NAMES) {
        const output = renderReport(format, result);
        const index = output.search(MARKER);
        expect(index === -1 ? undefined : output.slice(Math.max(0, index - 120), index + 40), `${name} ${format}`).toBeUndefined();
      }
    }
  });

  it("appear in no dry-run diff of their files (context lines included)", () => {
    for (const file of files(root)) {
      const text = readFileSync(file, "utf8");
      const diff = maskedDiff(relative(root, file), text, `# changed\n${text}`);
      expect(diff.match(MARKER)?.[0], relative(root, file)).toBeUndefined();
    }
  });

  it("leave names, methods, headers and hosts readable in the evidence", () => {
    const evidence = real.findings.map((finding) => `${finding.path}: ${finding.evidence}`);
    for (const shown of [
      ".env: ACC_PASSWORD = ****",
      "Makefile: ACC_PASSWORD := ****",
      "Dockerfile: ENV ACC_PASSWORD ****",
      "src/client.js: const params = sdk.ConnectionParameters.ofUserAndPassword(\"https://acme-mkt.campaign.adobe.com\", \"****\", \"****\"); …",
    ]) {
      expect(evidence, shown).toContain(shown);
    }
    expect(evidence.some((line) => line.startsWith("Dockerfile: RUN nlserver config -instance:acme -setimsjwtauth::0A1B2C3D@AdobeOrg/c0ffee12/"))).toBe(true);
    expect(evidence.some((line) => line.startsWith("logon.http: SOAPAction: xtk:session#Logon"))).toBe(true);
  });
});
