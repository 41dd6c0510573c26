// Allure 3 configuration for HA Drill's report: `hadrill report` (or `hadrill run`) calls
// `allure generate` with it. One self-contained index.html, grouped the way the book is:
// chapter (epic), section family (feature), drill (story).
export default {
  name: "HA Drill: HACMP 4.3 failure drills",
  output: "./reports/allure-report",
  historyPath: "./reports/history.jsonl",
  // A failed check's message starts with its kind (steps/evidence.py Row.category); a drill
  // that broke with an exception is a model (or harness) error.
  categories: [
    { name: "Takeover mismatch", matchedStatuses: ["failed"], messageRegex: ".*\\[takeover mismatch\\].*" },
    { name: "Event sequence mismatch", matchedStatuses: ["failed"], messageRegex: ".*\\[event sequence mismatch\\].*" },
    { name: "Command output mismatch", matchedStatuses: ["failed"], messageRegex: ".*\\[command output mismatch\\].*" },
    { name: "Model error", matchedStatuses: ["broken", "failed"] },
  ],
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportLanguage: "en",
        groupBy: ["epic", "feature", "story"],
        stepTreeExpansion: "expanded",
      },
    },
  },
};
