// The tests find Chromium exactly as `npm start` does.
export { CHROMIUM_ARGS, CHROMIUM_CANDIDATES, findChromium } from '../../lib/cli/find-browser.ts';
