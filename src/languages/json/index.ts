export { CampaignJsonLanguage, jsonLanguage } from "./json-language.js";
export { IterativeJsonSourceCode } from "./json-source-code.js";
