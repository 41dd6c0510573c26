// Allure 3 configuration for HA Drill's report: `hadrill report` (or `hadrill run`) calls
// `allure generate` with it. One self-contained index.html, grouped the way the book is:
// chapter (epic), section family (feature), drill (story).
export default {
  name: "HA Drill: HACMP 4.3 failure drills",
  output: "./reports/allure-report",
  historyPath: "./reports/history.jsonl",
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
