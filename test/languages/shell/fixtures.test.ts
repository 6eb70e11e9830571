import { describe, expect, it } from "vitest";
import { detectShellDialect, parseShellFile, shellLanguage, ShellSourceCode } from "../../../src/languages/shell/index.js";
import type { ShellDocument } from "../../../src/languages/shell/index.js";
import type { ParseProblem } from "../../../src/languages/shell/index.js";
import { assignmentsOf, fixJwtIn, lint, parse, readFixture, short, wordsOf } from "./support.js";

/** Parses a fixture as ESLint would pick its dialect, checking the invariants. */
function fixture(name: string): { text: string; ast: ShellDocument; problems: ParseProblem[]; sourceCode: ShellSourceCode } {
  const text = readFixture(name);
  const { ast, problems } = parse(text, detectShellDialect(name));
  return { text, ast, problems, sourceCode: new ShellSourceCode({ text, ast, problems }) };
}

const directives = (sourceCode: ShellSourceCode) =>
  sourceCode.getDisableDirectives().directives.map((d) => [d.type, d.value, d.justification]);

describe("shell fixtures", () => {
  it("crlf-bom.sh: BOM and CRLF, a key continued over a line", () => {
    const { ast } = fixture("crlf-bom.sh");
    expect(wordsOf(ast)).toEqual([
      ["export"],
      ["nlserver", "config", "-instance:prod", "-setimsjwtauth:Org@AdobeOrg/0123abcd/TECH@techacct.adobe.com/p8e-SECRET/LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t"],
      ["echo", "done"],
    ]);
    expect(assignmentsOf(ast)).toEqual(["export ACC_URL=https://acc.example.com"]);
    const text = readFixture("crlf-bom.sh");
    expect(lint(text, "crlf-bom.sh").map(short)).toEqual([
      "3:1-3:41 -: ACC_URL=https://acc.example.com export",
      "4:1-6:23 -: nlserver config -instance:prod -setimsjwtauth:Org@AdobeOrg/0123abcd/TECH@techacct.adobe.com/p8e-SECRET/LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t",
      "7:1-7:12 -: echo done",
    ]);
    // The fix keeps the BOM and CRLF and drops the key, continuation included.
    expect(fixJwtIn(text, "crlf-bom.sh").output).toBe(
      "\uFEFF#!/bin/sh\r\n# Windows-edited setup script: BOM and CRLF line ends\r\nexport ACC_URL=\"https://acc.example.com\"\r\nnlserver config -instance:prod \\\r\n  -setimsoauth:Org@AdobeOrg/0123abcd/TECH@techacct.adobe.com/p8e-SECRET\r\necho \"done\"\r\n",
    );
  });

  it("jwt-setup.sh: the documented -setimsjwtauth forms", () => {
    const { ast, problems, sourceCode } = fixture("jwt-setup.sh");
    expect(problems).toEqual([]);
    const options = ast.commands.flatMap((c) => c.words.filter((w) => w.value.startsWith("-setims")).map((w) => w.value));
    expect(options).toEqual([
      "-setimsjwtauth:OrgId@AdobeOrg/client-id/tech@techacct.adobe.com/p8e-client-secret/LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t",
      "-setimsjwtauth::OrgId@AdobeOrg/client-id/tech@techacct.adobe.com/p8e-client-secret/$(base64 -w0 /path/to/private.key)",
      "-setimsjwtauth:Org/Client/Tech",
      "-setimsjwtauth:Org/Client/Tech/Secret/$(cat private.key.base64)",
      "-setimsoauth:ims-org-id/client-id/technical-account-id/client-secret",
    ]);
    expect(wordsOf(ast).map((w) => w[0])).toEqual(["set", "nlserver", "nlserver", "nlserver", "base64", "nlserver", "nlserver"]);
    expect(ast.commands[2]?.words.at(-1)?.value).toBe("-instance:prod");
    expect(ast.commands[4]?.terminator).toBe("&&");
    expect(directives(sourceCode)).toEqual([["disable-next-line", "campaign-ims/no-jwt-service-account", "kept for the v7.3 rollback runbook"]]);
  });

  it("Dockerfile: RUN with flags and comment lines, a BuildKit script, exec form, ENV/ARG", () => {
    const { ast, problems } = fixture("Dockerfile");
    expect(problems).toEqual([]);
    expect(ast.dialect).toBe("dockerfile");
    expect(ast.commands.map((c) => [c.construct, c.words.map((w) => w.value).join(" ")])).toEqual([
      ["ARG", ""],
      ["ARG", ""],
      ["ENV", ""],
      ["ENV", ""],
      ["RUN", "apt-get update"],
      ["RUN", "nlserver config -instance:prod -setimsjwtauth:Org/Client/Tech/Secret/$(base64 -w0 /run/secrets/key)"],
      ["RUN", "set -e"],
      ["RUN", "nlserver config -instance:prod -setimsoauth:org/client/tech/secret"],
      ["CMD", "nlserver web -instance:prod"],
    ]);
    expect(assignmentsOf(ast)).toEqual([
      "dockerfile-arg IMS_CLIENT_SECRET=<null>",
      "dockerfile-arg ACC_USER=admin",
      "dockerfile-env ACC_URL=https://acc.example.com",
      "dockerfile-env ACC_PASSWORD=changeme please",
      "dockerfile-env LEGACY_TOKEN admin/s3cret",
    ]);
    expect(ast.comments.map((c) => c.value)).toEqual([" syntax=docker/dockerfile:1", " the key comes from a build secret"]);
  });

  it("campaign.mk: variables, recipes with prefixes and continuations, an inline recipe", () => {
    const { ast } = fixture("campaign.mk");
    expect(ast.dialect).toBe("makefile");
    expect(assignmentsOf(ast)).toEqual(["make ACC_USER:=admin", "make ACC_PASSWORD?=s3cret"]);
    expect(ast.commands.filter((c) => c.construct === "recipe").map((c) => c.words.map((w) => w.value))).toEqual([
      ["echo", "configuring $(ACC_USER)"],
      ["nlserver", "config", "-instance:prod", "-setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1C"],
      ["nlserver", "config", "-instance:prod", "-setimsoauth:a/b/c/d"],
    ]);
    expect(ast.comments.map((c) => c.value)).toEqual([" Campaign instance tasks", " override in CI"]);
  });

  it(".github/workflows/deploy.yml: run: scripts only", () => {
    const { ast, sourceCode } = fixture(".github/workflows/deploy.yml");
    expect(ast.dialect).toBe("github-actions");
    expect(wordsOf(ast)).toEqual([
      ["curl", "-H", "X-Security-Token: ${{ secrets.SECURITY_TOKEN }}", "$ACC_URL/nl/jsp/soaprouter.jsp"],
      ["nlserver", "config", "-instance:prod", "-setimsjwtauth:${{ secrets.ORG }}/${{ secrets.CLIENT }}/${{ secrets.TECH }}/${{ secrets.SECRET }}/${{ secrets.KEY }}"],
      ["cat"],
    ]);
    expect(ast.commands[0]?.loc.start).toEqual({ line: 13, column: 14 });
    expect(directives(sourceCode)).toEqual([["disable-next-line", "campaign-ims/no-session-token", ""]]);
  });

  it(".gitlab-ci.yml: before_script, folded and literal script items, after_script", () => {
    const { ast } = fixture(".gitlab-ci.yml");
    expect(ast.dialect).toBe("gitlab-ci");
    expect(ast.commands.map((c) => [c.construct, c.words.map((w) => w.value)])).toEqual([
      ["before_script", ["export"]],
      ["script", ["curl", "--fail", "--cookie", "__sessiontoken=$ACC_SESSIONTOKEN", "$ACC_URL/nl/jsp/soaprouter.jsp"]],
      ["script", ["nlserver", "config", "-instance:prod", "-setimsoauth:$ORG/$CLIENT/$TECH/$SECRET"]],
      ["after_script", ["echo", "cleanup"]],
    ]);
    expect(assignmentsOf(ast)).toEqual(["export ACC_SESSIONTOKEN=admin/$ACC_PASSWORD"]);
  });

  it("no-run.yml: a compose file: its command is shell, its environment entries are settings", () => {
    const { ast, problems } = fixture("no-run.yml");
    expect(ast.dialect).toBe("yaml");
    expect(ast.commands.map((c) => [c.construct, c.words.map((w) => w.value)])).toEqual([
      ["command", ["nlserver", "web", "-instance:prod"]],
      ["environment", []],
    ]);
    expect(ast.commands[1]?.assignments.map((a) => [a.kind, a.name, a.path, a.value?.value])).toEqual([
      ["yaml", "ACC_PASSWORD", "services.campaign.environment.ACC_PASSWORD", "not-a-shell-value"],
    ]);
    expect(problems).toEqual([]);
    expect(ast.comments).toHaveLength(1);
  });

  it(".env: quoted, exported, commented and multi-line values", () => {
    const { ast } = fixture(".env");
    expect(assignmentsOf(ast)).toEqual([
      "env-file ACC_URL=https://acc.example.com",
      "env-file ACC_USER=admin",
      'env-file ACC_PASSWORD=s3cret "quoted"',
      "env-file ACC_SESSIONTOKEN=admin/s3cret",
      "env-file IMS_CLIENT_SECRET=p8e-0123456789abcdef",
      "env-file IMS_PRIVATE_KEY=LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t\nLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQ==",
    ]);
    expect(ast.comments.map((c) => c.value)).toEqual([" Local Campaign credentials (never commit real values)", " login/password as a session token"]);
  });

  it("campaign.properties: all three separators and a continued value", () => {
    const { ast } = fixture("campaign.properties");
    expect(assignmentsOf(ast)).toEqual([
      "properties campaign.endpoint=https://acc.example.com/nl/jsp/soaprouter.jsp",
      "properties campaign.login:admin",
      "properties campaign.password=s3cretcontinued",
      "properties campaign.sessiontoken admin/pass",
    ]);
  });

  it("setup.bat: CRLF, set forms, :: directive, ^ continuation, redirections, a block", () => {
    const { ast, sourceCode } = fixture("setup.bat");
    expect(assignmentsOf(ast)).toEqual(["batch-set ACC_URL=https://acc.example.com", "batch-set ACC_PASSWORD=s3cr^et"]);
    expect(wordsOf(ast)).toEqual([
      ["echo", "off"],
      ["set"],
      ["set"],
      ["nlserver", "config", "-instance:prod", "-setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1C"],
      ["if", "errorlevel", "1"],
      ["echo", "failed"],
      ["exit", "/b", "1"],
    ]);
    expect(ast.commands[3]?.loc).toEqual({ start: { line: 6, column: 1 }, end: { line: 7, column: 26 } });
    expect(directives(sourceCode)).toEqual([["disable-next-line", "campaign-ims/no-jwt-service-account", ""]]);
  });

  it("setup.ps1: $env: assignment, hashtable, backtick continuations, block-comment directive", () => {
    const { ast, sourceCode } = fixture("setup.ps1");
    expect(assignmentsOf(ast)).toEqual([
      'powershell-env ACC_PASSWORD=s3"cret',
      'powershell-variable headers=@{ "X-Security-Token" = $securityToken; "Cookie" = "__sessiontoken=$sessionToken" }',
    ]);
    expect(wordsOf(ast)).toEqual([
      [],
      [],
      ["C:\\Program Files\\Adobe\\nlserver.exe", "config", "-instance:prod", "-setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1C"],
      ["Invoke-RestMethod", "-Uri", "$url/nl/jsp/soaprouter.jsp", "-Headers", "$headers", "-Body", "$envelope"],
    ]);
    expect(directives(sourceCode)).toEqual([["disable-next-line", "campaign-ims/no-session-token", ""]]);
  });

  it("unterminated.sh: problems are reported and the commands after them still parsed", () => {
    const { ast, problems } = fixture("unterminated.sh");
    expect(problems.map((p) => `${p.loc.start.line}:${p.loc.start.column} ${p.message}`)).toEqual([
      "1:6 Unterminated double-quoted string.",
      '3:5 Unterminated here-document: no line "EOF" closes it.',
    ]);
    expect(wordsOf(ast)).toEqual([["echo", "unterminated"], ["nlserver", "config", "-setimsjwtauth:A/B/C/D/E"], ["cat"]]);
  });

  it("binary.sh: a NUL byte makes the parse fail with a clear error", () => {
    const result = shellLanguage.parse({ path: "binary.sh", physicalPath: "binary.sh", bom: false, body: readFixture("binary.sh") });
    expect(result).toMatchObject({ ok: false, errors: [{ line: 1, column: 9 }] });
    expect(parseShellFile(readFixture("binary.sh"), "binary.sh").ok).toBe(false);
  });
});
