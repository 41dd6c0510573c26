// The multi-file form of the report, for serving over HTTP (reports/allure-site): the same
// settings as allurerc.mjs without singleFile. It reads a copy of the history that
// hamodel/htmlreport.py makes, so that the trend shows without being written twice.
import base from "./allurerc.mjs";

export default {
  ...base,
  output: "./reports/allure-site",
  historyPath: "./reports/.history-site.jsonl",
  plugins: { awesome: { options: { ...base.plugins.awesome.options, singleFile: false } } },
};
