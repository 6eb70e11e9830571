/**
 * Linear on hostile input (issue 11, "Fails 5"): runs of `{{`, backticks, `$(` and spaces in YAML
 * values, and tens of thousands of attributes on one XML element, in the languages that read them,
 * on a finding's line and elsewhere. The scan's CPU time for a 1 MB file stays within 40 times that
 * of the same shape at 40 KB (25 times the bytes) plus slack: a quadratic path costs 625 times.
 * Found and fixed: the masker's `key: value` line (a lazy value before trailing blanks) and its
 * template interpolations (one scan to the end of the text per unclosed opener), and the XML
 * header transport's `value` attribute lookup inside the loop over the element's attributes, and
 * the placeholder test of a credential value (an unclosed `{{`, `${`, `<%` scanned to the end).
 * CPU time (test/support/cpu-time.ts), never wall-clock time; the scan runs in this thread.
 */
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveScanSettings } from "../../src/scanner/scan-settings.js";
import { scan } from "../../src/scanner/scan.js";
import type { ScanResult } from "../../src/scanner/types.js";
import { cpuTimeAsync } from "../support/cpu-time.js";
import { REAL_PLUGIN_MODULE } from "../scanner/support/scan-fixture.js";

const SMALL = 40 * 1024;
const LARGE = 1024 * 1024;

/** A run of `unit` filling about `bytes` bytes. */
const run = (unit: string, bytes: number): string => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

/** Hostile shapes: a file name and its text of about `bytes` bytes, with a Campaign keyword so it is parsed. */
const SHAPES: Record<string, { file: string; text: (bytes: number) => string }> = {
  "{{ in a YAML script": { file: "deploy.yaml", text: (n) => `steps:\n  - run: curl -H "X-Security-Token: {{ token }}" ${run("{{", n)}\n` },
  "{{ in a JS string": { file: "client.js", text: (n) => `const headers = { "X-Session-Token": "${run("{{", n)}" };\n` },
  "backticks in TS": { file: "logon.ts", text: (n) => `const s = \`xtk:session#Logon ${run("`", n)}\n` },
  "backticks in a shell script": { file: "call.sh", text: (n) => `curl -H "X-Security-Token: $TOKEN" ${run("`", n)}\n` },
  "$( in a shell script": { file: "call.sh", text: (n) => `curl -H "X-Security-Token: $(cat t)" ${run("$(", n)}\n` },
  "$( in PowerShell": { file: "call.ps1", text: (n) => `$headers = @{ "X-Security-Token" = "$(${run("$(", n)}" }\n` },
  "spaces in YAML values": { file: "values.yaml", text: (n) => `campaign:\n  sessiontoken: "a${run(" ", n / 2)}b"\n  password: x${run(" ", n / 2)}y\n` },
  "spaces in an .http header": { file: "logon.http", text: (n) => `POST https://acme.campaign.adobe.com/nl/jsp/soaprouter.jsp\nX-Security-Token: a${run(" ", n)}b\n\nxtk:session#Logon\n` },
  "{{ in a .env value": { file: ".env", text: (n) => `CAMPAIGN_SESSION_TOKEN=${run("{{", n)}\n` },
  "{{ in a .env value before a keyword line": { file: ".env", text: (n) => `A=${run("{{", n)}\nACC_SESSIONTOKEN=mc/pass\n` },
  "<% and ${ in .env values": { file: ".env", text: (n) => `CAMPAIGN_PASSWORD=${run("<%", n / 2)}\nCAMPAIGN_SECURITY_TOKEN=${run("${", n / 2)}\n` },
  "attributes on one XML element": {
    file: "logon.xml",
    text: (n) => `<Logon xmlns="urn:xtk:session"${Array.from({ length: Math.floor(n / 14) }, (_, i) => ` a${i}="v${i}"`).join("")}><sessiontoken/></Logon>\n`,
  },
};

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

async function scanText(file: string, text: string): Promise<{ cpuMs: number; result: ScanResult }> {
  const directory = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-linear-")));
  directories.push(directory);
  writeFileSync(join(directory, file), text);
  const { scan: settings } = resolveScanSettings({ cwd: directory, paths: [], concurrency: "1", noConfig: true, pluginModule: REAL_PLUGIN_MODULE });
  return cpuTimeAsync(() => scan(settings));
}

describe("time per byte stays flat from 40 KB to 1 MB", () => {
  // Each shape as written. The .env shapes were quadratic in the placeholder test of a value
  // (campaign/secrets.ts INTERPOLATION: 80 KB of `{{` took 10 s), now linear.
  it.each(Object.keys(SHAPES))("%s", { timeout: 120_000 }, async (name) => {
    const { file, text } = SHAPES[name]!;
    await scanText(file, text(SMALL)); // warm-up: the language's first parse compiles code
    const small = await scanText(file, text(SMALL));
    const large = await scanText(file, text(LARGE));
    // The file was read and linted (not skipped), and nothing crashed.
    expect(large.result.skipped).toEqual([]);
    expect(large.result.errors.filter((problem) => problem.kind === "rule-error" || problem.kind === "other")).toEqual([]);
    expect(large.cpuMs, `${small.cpuMs.toFixed(0)} ms at 40 KB, ${large.cpuMs.toFixed(0)} ms at 1 MB`).toBeLessThanOrEqual(40 * small.cpuMs + 1500);
  });
});
