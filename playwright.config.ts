import { defineConfig, devices } from '@playwright/test';
import { FULL_CHROMIUM, testBrowser } from './scripts/chromium.ts';
import { BASE } from './tests/helpers/site.ts';

const isCI = Boolean(process.env.CI);
/** PORT lets two checkouts run their browser tests side by side. */
const port = Number(process.env.PORT ?? 4321);
/** Debian's Chromium (its headless shell when installed: scripts/chromium.ts): Playwright's own browser download cannot run on every machine. */
const executablePath = testBrowser() ?? FULL_CHROMIUM;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.test.ts',
	// Its own folder under a base path: npm test runs that pass beside the one at the root, and each run empties its folder first.
	outputDir: BASE === '/' ? 'test-results' : 'test-results-under-base',
	forbidOnly: isCI,
	retries: 0,
	// Two: alone, three workers ran the 227 tests faster on two cores (205 s against 232 s), but beside
	// the /guide/ pass (npm test) the root pass took 279-291 s with three and 266 s with two.
	workers: 2,
	reporter: [['list']],
	// What a test waits for is a state; how long it may take is a property of the machine. On two
	// cores busy with the rest of npm test, the whole-guide study page (100 answers, 0.5 MB) once took
	// over Playwright's 5 s to parse and start its scripts.
	expect: { timeout: 15_000 },
	use: {
		// The base path the site under test was built with (scripts/test.ts runs the suite at "/" and "/guide/").
		baseURL: `http://127.0.0.1:${port}${BASE}`,
		trace: 'retain-on-failure',
		// The offline worker caches the whole site on a first visit; only the offline tests let it run,
		// so the other tests see the network as a first-time reader does.
		serviceWorkers: 'block',
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath,
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--no-first-run',
						// A made-up microphone, allowed without asking, for the mock interview's recordings (mock.test.ts).
						'--use-fake-ui-for-media-stream',
						'--use-fake-device-for-media-stream',
					],
				},
			},
		},
	],
	webServer: {
		// `npm test` builds once before the browser tests and sets E2E_PREBUILT; alone, this builds too.
		// The same static server as `npm start` (scripts/serve.ts): what a host serves, slash redirects included.
		command: `${process.env.E2E_PREBUILT ? '' : 'npm run build && '}node scripts/serve.ts --port ${port}`,
		url: `http://127.0.0.1:${port}${BASE}`,
		// Never under npm test (E2E_PREBUILT): a server left on the port could be another checkout's.
		reuseExistingServer: !isCI && !process.env.E2E_PREBUILT,
		timeout: 120_000,
	},
});
