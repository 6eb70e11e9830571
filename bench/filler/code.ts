/**
 * Filler source code for TS, TSX, JS, MJS and CJS files: imports, types, functions, classes and
 * components of an ordinary product monorepo, valid for the TypeScript parser, grown unit by unit
 * until the file reaches its size.
 */
import type { Random } from "../random.js";
import { ADJECTIVES, camel, HOSTS, NOUNS, PACKAGES, pascal, VERBS } from "../vocabulary.js";

export type CodeFlavour = "ts" | "tsx" | "js" | "mjs" | "cjs";

interface Names {
  noun: string;
  other: string;
  verb: string;
  adjective: string;
}

const namesFrom = (random: Random): Names => ({
  noun: random.pick(NOUNS),
  other: random.pick(NOUNS),
  verb: random.pick(VERBS),
  adjective: random.pick(ADJECTIVES),
});

const typed = (flavour: CodeFlavour): boolean => flavour === "ts" || flavour === "tsx";

function header(random: Random, flavour: CodeFlavour, topLevel: Unique): string {
  const lines: string[] = [];
  if (random.chance(0.5)) lines.push(`// ${pascal(random.pick(NOUNS))} ${random.pick(NOUNS)} helpers.`);
  const imports = random.int(1, 5);
  for (let index = 0; index < imports; index++) {
    const { noun, verb } = namesFrom(random);
    const from = random.chance(0.5) ? random.pick(PACKAGES) : `./${random.pick(NOUNS)}-${random.pick(NOUNS)}${flavour === "cjs" ? "" : ".js"}`;
    const name = topLevel(camel(verb, noun));
    if (flavour === "cjs") lines.push(`const { ${name} } = require("${from}");`);
    else lines.push(`import { ${name} } from "${from}";`);
  }
  if (flavour === "tsx") lines.push(`import { useState, useEffect } from "react";`);
  return `${lines.join("\n")}\n\n`;
}

function typeDeclaration(random: Random, topLevel: Unique): string {
  const { noun } = namesFrom(random);
  const fields = random.int(2, 8);
  const lines = [`export interface ${topLevel(pascal(noun) + pascal(random.pick(["data", "view", "input", "state"])))} {`];
  const fieldNames = uniqueNames();
  for (let index = 0; index < fields; index++) {
    const type = random.pick(["string", "number", "boolean", "string[]", `Record<string, number>`, `Date | null`]);
    lines.push(`  ${fieldNames(camel(random.pick(ADJECTIVES), random.pick(NOUNS)))}${random.chance(0.3) ? "?" : ""}: ${type};`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n\n`;
}

/** Names declared in one scope get a numeric suffix when they repeat, so every file parses. */
type Unique = (name: string) => string;

const uniqueNames = (): Unique => {
  const seen = new Map<string, number>();
  return (name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}${count}`;
  };
};

function statement(random: Random, names: Names, indent: string, flavour: CodeFlavour, unique: Unique): string {
  const { noun, other, verb, adjective } = names;
  const annotation = typed(flavour) ? `: ${random.pick(["number", "string", "boolean"])}` : "";
  switch (random.int(0, 7)) {
    case 0:
      return `${indent}const ${unique(camel(adjective, noun))}${annotation} = ${random.int(0, 10_000)};\n`;
    case 1:
      return `${indent}if (${camel(noun)}.${camel(adjective)} && ${camel(other)}.length > ${random.int(0, 50)}) {\n${indent}  return ${camel(noun)};\n${indent}}\n`;
    case 2:
      return `${indent}for (const ${camel(other)} of ${camel(noun)}.${camel(other)}s ?? []) {\n${indent}  ${camel(verb, other)}(${camel(other)}, { ${camel(adjective)}: true });\n${indent}}\n`;
    case 3:
      return `${indent}const ${unique(camel(other, "url"))} = \`https://${random.pick(HOSTS)}/v${random.int(1, 3)}/${noun}s/\${${camel(noun)}.id}/${other}s\`;\n`;
    case 4:
      return `${indent}const ${unique(camel(other, "list"))} = ${camel(noun)}.${camel(other)}s.filter((item) => item.${camel(adjective)}).map((item) => item.id);\n`;
    case 5:
      return `${indent}logger.${random.pick(["info", "debug", "warn"])}("${verb} ${noun}", { id: ${camel(noun)}.id, ${camel(other)}: ${camel(noun)}.${camel(other)} });\n`;
    case 6:
    {
      const response = unique("response");
      return `${indent}const ${response} = await fetch(\`https://${random.pick(HOSTS)}/${noun}s\`, { method: "${random.pick(["GET", "POST", "PUT"])}", headers: { "Content-Type": "application/json" } });\n${indent}if (!${response}.ok) throw new Error(\`${verb} ${noun} failed: \${${response}.status}\`);\n`;
    }
    default:
      return `${indent}// ${random.pick(["Keep", "Skip", "Merge", "Sort"])} ${adjective} ${noun}s before the ${other} is ${verb === "get" ? "read" : "saved"}.\n`;
  }
}

function functionUnit(random: Random, flavour: CodeFlavour, topLevel: Unique): string {
  const names = namesFrom(random);
  const { noun, other, verb } = names;
  const scope = uniqueNames();
  scope(camel(noun));
  scope(camel(other));
  const parameters = typed(flavour) ? `${camel(noun)}: ${pascal(noun)}, ${camel(other)}: ${pascal(other)}[] = []` : `${camel(noun)}, ${camel(other)} = []`;
  const returns = typed(flavour) ? `: Promise<${pascal(noun)} | undefined>` : "";
  const exported = flavour === "cjs" ? "" : "export ";
  const body = Array.from({ length: random.int(2, 9) }, () => statement(random, namesFrom(random), "  ", flavour, scope)).join("");
  return `${exported}async function ${topLevel(camel(verb, noun))}(${parameters})${returns} {\n${body}  return ${camel(noun)};\n}\n\n`;
}

function classUnit(random: Random, flavour: CodeFlavour, topLevel: Unique): string {
  const { noun, other, adjective } = namesFrom(random);
  const field = typed(flavour) ? `  private readonly ${camel(other)}s = new Map<string, number>();\n\n` : `  ${camel(other)}s = new Map();\n\n`;
  const methodNames = uniqueNames();
  const methods = Array.from({ length: random.int(1, 4) }, () => {
    const names = namesFrom(random);
    const scope = uniqueNames();
    scope(camel(names.noun));
    const parameter = typed(flavour) ? `${camel(names.noun)}: ${pascal(names.noun)}` : camel(names.noun);
    const body = Array.from({ length: random.int(1, 5) }, () => statement(random, names, "    ", flavour, scope)).join("");
    return `  async ${methodNames(camel(names.verb, names.noun))}(${parameter}) {\n${body}    return this.${camel(other)}s.get(${camel(names.noun)}.id);\n  }\n`;
  }).join("\n");
  const exported = flavour === "cjs" ? "" : "export ";
  return `${exported}class ${topLevel(pascal(adjective, noun, "service"))} {\n${field}${methods}}\n\n`;
}

function componentUnit(random: Random, topLevel: Unique): string {
  const { noun, other, adjective } = namesFrom(random);
  return [
    `export function ${topLevel(pascal(adjective, noun))}({ ${camel(noun)}, on${pascal(other)} }: { ${camel(noun)}: ${pascal(noun)}; on${pascal(other)}: (id: string) => void }) {`,
    `  const [is${pascal(adjective)}, setIs${pascal(adjective)}] = useState(false);`,
    `  useEffect(() => {`,
    `    setIs${pascal(adjective)}(${camel(noun)}.${camel(other)}s.length > ${random.int(0, 9)});`,
    `  }, [${camel(noun)}]);`,
    `  return (`,
    `    <section className="${noun}-${other}">`,
    `      <h2>{${camel(noun)}.${camel("title")}}</h2>`,
    `      {is${pascal(adjective)} && <button onClick={() => on${pascal(other)}(${camel(noun)}.id)}>${pascal(other)}</button>}`,
    `      <ul>{${camel(noun)}.${camel(other)}s.map((item) => <li key={item.id}>{item.${camel("label")}}</li>)}</ul>`,
    `    </section>`,
    `  );`,
    `}`,
    ``,
    ``,
  ].join("\n");
}

/** A source file of the flavour, about `targetBytes` long (never much shorter). */
export function codeFile(random: Random, flavour: CodeFlavour, targetBytes: number): string {
  const topLevel = uniqueNames();
  for (const reserved of ["useState", "useEffect", "logger"]) topLevel(reserved);
  const parts: string[] = [header(random, flavour, topLevel)];
  let size = parts[0]!.length;
  const exportedNames: string[] = [];
  while (size < targetBytes) {
    let unit: string;
    const roll = random.int(0, 9);
    if (typed(flavour) && roll < 2) unit = typeDeclaration(random, topLevel);
    else if (flavour === "tsx" && roll < 6) unit = componentUnit(random, topLevel);
    else if (roll < 8) unit = functionUnit(random, flavour, topLevel);
    else unit = classUnit(random, flavour, topLevel);
    if (flavour === "cjs") {
      const name = /(?:function|class) (\w+)/.exec(unit)?.[1];
      if (name !== undefined) exportedNames.push(name);
    }
    parts.push(unit);
    size += unit.length;
  }
  if (flavour === "cjs") parts.push(`module.exports = { ${[...new Set(exportedNames)].join(", ")} };\n`);
  return parts.join("");
}

/** A minified bundle: the same code on a few very long lines. */
export function minifiedBundle(random: Random, targetBytes: number): string {
  const chunks: string[] = ["!function(){\"use strict\";"];
  let size = chunks[0]!.length;
  while (size < targetBytes) {
    const { noun, other, verb } = namesFrom(random);
    const id = random.int(0, 99_999).toString(36);
    const chunk = `function ${verb}${id}(e,t){var n=e.${noun}||[];for(var r=0;r<n.length;r++)if(n[r].${other}===t)return n[r];return fetch("https://${random.pick(HOSTS)}/${noun}/"+t).then(function(e){return e.json()})}var ${other}${id}={${noun}:${random.int(0, 999)},${verb}:${verb}${id}};`;
    chunks.push(chunk);
    size += chunk.length;
    // A line break every ~200 KB, as some minifiers do.
    if (random.chance(0.0005)) chunks.push("\n");
  }
  chunks.push("}();\n");
  return chunks.join("");
}
