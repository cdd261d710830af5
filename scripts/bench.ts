// npm run bench [-- --runs 5 --lighthouse-runs 1 --no-build]: builds the site, serves dist/ on
// 127.0.0.1 with gzip as a real host would, loads pages and runs searches in headless Chromium,
// runs Lighthouse, and prints medians over the runs (also written to .cache/bench/results.json).
// npm run bench -- --scale 1000,10000 instead builds synthetic guides of those sizes, cold (empty
// caches) and warm (again after one edit), and reports time, CPU, where it went and index size, so
// that growth is visible. npm run bench -- --cards 200 times drawing preview cards, as before the
// image cache and now; --progress 50000 times planning the import of a progress file with that
// many ids the guide does not have. Add --starlight to a scale run to build Astro Starlight on the same synthetic
// questions, cold, in turns with this project (installed once into .cache/bench/starlight/). Two
// budgets fail the run (exit code 1) when passed: question 7's page alone, and its whole first visit
// with the offline worker (bench/budgets.ts); the others are in docs/performance.md.
// Each benchmark is a module of bench/; this file reads the flags and runs one.
import { parseArgs } from 'node:util';
import { benchCards } from './bench/cards.ts';
import { benchPages } from './bench/pages.ts';
import { benchProgress } from './bench/progress.ts';
import { benchScale } from './bench/scale.ts';

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '5' },
		'lighthouse-runs': { type: 'string', default: '1' },
		'no-build': { type: 'boolean' },
		scale: { type: 'string' },
		'scale-runs': { type: 'string', default: '1' },
		cards: { type: 'string' },
		progress: { type: 'string' },
		starlight: { type: 'boolean' },
	},
});

if (values.cards) {
	await benchCards(Number(values.cards));
	process.exit(0);
}

if (values.progress) process.exit(benchProgress(Number(values.progress)) ? 0 : 1);

if (values.scale) {
	await benchScale(values.scale.split(',').map(Number), Number(values['scale-runs']), { starlight: values.starlight });
	process.exit(0);
}

if (!(await benchPages({ runs: Number(values.runs), lighthouseRuns: Number(values['lighthouse-runs']), build: !values['no-build'] }))) process.exit(1);
