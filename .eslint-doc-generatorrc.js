/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ["recommended", "✅"],
    ["strict", "🔒"],
    ["v8", "8️⃣"],
    ["recommended-all-languages", "🌍"],
    ["v8-all-languages", "🚀"],
    ["markdown", "🧾"],
    ["markdown-with-language", "📘"],
  ],
  ruleDocTitleFormat: "prefix-name",
  ruleListColumns: ["name", "description", "configsError", "fixable", "hasSuggestions", "options"],
  urlRuleDoc: (name) => `docs/rules/${name}.md`,
};
