// Runs every check the project has and ends with one line "N passed, N failed" that CI reads. First,
// two lanes at once: the unit and pipeline tests (Vitest; the pipeline tests build throwaway copies
// in folders of their own) beside astro check, the build, the checks of the built files (Vitest: HTML
// validity, links), and the build under the base path /guide/ with its links (one after another: the
// builds share this checkout's caches; the lane's output is shown when it ends). The browser tests
// tagged @base start under /guide/ as soon as that lane ends (on the cores the unit tests' last files
// leave idle), and the whole browser suite (Playwright) on the built site once the unit tests end.
// A skipped or unfinished test counts as failed. Run it with `npm test`.
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { HEADLESS_SHELL, testBrowser } from './chromium.ts';

interface Tally {
	name: string;
	passed: number;
	failed: number;
	/** Seconds the step took, when it ran. */
	seconds?: number;
}

const resultsDir = '.cache/test-results';
const tallies: Tally[] = [];
/** Every test's duration in seconds, from the runners' JSON reports, for the ten slowest at the end. */
const durations: { name: string; seconds: number }[] = [];
const startedAt = performance.now();

/** A log that is not a terminal (CI, a file) gets no colour codes. */
const plainOutput = !process.stdout.isTTY || Boolean(process.env.CI);

/**
 * The environment a step runs in. Without colour, Playwright is told by FORCE_COLOR=0 (it sets
 * FORCE_COLOR=1 for its workers, and Node warns when NO_COLOR is set beside it); every other tool
 * here reads NO_COLOR (and takes any FORCE_COLOR, even "0", as a request for colour).
 */
function stepEnv(args: string[], env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	if (!plainOutput) return env;
	const { NO_COLOR, FORCE_COLOR, ...rest } = env;
	return args.includes('playwright') ? { ...rest, FORCE_COLOR: '0' } : { ...rest, NO_COLOR: '1' };
}

/**
 * Runs a command, its output shown (or written to `log`, for a lane that runs beside another); says
 * whether it succeeded and how long it took.
 */
function run(command: string, args: string[], options: SpawnOptions & { log?: string } = {}): Promise<{ ok: boolean; seconds: number }> {
	const { log, ...spawnOptions } = options;
	const line = `\n> ${[command, ...args].join(' ')}\n`;
	const start = performance.now();
	const env = stepEnv(args, options.env ?? process.env);
	const out = log === undefined ? undefined : openSync(log, 'a');
	if (log === undefined) process.stdout.write(line);
	else appendFileSync(log, line);
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: out === undefined ? 'inherit' : ['ignore', out, out], ...spawnOptions, env });
		let settled = false;
		// A command that cannot start emits 'error' and then 'close': settle once.
		const done = (ok: boolean) => {
			if (settled) return;
			settled = true;
			if (out !== undefined) closeSync(out);
			resolve({ ok, seconds: (performance.now() - start) / 1000 });
		};
		child.on('error', () => done(false));
		child.on('close', (code) => done(code === 0));
	});
}

/** A step that is one check: it passes or fails as a whole. */
async function step(name: string, command: string, args: string[], options: SpawnOptions & { log?: string } = {}) {
	const { ok, seconds } = await run(command, args, options);
	tallies.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
	return ok;
}

function readJson(path: string): any {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return undefined;
	}
}

/**
 * Finds the browser for the tests (scripts/chromium.ts), installing Debian's chromium-headless-shell
 * when none is there and we may (root with apt-get).
 */
async function findChromium(): Promise<string | undefined> {
	const given = process.env.CHROMIUM_PATH;
	if (given && !existsSync(given)) {
		console.error(`CHROMIUM_PATH is ${given}, but there is no file there.`);
		return undefined;
	}
	const found = testBrowser();
	if (found) return found;
	const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
	if (canInstall) {
		console.log('Chromium is missing: installing Debian\'s "chromium-headless-shell" package for the browser tests (apt-get)...');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		if ((await run('apt-get', ['update', '-qq'], { env })).ok && (await run('apt-get', ['install', '-y', '-qq', 'chromium-headless-shell'], { env })).ok) {
			if (existsSync(HEADLESS_SHELL)) return HEADLESS_SHELL;
		}
	}
	console.error(
		'The browser tests need Chromium. Install it (Debian/Ubuntu: sudo apt-get install -y chromium-headless-shell, or chromium) ' +
			'or set CHROMIUM_PATH to a Chromium or Chrome binary, then run npm test again.',
	);
	return undefined;
}

/**
 * A runner that ran no test, or exited with an error its report does not count (Playwright's web
 * server could not start: its port was taken, and the report said 0 passed, 0 failed), is a failure.
 */
function atLeastOneFailure(ok: boolean, tally: Tally): Tally {
	if (tally.failed > 0) return tally;
	if (!ok) return { ...tally, name: `${tally.name} (the runner exited with an error)`, failed: 1 };
	if (tally.passed === 0) return { ...tally, name: `${tally.name} (no test ran)`, failed: 1 };
	return tally;
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

/** Runs Vitest on some test folders or files and tallies them; a skipped or todo test counts as failed. */
async function vitest(name: string, folders: string[], env: NodeJS.ProcessEnv = {}, log?: string) {
	const json = `${resultsDir}/vitest-${name.replace(/\W+/g, '-')}.json`;
	const { ok, seconds } = await run('npx', ['vitest', 'run', ...folders, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`], {
		env: { ...process.env, ...env },
		...(log ? { log } : {}),
	});
	const report = readJson(json);
	for (const file of report?.testResults ?? []) {
		for (const result of file.assertionResults ?? []) durations.push({ name: `${name}: ${result.fullName}`, seconds: (result.duration ?? 0) / 1000 });
	}
	tallies.push(
		atLeastOneFailure(
			ok,
			report
				? {
						name,
						seconds,
						passed: report.numPassedTests,
						failed:
							report.numFailedTests +
							report.numPendingTests +
							report.numTodoTests +
							(report.success || report.numFailedTests ? 0 : 1), // a file that failed to load
					}
				: { name: `${name} (runner did not report)`, passed: 0, failed: 1 },
		),
	);
}

/** Runs the Playwright suite on a finished build and tallies it; a skipped or flaky test counts as failed. */
async function browserTests(name: string, chromium: string, env: NodeJS.ProcessEnv = {}, files: string[] = [], log?: string) {
	const json = `${resultsDir}/playwright-${name.replace(/\W+/g, '-')}.json`;
	// One dot per test; a failure is printed in full, with the summary, at the end. No trace: recording
	// one for every test (kept only on failure, but recorded always) cost a quarter of the browser time
	// here; docs/testing.md says how to get one for a test that failed.
	const { ok, seconds } = await run('npx', ['playwright', 'test', '--reporter=dot,json', '--trace=off', ...files], {
		env: { ...process.env, ...env, CHROMIUM_PATH: chromium, E2E_PREBUILT: '1', PLAYWRIGHT_JSON_OUTPUT_NAME: json },
		...(log ? { log } : {}),
	});
	const report = readJson(json);
	const stats = report?.stats;
	// Suites nest (files, describes); each spec's tests hold the runs' durations.
	const walk = (suite: any, path: string[]) => {
		for (const spec of suite.specs ?? []) {
			for (const run of spec.tests ?? []) {
				const seconds = (run.results ?? []).reduce((sum: number, result: any) => sum + (result.duration ?? 0), 0) / 1000;
				durations.push({ name: `${name}: ${[...path, spec.title].join(' › ')}`, seconds });
			}
		}
		for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
	};
	for (const suite of report?.suites ?? []) walk(suite, [suite.title]);
	tallies.push(
		atLeastOneFailure(
			ok,
			stats
				? { name, seconds, passed: stats.expected, failed: stats.unexpected + stats.flaky + stats.skipped }
				: { name: `${name} (runner did not report)`, passed: 0, failed: 1 },
		),
	);
}

/**
 * Builds the site as `npm run build` does, at Astro's "warn" log level: the page-by-page listing (twice
 * 230 lines) would bury a real warning, which still prints, as do errors.
 */
const buildArgs = ['--input-type=module', '-e', "import { build } from 'astro'; await build({ logLevel: 'warn' });"];
// Once more on a build served under a base path, as on GitHub Pages (/<repo>/): every link of every
// page and the Anki export's links (in dist), and in the browser the tests tagged @base: the ones
// whose pages build addresses (links, search results and its index, short links, study and progress
// links, the offline worker's scope and list, the examples' runtimes and sandbox, each kind of page
// loading with no failed request). Behaviour no address changes (keys, focus, axe, the study store's
// rules, a rebuild while a tab is open) runs once, at the root.
const underBase = { BASE_PATH: '/guide/', OUT_DIR: '.cache/dist-base' };

// The lane beside the unit tests: its steps in order, a build only after the type check passed (a
// failed check would make two failed builds of the same fault), the checks of a build's files after it.
const laneLog = `${resultsDir}/check-and-builds.log`;
const lane = (async () => {
	const log = { log: laneLog };
	const checked = await step('astro check', 'npx', ['astro', 'check'], log);
	const built = checked && (await step('build', 'node', buildArgs, log));
	if (built) await vitest('checks of the built site', ['tests/site'], {}, laneLog);
	const builtUnderBase = built && (await step('build under /guide/', 'node', buildArgs, { env: { ...process.env, ...underBase }, ...log }));
	if (builtUnderBase) await vitest('links and exports of the build under /guide/', ['tests/site/links.test.ts', 'tests/site/exports.test.ts'], underBase, laneLog);
	return { checked, built, builtUnderBase };
})();
// Found (or installed) first, so that an install's output comes before the tests'.
const chromium = await findChromium();
// Unit tests, and the pipeline tests that build throwaway copies (bad content, what a build keeps).
const unitTests = vitest('unit and pipeline tests', ['tests/unit', 'tests/pipeline']);
const { checked, built, builtUnderBase } = await lane;
// The pass under /guide/ starts as soon as its build is checked, beside the unit tests' last files
// and then the pass at the root, on a server of its own and one worker. Its output is shown when it ends.
const baseLog = `${resultsDir}/browser-tests-under-guide.log`;
const port = String(Number(process.env.PORT ?? 4321) + 1);
const underGuide =
	builtUnderBase && chromium
		? browserTests('browser tests under /guide/', chromium, { ...underBase, PORT: port }, ['--grep', '@base', '--workers=1'], baseLog)
		: undefined;
await unitTests;
process.stdout.write(`\nastro check, the builds and the checks of their files, run beside the unit tests:${readFileSync(laneLog, 'utf8')}`);
if (!checked) tallies.push({ name: 'build (not run: astro check failed)', passed: 0, failed: 1 });

if (!built) tallies.push({ name: 'checks of the built site (not run: no build)', passed: 0, failed: 1 });
if (!builtUnderBase) tallies.push({ name: 'checks and browser tests under /guide/ (not run: no build)', passed: 0, failed: 1 });
if (!built || !chromium) {
	tallies.push({ name: `browser tests (not run: ${built ? 'no Chromium' : 'no build'})`, passed: 0, failed: 1 });
} else {
	await browserTests('browser tests', chromium);
}
await underGuide;
if (underGuide) process.stdout.write(`\nThe browser tests under /guide/, run beside the others:${readFileSync(baseLog, 'utf8')}`);
else if (builtUnderBase) tallies.push({ name: 'browser tests under /guide/ (not run: no Chromium)', passed: 0, failed: 1 });

console.log('\nThe ten slowest tests');
for (const { name, seconds } of durations.sort((a, b) => b.seconds - a.seconds).slice(0, 10)) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${name}`);
console.log(`\nWall time: ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);

console.log('\nSummary');
for (const { name, passed, failed, seconds } of tallies) {
	console.log(`  ${name}: ${passed} passed, ${failed} failed${seconds === undefined ? '' : ` (${seconds.toFixed(0)} s)`}`);
}
const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
const failed = tallies.reduce((sum, t) => sum + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
