import { beforeEach, describe, expect, it } from "vitest";
import { detectShellDialect, parseShellFile, shellLanguage, ShellSourceCode } from "../../../src/languages/shell/index.js";
import type { ShellDocument } from "../../../src/languages/shell/index.js";
import { brief, fixJwtIn, lint, parse, short, visits } from "./support.js";

describe("shellLanguage through ESLint's Linter", () => {
  it("reports a command at its exact position", () => {
    const messages = lint("echo a\nnlserver config \\\n  -instance:prod\n", "setup.sh");
    expect(messages.map(brief)).toEqual([
      { ruleId: "campaign-ims/report-commands", severity: 2, message: "-: echo a", line: 1, column: 1, endLine: 1, endColumn: 7 },
      { ruleId: "campaign-ims/report-commands", severity: 2, message: "-: nlserver config -instance:prod", line: 2, column: 1, endLine: 3, endColumn: 17 },
    ]);
  });

  it("reports columns after a BOM as ESLint counts them (ESLint strips the BOM)", () => {
    expect(lint("\uFEFFnlserver x\n", "a.sh").map(short)).toEqual(["1:1-1:11 -: nlserver x"]);
  });

  it("picks the dialect from the file name, and languageOptions.dialect overrides it", () => {
    const code = "RUN nlserver start\n";
    expect(lint(code, "Dockerfile").map(short)).toEqual(["1:5-1:19 RUN: nlserver start"]);
    expect(lint(code, "build.sh").map(short)).toEqual(["1:1-1:19 -: RUN nlserver start"]);
    expect(lint(code, "build.sh", undefined, { languageOptions: { dialect: "dockerfile" } }).map(short)).toEqual(["1:5-1:19 RUN: nlserver start"]);
    expect(() => lint(code, "build.sh", undefined, { languageOptions: { dialect: "zsh" } })).toThrow(/Key "dialect": expected one of "sh"/u);
  });

  it("reports assignment values at the unquoted text", () => {
    const messages = lint('ACC_PASSWORD="s3cret"\n', ".env", { "campaign-ims/report-assignments": "error" });
    expect(messages.map(short)).toEqual(["1:15-1:21 ACC_PASSWORD = s3cret"]);
  });

  it("reports a recoverable parse problem as a message next to the findings", () => {
    // The unterminated string ends with its line: the next command is still found.
    const messages = lint("nlserver a\necho 'open\nnlserver b\n", "a.sh");
    expect(messages.map(brief)).toEqual([
      { ruleId: "campaign-ims/report-commands", severity: 2, message: "-: nlserver a", line: 1, column: 1, endLine: 1, endColumn: 11 },
      { ruleId: "campaign-ims/report-commands", severity: 2, message: "-: echo open", line: 2, column: 1, endLine: 2, endColumn: 11 },
      { ruleId: null, severity: 2, message: "Unterminated single-quoted string.", line: 2, column: 6, endLine: 2, endColumn: 7 },
      { ruleId: "campaign-ims/report-commands", severity: 2, message: "-: nlserver b", line: 3, column: 1, endLine: 3, endColumn: 11 },
    ]);
  });

  it("fails a binary file (a NUL byte) with one fatal message", () => {
    const messages = lint("nlserver a\n\u0000\u0001binary", "a.sh");
    expect(messages.map((m) => ({ ...brief(m), fatal: m.fatal }))).toEqual([
      {
        ruleId: null,
        severity: 2,
        fatal: true,
        message: "Parsing error: Binary content (NUL byte at line 2, column 1): not parsed as shell text.",
        line: 2,
        column: 1,
        endLine: undefined,
        endColumn: undefined,
      },
    ]);
  });
});

describe("directives in shell comments", () => {
  const rules = { "campaign-ims/report-commands": "error", "campaign-ims/report-assignments": "warn" } as const;

  it("# eslint-disable-next-line, # eslint-disable-line, with a justification", () => {
    const code = [
      "# eslint-disable-next-line campaign-ims/report-commands -- documented fixture",
      "nlserver a",
      "nlserver b # eslint-disable-line campaign-ims/report-commands",
      "nlserver c",
      "",
    ].join("\n");
    expect(lint(code, "a.sh").map(short)).toEqual(["4:1-4:11 -: nlserver c"]);
  });

  it("# eslint-disable / # eslint-enable around a region, for one rule", () => {
    const code = ["# eslint-disable campaign-ims/report-commands", "X=1 nlserver a", "# eslint-enable", "nlserver b", ""].join("\n");
    expect(lint(code, "a.sh", rules).map(short)).toEqual(["2:3-2:4 X = 1", "4:1-4:11 -: nlserver b"]);
  });

  it("# eslint rule: level inline configuration", () => {
    const code = '# eslint campaign-ims/report-commands: "warn"\nnlserver a\n';
    expect(lint(code, "a.sh").map((m) => [m.severity, short(m)])).toEqual([[1, "2:1-2:11 -: nlserver a"]]);
  });

  it("works in Dockerfiles, Makefiles, CI YAML, .env and .properties", () => {
    const next = "# eslint-disable-next-line campaign-ims/report-commands";
    expect(lint(`${next}\nRUN nlserver a\nRUN nlserver b\n`, "Dockerfile").map(short)).toEqual(["3:5-3:15 RUN: nlserver b"]);
    expect(lint(`all:\n\t${next}\n\tnlserver a\n\tnlserver b\n`, "Makefile").map(short)).toEqual(["4:2-4:12 recipe: nlserver b"]);
    expect(lint(`steps:\n  ${next}\n  - run: nlserver a\n  - run: nlserver b\n`, ".github/workflows/ci.yml").map(short)).toEqual([
      "4:10-4:20 run: nlserver b",
    ]);
    expect(lint(`job:\n  script:\n    - |\n      ${next}\n      nlserver a\n      nlserver b\n`, ".gitlab-ci.yml").map(short)).toEqual([
      "6:7-6:17 script: nlserver b",
    ]);
    expect(lint(`${next}\nA=1\nB=2\n`, ".env.production").map(short)).toEqual(["3:1-3:4 -: B=2"]);
    expect(lint(`${next}\na=1\n! eslint-disable-next-line campaign-ims/report-commands\nb=2\nc=3\n`, "app.properties").map(short)).toEqual([
      "5:1-5:4 -: c=3",
    ]);
  });

  it("works with REM and :: in batch files and with # and <# #> in PowerShell", () => {
    const bat = "REM eslint-disable-next-line campaign-ims/report-commands\r\nnlserver a\r\n:: eslint-disable-next-line campaign-ims/report-commands\r\nnlserver b\r\nnlserver c\r\n";
    expect(lint(bat, "setup.cmd").map(short)).toEqual(["5:1-5:11 -: nlserver c"]);
    const ps1 = "# eslint-disable-next-line campaign-ims/report-commands\nnlserver a\n<# eslint-disable-next-line campaign-ims/report-commands #>\nnlserver b\nnlserver c\n";
    expect(lint(ps1, "setup.ps1").map(short)).toEqual(["5:1-5:11 -: nlserver c"]);
  });

  it("reports a multi-line eslint-disable-line as a problem, not a directive", () => {
    const ps1 = "nlserver a <# eslint-disable-line campaign-ims/report-commands\n#>\n";
    expect(lint(ps1, "a.ps1").map(short)).toEqual([
      "1:1-1:11 -: nlserver a",
      "1:12-2:3 eslint-disable-line comment should not span multiple lines.",
    ]);
  });
});

describe("directive lines from @eslint/markdown's processor (a shell fence in a runbook)", () => {
  // The processor turns `<!-- eslint… -->` before a fence into `/*eslint…*/` lines at the top.
  const rules = { "campaign-ims/report-commands": "error", "campaign-ims/report-assignments": "warn" } as const;

  it("work like # comment directives, at the positions of the whole text", () => {
    const nextLine = "/*eslint-disable-next-line campaign-ims/report-commands -- runbook example*/\nnlserver a\nnlserver b\n";
    expect(lint(nextLine, "runbook.md/0.sh").map(short)).toEqual(["3:1-3:11 -: nlserver b"]);
    const region = "/*eslint-disable*/\n/*eslint-enable campaign-ims/report-assignments*/\nX=1 nlserver a\n";
    expect(lint(region, "runbook.md/0.sh", rules).map(short)).toEqual(["3:3-3:4 X = 1"]);
    const config = '/*eslint campaign-ims/report-commands: "warn"*/\nnlserver a\n';
    expect(lint(config, "runbook.md/0.sh").map((m) => [m.severity, short(m)])).toEqual([[1, "2:1-2:11 -: nlserver a"]]);
    // As in JS: eslint-disable-line covers its own line, which holds no command (so it is unused).
    expect(lint("/*eslint-disable-line campaign-ims/report-commands*/\nnlserver a\n", "runbook.md/0.sh").map(short)).toEqual([
      "1:1-undefined:undefined Unused eslint-disable directive (no problems were reported from 'campaign-ims/report-commands').",
      "2:1-2:11 -: nlserver a",
    ]);
    // A multi-line HTML comment gives a multi-line line; the next line is the one after its end.
    const multiLine = "/*\n  eslint-disable-next-line\n  campaign-ims/report-commands\n*/\nnlserver a\nnlserver b\n";
    expect(lint(multiLine, "runbook.md/0.sh").map(short)).toEqual(["6:1-6:11 -: nlserver b"]);
  });

  it("work in every dialect a fence can be", () => {
    const next = "/*eslint-disable-next-line campaign-ims/report-commands*/\n";
    expect(lint(`${next}RUN nlserver a\nRUN nlserver b\n`, "runbook.md/0.dockerfile").map(short)).toEqual(["3:5-3:15 RUN: nlserver b"]);
    expect(lint(`${next}- run: nlserver a\n- run: nlserver b\n`, "runbook.md/0.yaml").map(short)).toEqual(["3:8-3:18 run: nlserver b"]);
    expect(lint(`${next}A=1\nB=2\n`, "runbook.md/0.env").map(short)).toEqual(["3:1-3:4 -: B=2"]);
    expect(lint(`${next}a=1\nb=2\n`, "runbook.md/0.properties").map(short)).toEqual(["3:1-3:4 -: b=2"]);
    expect(lint(`${next}nlserver a\r\nnlserver b\r\n`, "runbook.md/0.cmd").map(short)).toEqual(["3:1-3:11 -: nlserver b"]);
    expect(lint(`${next}nlserver a\nnlserver b\n`, "runbook.md/0.ps1").map(short)).toEqual(["3:1-3:11 -: nlserver b"]);
    // A Dockerfile parser directive right after them is still at the top of the file.
    expect(lint("/* global x */\n# escape=`\nRUN nlserver a `\n  -b\n", "runbook.md/0.dockerfile").map(short)).toEqual([
      "3:5-4:5 RUN: nlserver a -b",
    ]);
  });

  it("are no part of the script: the same nodes and messages as without them, two lines down", () => {
    const prefix = "/* global x */\n/*eslint-enable*/\n";
    const samples: [string, string][] = [
      ["0.sh", "# c\nX=1 nlserver a 'b'\n"],
      ["0.dockerfile", "# syntax=docker/dockerfile:1\nENV X=1\nRUN nlserver a\n"],
      ["Makefile", "# c\nall:\n\tnlserver a\n"],
      [".github/workflows/ci.yml", "steps:\n  # c\n  - run: nlserver a\n"],
      [".gitlab-ci.yml", "job:\n  script:\n    - nlserver a\n"],
      ["0.yaml", "- run: X=1 nlserver a # c\n"],
      ["0.env", "# c\nA=1\n"],
      ["0.properties", "! c\na=1\n"],
      ["0.cmd", "REM c\r\nset A=1\r\nnlserver a\r\n"],
      ["0.ps1", "<# c #>\n$env:A = 1\nnlserver a\n"],
    ];
    const all = { ...rules, "campaign-ims/record-visits": "error" } as const;
    const quiet = { linterOptions: { reportUnusedDisableDirectives: "off" as const } };
    for (const [filename, sample] of samples) {
      visits.length = 0;
      const plain = lint(sample, filename, all, quiet).map(short);
      const plainVisits = [...visits];
      visits.length = 0;
      const prefixed = lint(prefix + sample, filename, all, quiet).map((m) => short({ ...m, line: m.line - 2, endLine: m.endLine! - 2 }));
      expect(plain.length, filename).toBeGreaterThan(0);
      expect(prefixed, filename).toEqual(plain);
      expect(visits, filename).toEqual(plainVisits);
      expect(plainVisits.some((visit) => visit.startsWith("enter ShellComment")), filename).toBe(!filename.endsWith(".gitlab-ci.yml"));
      // Every node's range and loc agree with the whole text (the invariants of `parse`).
      expect(parse(prefix + sample, detectShellDialect(filename)).ast.comments.length, filename).toBe(parse(sample, detectShellDialect(filename)).ast.comments.length);
    }
  });
});

describe("fixes through the word mapping", () => {
  it("rewrites -setimsjwtauth:A/B/C/D/E to -setimsoauth:A/B/C/D, also across a continuation and inside quotes", () => {
    const code = [
      "nlserver config -instance:prod -setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1C\\",
      "RUdJTg== && echo ok",
      'nlserver config "-setimsjwtauth::O/C/T/S/$(base64 -w0 key.pem)" -instance:x',
      "",
    ].join("\n");
    const report = fixJwtIn(code, "setup.sh");
    expect(report.fixed).toBe(true);
    expect(report.output).toBe(
      ["nlserver config -instance:prod -setimsoauth:Org/Client/Tech/Secret && echo ok", 'nlserver config "-setimsoauth::O/C/T/S" -instance:x', ""].join("\n"),
    );
  });

  it("rewrites the option in a Dockerfile exec form, a Makefile recipe and a workflow script", () => {
    expect(fixJwtIn('CMD ["nlserver", "config", "-setimsjwtauth:A/B/C/D/E"]\n', "Dockerfile").output).toBe(
      'CMD ["nlserver", "config", "-setimsoauth:A/B/C/D"]\n',
    );
    expect(fixJwtIn("all:\n\tnlserver config -setimsjwtauth:A/B/\\\n\tC/D/E\n", "Makefile").output).toBe(
      "all:\n\tnlserver config -setimsoauth:A/B/\\\n\tC/D\n",
    );
    expect(fixJwtIn("steps:\n  - run: |\n      nlserver config -setimsjwtauth:A/B/C/D\n", ".github/workflows/a.yml").output).toBe(
      "steps:\n  - run: |\n      nlserver config -setimsoauth:A/B/C/D\n",
    );
  });
});

describe("ShellSourceCode", () => {
  beforeEach(() => {
    visits.length = 0;
  });

  it("traverses in source order, children after assignments/words/redirects merged by position", () => {
    lint("# c\nX=1 nlserver >out a\n", "a.sh", { "campaign-ims/record-visits": "error" });
    expect(visits).toEqual([
      "enter ShellDocument",
      "enter ShellComment(c) < ShellDocument",
      "exit ShellComment(c)",
      "enter ShellCommand < ShellDocument",
      "enter ShellAssignment < ShellCommand",
      "enter ShellWord(1) < ShellAssignment",
      "exit ShellWord(1)",
      "exit ShellAssignment",
      "enter ShellWord(nlserver) < ShellCommand",
      "exit ShellWord(nlserver)",
      "enter ShellRedirect < ShellCommand",
      "enter ShellWord(out) < ShellRedirect",
      "exit ShellWord(out)",
      "exit ShellRedirect",
      "enter ShellWord(a) < ShellCommand",
      "exit ShellWord(a)",
      "exit ShellCommand",
      "exit ShellDocument",
    ]);
  });

  it("exposes text, lines, comments, dialect, parents and ancestors", () => {
    const text = "# eslint-disable\r\nnlserver x\r\n";
    const parsed = parseShellFile(text, "deploy.sh");
    expect(parsed.ok).toBe(true);
    const ast = (parsed as { ast: ShellDocument }).ast;
    const sourceCode = shellLanguage.createSourceCode({ path: "deploy.sh", physicalPath: "deploy.sh", bom: false, body: text }, parsed as never);
    expect(sourceCode).toBeInstanceOf(ShellSourceCode);
    expect(sourceCode.dialect).toBe("sh");
    expect(sourceCode.lines).toEqual(["# eslint-disable", "nlserver x", ""]);
    expect(sourceCode.getInlineConfigNodes()).toEqual([ast.comments[0]]);
    const word = ast.commands[0]?.words[1];
    expect(sourceCode.getParent(word as never)).toBe(ast.commands[0]);
    expect(sourceCode.getAncestors(word as never).map((n) => n.type)).toEqual(["ShellDocument", "ShellCommand"]);
    expect(sourceCode.getText(word as never)).toBe("x");
    expect(sourceCode.getWordSourceRange(word as never, 0)).toEqual([27, 28]);
    expect(sourceCode.getLoc(word as never)).toEqual({ start: { line: 2, column: 10 }, end: { line: 2, column: 11 } });
  });

  it("has the language contract ESLint needs", () => {
    expect(shellLanguage).toMatchObject({ fileType: "text", lineStart: 1, columnStart: 1, nodeTypeKey: "type" });
    expect(Object.keys(shellLanguage.visitorKeys).sort()).toEqual([
      "ShellAssignment",
      "ShellCommand",
      "ShellComment",
      "ShellDocument",
      "ShellHeredoc",
      "ShellRedirect",
      "ShellWord",
    ]);
    expect(() => shellLanguage.validateLanguageOptions({})).not.toThrow();
  });
});

describe("detectShellDialect", () => {
  it.each([
    ["scripts/setup.sh", "sh"],
    ["deploy", "sh"],
    [".envrc", "sh"],
    ["Dockerfile", "dockerfile"],
    ["docker/Dockerfile.prod", "dockerfile"],
    ["app.dockerfile", "dockerfile"],
    ["Containerfile", "dockerfile"],
    ["Makefile", "makefile"],
    ["GNUmakefile", "makefile"],
    ["rules.mk", "makefile"],
    [".github/workflows/deploy.yml", "github-actions"],
    ["repo\\.github\\workflows\\deploy.yaml", "github-actions"],
    ["action.yml", "github-actions"],
    [".gitlab-ci.yml", "gitlab-ci"],
    ["ci/templates.gitlab-ci.yml", "gitlab-ci"],
    [".gitlab/ci/deploy.yml", "gitlab-ci"],
    ["docker-compose.yml", "yaml"],
    [".env", "env"],
    [".env.production", "env"],
    ["prod.env", "env"],
    ["campaign.properties", "properties"],
    ["setup.bat", "batch"],
    ["SETUP.CMD", "batch"],
    ["setup.ps1", "powershell"],
    ["README.md/0.dockerfile", "dockerfile"],
    ["README.md/1.powershell", "powershell"],
  ])("%s → %s", (path, dialect) => {
    expect(detectShellDialect(path)).toBe(dialect);
  });
});
