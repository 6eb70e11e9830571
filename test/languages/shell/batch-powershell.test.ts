import { describe, expect, it } from "vitest";
import { shellWordSourceRange } from "../../../src/languages/shell/index.js";
import type { ShellWord } from "../../../src/languages/shell/index.js";
import { assignmentsOf, parse, rangeOf, spanOf, wordsOf } from "./support.js";

describe("batch files", () => {
  const BAT = [
    "@echo off",
    "REM eslint-disable-next-line campaign-ims/no-hardcoded-campaign-secret",
    ":: a double-colon comment",
    "rem lower case",
    ":label",
    "set ACC_PASSWORD=s3cr^&t & echo %ACC_PASSWORD%",
    'set "ACC_USER=admin user"',
    "set /p ANSWER=Continue?",
    "nlserver config -instance:prod -setimsjwtauth:Org/Client/^",
    "Tech/Secret/LS0t > out.txt 2>&1",
    'if exist "%KEY%" (',
    '  "C:\\Program Files\\nlserver.exe" config -setimsoauth:a/b/c/d',
    ") else (",
    "  echo missing && exit /b 1",
    ")",
    "",
  ].join("\r\n");

  it("reads REM and :: comments, set assignments, ^ escapes and continuations, blocks and separators", () => {
    const { ast, problems } = parse(BAT, "batch");
    expect(problems).toEqual([]);
    expect(ast.comments.map((c) => [c.marker, c.value])).toEqual([
      ["REM", " eslint-disable-next-line campaign-ims/no-hardcoded-campaign-secret"],
      ["::", " a double-colon comment"],
      ["rem", " lower case"],
    ]);
    expect(wordsOf(ast)).toEqual([
      ["echo", "off"],
      ["set"],
      ["echo", "%ACC_PASSWORD%"],
      ["set"],
      ["set", "/p", "ANSWER=Continue?"],
      ["nlserver", "config", "-instance:prod", "-setimsjwtauth:Org/Client/Tech/Secret/LS0t"],
      ["if", "exist", "%KEY%"],
      ["C:\\Program Files\\nlserver.exe", "config", "-setimsoauth:a/b/c/d"],
      ["else"],
      ["echo", "missing"],
      ["exit", "/b", "1"],
    ]);
    expect(assignmentsOf(ast)).toEqual(["batch-set ACC_PASSWORD=s3cr&t ", "batch-set ACC_USER=admin user"]);
    expect(ast.commands.map((c) => c.terminator)).toEqual([null, "&", null, null, null, null, null, null, null, "&&", null]);
  });

  it("gives exact positions: the continued word spans two lines, set values map their carets", () => {
    const { ast } = parse(BAT, "batch");
    const jwt = ast.commands[5]?.words[3] as ShellWord;
    expect(jwt.raw).toBe("-setimsjwtauth:Org/Client/^\r\nTech/Secret/LS0t");
    expect(jwt.loc).toEqual({ start: { line: 9, column: 32 }, end: { line: 10, column: 17 } });
    expect(ast.commands[5]?.redirects.map((r) => [r.operator, r.target?.value ?? null])).toEqual([
      [">", "out.txt"],
      ["2>&", "1"],
    ]);
    const password = ast.commands[1]?.assignments[0];
    expect(password).toMatchObject({ nameRange: rangeOf(BAT, "ACC_PASSWORD"), ...spanOf(BAT, "ACC_PASSWORD=s3cr^&t ") });
    const value = password?.value as ShellWord;
    expect(shellWordSourceRange(value, 4, 5)).toEqual(rangeOf(BAT, "^&"));
    const quoted = ast.commands[3]?.assignments[0];
    expect(quoted?.value).toMatchObject(spanOf(BAT, "admin user"));
  });
});

describe("PowerShell scripts", () => {
  const PS1 = [
    "# Campaign setup",
    '$env:ACC_PASSWORD = "p`"w$suffix"',
    "${env:ACC_USER}='admin'",
    "$token += 'it''s'",
    "& nlserver config `",
    "    -instance:prod -setimsjwtauth:Org/Client/Tech/Secret/LS0t | Out-Null",
    "$headers = @{ 'X-Security-Token' = $t; Cookie = \"__sessiontoken=$s\" }",
    "Invoke-RestMethod -Uri $u -Headers $headers; if ($x -eq 1) { nlserver start }",
    "<# eslint-disable-next-line campaign-ims/x",
    "#>",
    "$body = @\"",
    "<urn:Logon>$login</urn:Logon>",
    "\"@",
    ". ./helpers.ps1",
    "",
  ].join("\n");

  it("reads assignments, commands, comments, here-strings and invocation operators", () => {
    const { ast, problems } = parse(PS1, "powershell");
    expect(problems).toEqual([]);
    expect(assignmentsOf(ast)).toEqual([
      'powershell-env ACC_PASSWORD=p"w$suffix',
      "powershell-env ACC_USER=admin",
      "powershell-variable token+=it's",
      "powershell-variable headers=@{ 'X-Security-Token' = $t; Cookie = \"__sessiontoken=$s\" }",
      "powershell-variable body=<urn:Logon>$login</urn:Logon>",
    ]);
    expect(wordsOf(ast)).toEqual([
      [],
      [],
      [],
      ["nlserver", "config", "-instance:prod", "-setimsjwtauth:Org/Client/Tech/Secret/LS0t"],
      ["Out-Null"],
      [],
      ["Invoke-RestMethod", "-Uri", "$u", "-Headers", "$headers"],
      ["if", "($x -eq 1)"],
      ["nlserver", "start"],
      [],
      ["./helpers.ps1"],
    ]);
    expect(ast.comments.map((c) => [c.marker, c.value])).toEqual([
      ["#", " Campaign setup"],
      ["<#", " eslint-disable-next-line campaign-ims/x\n"],
    ]);
    expect(ast.comments[1]?.loc).toEqual({ start: { line: 9, column: 1 }, end: { line: 10, column: 3 } });
  });

  it("maps values back to the source: backtick escapes, doubled quotes, env names", () => {
    const { ast } = parse(PS1, "powershell");
    const password = ast.commands[0]?.assignments[0];
    expect(password).toMatchObject({ name: "ACC_PASSWORD", nameRange: rangeOf(PS1, "ACC_PASSWORD"), operator: "=" });
    expect(password?.range).toEqual(rangeOf(PS1, '$env:ACC_PASSWORD = "p`"w$suffix"'));
    const value = password?.value as ShellWord;
    expect(value.hasExpansion).toBe(true);
    expect(shellWordSourceRange(value, 1, 2)).toEqual(rangeOf(PS1, '`"'));
    expect(ast.commands[1]?.assignments[0]?.nameRange).toEqual(rangeOf(PS1, "ACC_USER"));
    const its = ast.commands[2]?.assignments[0]?.value as ShellWord;
    expect(shellWordSourceRange(its, 2, 3)).toEqual(rangeOf(PS1, "''"));
    const jwt = ast.commands[3]?.words[3] as ShellWord;
    expect(jwt).toMatchObject(spanOf(PS1, "-setimsjwtauth:Org/Client/Tech/Secret/LS0t"));
    expect(ast.commands[3]?.loc).toEqual({ start: { line: 5, column: 3 }, end: { line: 6, column: 62 } });
  });

  it("reports an unterminated string, ends it with its line and reads the lines after it", () => {
    const { ast, problems } = parse("nlserver a\n$x = 'never closed\nnlserver b\n", "powershell");
    expect(problems.map((p) => [p.message, p.loc.start])).toEqual([["Unterminated single-quoted string.", { line: 2, column: 6 }]]);
    expect(wordsOf(ast)).toEqual([["nlserver", "a"], [], ["nlserver", "b"]]);
    expect(ast.commands[1]?.assignments[0]?.value).toMatchObject({ value: "never closed", raw: "'never closed" });
  });
});
