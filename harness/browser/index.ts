export { CHROMIUM_ARGS, findChromium, installChromium, readChromiumVersion, requireChromium } from './locate-chromium.ts';
export type { ChromiumBinary } from './locate-chromium.ts';
export { runBrowserJourney } from './browser-journey.ts';
export type { BrowserJourneyOptions, BrowserJourneyResult, BrowserOutcome, BrowserStepShot } from './browser-journey.ts';
export { runBrowsers } from './run-browsers.ts';
export type { RunBrowsersOptions } from './run-browsers.ts';
