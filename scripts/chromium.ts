// Which Chromium the browser tests drive, for scripts/test.ts and playwright.config.ts. Debian's
// chromium-headless-shell first: the same engine and version as its chromium package, without a
// browser's windows, the build Playwright itself runs headless tests in; on this project's 2-core
// machine it ran the same tests in half the time and a third of the CPU of the full browser in
// headless mode (docs/testing.md). A full Chromium otherwise; CHROMIUM_PATH overrides both.
import { existsSync } from 'node:fs';

/** The headless shell's binary (its /usr/bin entry is a shell script that starts this one). */
export const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
export const FULL_CHROMIUM = '/usr/bin/chromium';

/** The browser to test in: CHROMIUM_PATH, else the first of the two that is installed. */
export function testBrowser(): string | undefined {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	return [HEADLESS_SHELL, FULL_CHROMIUM].find((path) => existsSync(path));
}
