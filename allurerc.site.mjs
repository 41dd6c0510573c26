// The multi-file form of the report, for serving over HTTP (reports/allure-site): the same
// settings as allurerc.mjs without singleFile, and without writing the history a second time.
import base from "./allurerc.mjs";

export default {
  ...base,
  output: "./reports/allure-site",
  historyPath: undefined,
  plugins: { awesome: { options: { ...base.plugins.awesome.options, singleFile: false } } },
};
