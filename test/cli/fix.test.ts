/**
 * `campaign-ims scan --fix`, `--fix-dry-run` and `--fix-suggestions` end to end, on copies of
 * fixtures/scanner/fix/repo: exact file contents after fixing, a second run that changes nothing,
 * CRLF / BOM / UTF-16 / file mode kept, refusals, the masked diff and the summary.
 */
import { chmodSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, copyFixture, runCli } from "./support/run-cli.js";

beforeAll(assertBuilt);

const PLANTED = ["Fx-Planted-Pass1", "Fx-Planted-Pass2", "Fx-Planted-Pass3"];

/** Every file under a directory, with its bytes. */
function snapshot(directory: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(directory.length + 1), readFileSync(path));
  }
  return files;
}

const read = (directory: string, path: string): string => readFileSync(join(directory, path), "utf8");

const SOAP_BEFORE = "      <urn:sessiontoken>mc/Fx-Planted-Pass1</urn:sessiontoken>";
const SOAP_AFTER = "      <urn:sessiontoken></urn:sessiontoken>";
const HTTP_ACTION = "SOAPAction: nms:rtEvent#PushEvent\n";
const HTTP_HEADER = "Authorization: Bearer {{imsToken}}\n";

describe("scan --fix", () => {
  it("writes the mechanical fixes, reports what is left, and changes nothing on a second run", () => {
    const directory = copyFixture("scanner/fix/repo");
    const before = snapshot(directory);

    const first = runCli(["scan", "--fix", "-f", "json", "-o", "report.json"], { cwd: directory });
    const after = snapshot(directory);
    const text = (path: string): string => before.get(path)!.toString("utf8");

    expect(read(directory, "soap/push-event.xml")).toBe(text("soap/push-event.xml").replace(SOAP_BEFORE, SOAP_AFTER));
    expect(read(directory, "requests/push.http")).toBe(
      text("requests/push.http")
        .replace(HTTP_ACTION, HTTP_ACTION + HTTP_HEADER)
        .replace("<urn:sessiontoken>{{sessionToken}}</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>"),
    );
    // A JS envelope with no request headers in its file: emptying its token would leave the request
    // with no credential, so it is a suggestion, never a plain fix.
    expect(read(directory, "src/push.mjs")).toBe(text("src/push.mjs"));
    expect(read(directory, "docs/runbook.md")).toBe(text("docs/runbook.md").replace("mc/Fx-Planted-Pass3", ""));
    // A suggestion is never applied unless --fix-suggestions names its rule.
    expect(read(directory, "src/client.ts")).toBe(text("src/client.ts"));
    expect(read(directory, "config/notes.txt")).toBe(text("config/notes.txt"));
    expect([...after.keys()].sort()).toEqual([...before.keys(), "report.json"].sort());

    // What is left: the SDK logon (a suggestion) and its hard-coded password, and the JS envelope's token (a suggestion).
    const report = JSON.parse(read(directory, "report.json")) as { findings: Array<{ ruleId: string; path: string; line: number }> };
    expect(report.findings.map(({ ruleId, path, line }) => `${path}:${line} ${ruleId}`)).toEqual([
      "src/client.ts:4 campaign-ims/no-password-logon",
      "src/client.ts:4 campaign-ims/no-hardcoded-campaign-secret",
      "src/push.mjs:5 campaign-ims/no-session-token",
    ]);
    expect(first.code).toBe(1);
    expect(first.stderr).toBe(
      [
        "campaign-ims: fixed 3 findings in 3 files (campaign-ims/no-session-token 3)",
        "campaign-ims:   docs/runbook.md: campaign-ims/no-session-token 1",
        "campaign-ims:   requests/push.http: campaign-ims/no-session-token 1",
        "campaign-ims:   soap/push-event.xml: campaign-ims/no-session-token 1",
        "campaign-ims: 3 findings need a person:",
        "campaign-ims:   campaign-ims/no-hardcoded-campaign-secret: 1 no automatic fix (Rotate and remove hard-coded credentials)",
        "campaign-ims:   campaign-ims/no-password-logon: 1 a suggestion to review (or apply with --fix-suggestions no-password-logon)",
        "campaign-ims:   campaign-ims/no-session-token: 1 a suggestion to review (or apply with --fix-suggestions no-session-token)",
        "campaign-ims: 3 finding(s) (3 error, 0 warn, 0 info) in 2 file(s); 5 scanned, 1 skipped, 0 problem(s); wrote report.json (json)",
        "campaign-ims: failed: 3 finding(s) at or above --fail-on error",
        "",
      ].join("\n"),
    );

    const second = runCli(["scan", "--fix", "-f", "json"], { cwd: directory });
    expect(snapshot(directory)).toEqual(after);
    expect(second.code).toBe(1);
    expect(second.stderr.split("\n")[0]).toBe("campaign-ims: nothing fixed");
  });

  it("applies a rule's first suggestion only when --fix-suggestions names the rule", () => {
    const directory = copyFixture("scanner/fix/repo");
    const original = read(directory, "src/client.ts");
    const run = runCli(["scan", "--fix", "--fix-suggestions", "no-password-logon"], { cwd: directory });
    expect(read(directory, "src/client.ts")).toBe(
      original.replace(
        'ofUserAndPassword(url, "svc_fix", "Fx-Planted-Pass2")',
        "ofImsBearerToken(url, await getImsAccessToken(), { sessionInfo: true })",
      ),
    );
    // The JS envelope's token is a no-session-token suggestion, not applied here.
    expect(read(directory, "src/push.mjs")).toBe(read(copyFixture("scanner/fix/repo"), "src/push.mjs"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("campaign-ims:   src/client.ts: campaign-ims/no-password-logon 1\n");
    expect(runCli(["scan", "--fix", "--fix-suggestions", "no-password-logon"], { cwd: directory }).stderr).toMatch(/^campaign-ims: nothing fixed\n/);
  });

  it("keeps CRLF line endings (inserted lines too), the BOM, UTF-16 and the file mode", () => {
    const directory = copyFixture("scanner/fix/repo");
    const xml = read(directory, "soap/push-event.xml");
    const http = read(directory, "requests/push.http");
    const crlf = (text: string): string => text.replace(/\n/g, "\r\n");
    writeFileSync(join(directory, "soap/push-event.xml"), `\uFEFF${crlf(xml)}`);
    writeFileSync(join(directory, "requests/push.http"), crlf(http));
    writeFileSync(join(directory, "soap/utf16.xml"), Buffer.from(`\uFEFF${crlf(xml)}`, "utf16le"));
    chmodSync(join(directory, "soap/push-event.xml"), 0o640);
    chmodSync(join(directory, "requests/push.http"), 0o755);

    runCli(["scan", "--fix", "-q"], { cwd: directory });

    expect(readFileSync(join(directory, "soap/push-event.xml"), "utf8")).toBe(`\uFEFF${crlf(xml.replace(SOAP_BEFORE, SOAP_AFTER))}`);
    expect(readFileSync(join(directory, "requests/push.http"), "utf8")).toBe(
      crlf(http.replace(HTTP_ACTION, HTTP_ACTION + HTTP_HEADER).replace("<urn:sessiontoken>{{sessionToken}}</urn:sessiontoken>", "<urn:sessiontoken></urn:sessiontoken>")),
    );
    expect(readFileSync(join(directory, "soap/utf16.xml"))).toEqual(Buffer.from(`\uFEFF${crlf(xml.replace(SOAP_BEFORE, SOAP_AFTER))}`, "utf16le"));
    expect(statSync(join(directory, "soap/push-event.xml")).mode & 0o7777).toBe(0o640);
    expect(statSync(join(directory, "requests/push.http")).mode & 0o7777).toBe(0o755);
    expect(readdirSync(join(directory, "soap"))).toEqual(["push-event.xml", "utf16.xml"]);
  });

  it("leaves untouched, and reports, a file it cannot write back exactly or that has hard links", () => {
    const directory = copyFixture("scanner/fix/repo");
    const xml = read(directory, "soap/push-event.xml");
    // A Latin-1 "é" is not UTF-8: writing the decoded text back would change that byte.
    const [head, tail] = xml.split("<soapenv:Body>") as [string, string];
    const latin1 = Buffer.concat([Buffer.from(`${head}<!-- caf`), Buffer.from([0xe9]), Buffer.from(` --><soapenv:Body>${tail}`)]);
    writeFileSync(join(directory, "soap/latin1.xml"), latin1);
    linkSync(join(directory, "soap/push-event.xml"), join(directory, "soap/linked.xml"));

    const run = runCli(["scan", "--fix", "-f", "json", "-o", "report.json"], { cwd: directory });

    expect(readFileSync(join(directory, "soap/latin1.xml"))).toEqual(latin1);
    expect(read(directory, "soap/push-event.xml")).toBe(xml);
    expect(run.stderr).toContain(
      "campaign-ims: not fixed: soap/latin1.xml left untouched: its bytes are not valid in its encoding: writing the text back would change bytes outside the fix\n",
    );
    expect(run.stderr).toContain("campaign-ims: not fixed: soap/linked.xml left untouched: it has 2 hard links: a new file would no longer be shared with the other names\n");
    expect(run.stderr).toContain("campaign-ims: not fixed: soap/push-event.xml left untouched: it has 2 hard links");
    // Their findings are those of the text on disk, still fixable.
    const report = JSON.parse(read(directory, "report.json")) as { findings: Array<{ path: string; ruleId: string; fixable: boolean }> };
    expect(report.findings.filter((finding) => finding.path === "soap/latin1.xml" && finding.fixable).map((finding) => finding.ruleId)).toEqual([
      "campaign-ims/no-session-token",
    ]);
    expect(run.stderr).toContain(
      "campaign-ims:   campaign-ims/no-session-token: 1 a suggestion to review (or apply with --fix-suggestions no-session-token); 3 its file's fix was refused\n",
    );
  });
});

describe("scan --fix in worker threads", () => {
  it("writes the same files and prints the same output as in one thread", () => {
    const one = copyFixture("scanner/fix/repo");
    const pool = copyFixture("scanner/fix/repo");
    const inOne = runCli(["scan", "--fix", "--concurrency", "1", "-f", "json"], { cwd: one });
    const inPool = runCli(["scan", "--fix", "--concurrency", "2", "-f", "json"], { cwd: pool });
    expect(snapshot(pool)).toEqual(snapshot(one));
    expect(inPool.stderr).toBe(inOne.stderr);
    expect(inPool.stdout.replace(pool, "ROOT")).toBe(inOne.stdout.replace(one, "ROOT"));
    expect(runCli(["scan", "--fix-dry-run", "--concurrency", "2"], { cwd: pool }).stdout).toBe("");
  });
});

describe("scan --fix-dry-run", () => {
  it("prints a masked unified diff, writes nothing, and reports as if fixed", () => {
    const directory = copyFixture("scanner/fix/repo");
    const before = snapshot(directory);
    const run = runCli(["scan", "--fix-dry-run", "--fix-suggestions", "no-password-logon"], { cwd: directory });

    expect(snapshot(directory)).toEqual(before);
    // The JS envelope's token (a no-session-token suggestion) is left.
    expect(run.code).toBe(1);
    for (const secret of PLANTED) {
      expect(run.stdout).not.toContain(secret);
      expect(run.stderr).not.toContain(secret);
    }
    expect(run.stdout).toContain(
      [
        "--- a/soap/push-event.xml",
        "+++ b/soap/push-event.xml",
        "@@ -2,7 +2,7 @@",
        ' <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:nms:rtEvent">',
        "   <soapenv:Body>",
        "     <urn:PushEvent>",
        "-      <urn:sessiontoken>mc/****</urn:sessiontoken>",
        "+      <urn:sessiontoken></urn:sessiontoken>",
        '       <urn:domEvent><rtEvent type="welcome" email="{{email}}"/></urn:domEvent>',
        "     </urn:PushEvent>",
        "   </soapenv:Body>",
        "",
      ].join("\n"),
    );
    expect(run.stdout).toContain('-  const connectionParameters = sdk.ConnectionParameters.ofUserAndPassword(url, "****", "****");\n');
    expect(run.stdout.match(/^--- a\/.*$/gm)).toEqual([
      "--- a/docs/runbook.md",
      "--- a/requests/push.http",
      "--- a/soap/push-event.xml",
      "--- a/src/client.ts",
    ]);
    expect(run.stderr.split("\n")[0]).toBe(
      "campaign-ims: would fix 4 findings in 4 files (campaign-ims/no-password-logon 1, campaign-ims/no-session-token 3); nothing written",
    );
  });

  it("keeps stdout for the diff: a report goes to a file", () => {
    const directory = copyFixture("scanner/fix/repo");
    const run = runCli(["scan", "--fix-dry-run", "-f", "json"], { cwd: directory });
    expect(run).toEqual({ code: 2, stdout: "", stderr: "campaign-ims: --fix-dry-run prints the diff on stdout: give each --format an -o FILE\n" });
  });
});

describe("fix flags", () => {
  it("refuses --fix with --fix-dry-run, --fix-suggestions alone, and unknown rules", () => {
    const directory = copyFixture("scanner/fix/repo");
    expect(runCli(["scan", "--fix", "--fix-dry-run"], { cwd: directory })).toEqual({
      code: 2,
      stdout: "",
      stderr: "campaign-ims: error: --fix and --fix-dry-run exclude each other: choose one\n",
    });
    expect(runCli(["scan", "--fix-suggestions", "no-password-logon"], { cwd: directory }).stderr).toBe(
      "campaign-ims: error: --fix-suggestions needs --fix or --fix-dry-run\n",
    );
    const unknown = runCli(["scan", "--fix", "--fix-suggestions", "no-such-rule"], { cwd: directory });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^campaign-ims: error: --fix-suggestions: unknown rule "no-such-rule"; the rules are: no-hardcoded-campaign-secret, /);
    expect(snapshot(directory)).toEqual(snapshot(copyFixture("scanner/fix/repo")));
  });
});
