// Launches the system's headless Chromium for the widget's browser tests.
import { type Browser, chromium } from "playwright-core";

/** Where Debian's `chromium` package puts the browser; playwright-core brings none of its own. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Starts headless Chromium with nothing running in the background that could slow or disturb a test. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
