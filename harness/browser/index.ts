export {
  CHROMIUM_ARGS,
  findChromium,
  installChromium,
  readChromiumVersion,
  requireChromium,
} from './locate-chromium.ts';
export type { ChromiumBinary } from './locate-chromium.ts';
export { failedJourney } from './browser-journey.ts';
export type { BrowserJourneyResult, BrowserOutcome, BrowserStepShot, BrowserStepTiming } from './browser-journey.ts';
export {
  BROWSER_LOG_FILE,
  BROWSER_PROCESSOR_FILE,
  BROWSER_RESULTS_FILE,
  BROWSER_TEST_FILE,
  CHROMIUM_START_MS,
  compileBrowserTest,
  planBrowserArrivals,
} from './compile-browser-test.ts';
export type { BrowserArrivals, CompileBrowserTestOptions } from './compile-browser-test.ts';
export { parseBrowserResults, readBrowserResults } from './read-browser-results.ts';
export type { BrowserResults } from './read-browser-results.ts';
export { runBrowsers } from './run-browsers.ts';
export type { RunBrowsersOptions } from './run-browsers.ts';
export { BROWSER_RUN_TAG_ENV, findTaggedProcesses, stopTaggedProcesses } from './tagged-processes.ts';
