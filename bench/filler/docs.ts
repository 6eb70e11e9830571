/** Filler Markdown documents, `.http` request files and shell scripts. */
import type { Random } from "../random.js";
import { ADJECTIVES, camel, HOSTS, NOUNS, pascal, PROSE, SCRIPT_COMMANDS, snake, VERBS } from "../vocabulary.js";

export function markdownFile(random: Random, targetBytes: number): string {
  const parts = [`# ${pascal(random.pick(NOUNS))} ${random.pick(NOUNS)}\n\n`];
  let size = parts[0]!.length;
  while (size < targetBytes) {
    let section: string;
    switch (random.int(0, 4)) {
      case 0:
        section = `## ${pascal(random.pick(VERBS))} the ${random.pick(NOUNS)}\n\n${random.pick(PROSE)} ${random.pick(PROSE)}\n\n`;
        break;
      case 1:
        section = `\`\`\`sh\n${Array.from({ length: random.int(1, 4) }, () => random.pick(SCRIPT_COMMANDS)).join("\n")}\n\`\`\`\n\n`;
        break;
      case 2: {
        const noun = random.pick(NOUNS);
        section = `\`\`\`ts\nimport { ${camel(random.pick(VERBS), noun)} } from "@example/${noun}";\n\nconst ${camel(random.pick(ADJECTIVES), noun)} = await ${camel(random.pick(VERBS), noun)}({ id: "${random.int(1, 999)}" });\n\`\`\`\n\n`;
        break;
      }
      case 3:
        section = `| ${random.pick(NOUNS)} | ${random.pick(NOUNS)} |\n|---|---|\n${Array.from({ length: random.int(2, 6) }, () => `| ${random.pick(ADJECTIVES)} | ${random.int(0, 999)} |`).join("\n")}\n\n`;
        break;
      default:
        section = `- ${random.pick(PROSE)}\n- ${random.pick(PROSE)}\n- See [${random.pick(NOUNS)}](./${random.pick(NOUNS)}.md).\n\n`;
    }
    parts.push(section);
    size += section.length;
  }
  return parts.join("");
}

export function httpFile(random: Random, targetBytes: number): string {
  const parts = [`@host = https://${random.pick(HOSTS)}\n@token = {{$dotenv API_TOKEN}}\n\n`];
  let size = parts[0]!.length;
  while (size < targetBytes) {
    const noun = random.pick(NOUNS);
    const method = random.pick(["GET", "POST", "PUT", "DELETE"]);
    const body = method === "POST" || method === "PUT" ? `\n${JSON.stringify({ [random.pick(NOUNS)]: random.int(0, 999), [random.pick(NOUNS)]: random.pick(ADJECTIVES) }, null, 2)}\n` : "";
    const request = `### ${pascal(random.pick(VERBS))} ${noun}\n${method} {{host}}/v1/${noun}s/${random.int(1, 999)}\nAuthorization: Bearer {{token}}\nAccept: application/json\n${body ? "Content-Type: application/json\n" : ""}${body}\n`;
    parts.push(request);
    size += request.length;
  }
  return parts.join("");
}

export function shellScript(random: Random, targetBytes: number): string {
  const parts = [`#!/usr/bin/env bash\n# ${random.pick(PROSE)}\nset -euo pipefail\n\n`];
  let size = parts[0]!.length;
  while (size < targetBytes) {
    const name = snake(random.pick(VERBS), random.pick(NOUNS));
    const variable = snake(random.pick(ADJECTIVES), random.pick(NOUNS)).toUpperCase();
    const unit = `${name}() {\n  local ${snake(random.pick(NOUNS))}="\${1:-${random.pick(ADJECTIVES)}}"\n  if [ -n "\${${variable}:-}" ]; then\n    echo "${random.pick(VERBS)} ${random.pick(NOUNS)}: \${${variable}}"\n  fi\n  ${random.pick(SCRIPT_COMMANDS)}\n  curl -fsS -H "Accept: application/json" "https://${random.pick(HOSTS)}/${random.pick(NOUNS)}s" > /dev/null\n}\n\n`;
    parts.push(unit);
    size += unit.length;
  }
  return parts.join("");
}
