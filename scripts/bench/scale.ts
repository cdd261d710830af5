// npm run bench -- --scale 1000,10000 [--scale-runs 3] [--starlight]: builds synthetic guides of
// those sizes, cold (empty caches) and warm (again after one edit), and reports time, CPU, where it
// went and index size beside past figures (baselines.json), so that growth is visible. --starlight
// also builds Astro Starlight on the same synthetic questions, cold, in turns with this project
// (installed once into .cache/bench/starlight/).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { readRecords, writeRecords } from '../../src/examples/records.ts';
import { readContent } from '../../tests/helpers/content.ts';
import { copyProject } from '../../tests/helpers/project.ts';
import baselines from './baselines.json' with { type: 'json' };
import { folderSize, median } from './shared.ts';

/**
 * A synthetic guide of `count` questions made from the real ones (answers reused, slugs made
 * unique), in sections of ten like the real guide, written into a temporary content folder.
 */
function writeSyntheticContent(count: number): string {
	const dir = mkdtempSync(join(tmpdir(), `guide-${count}-`));
	const { questions: real } = readContent();
	const sections = Array.from({ length: Math.ceil(count / 10) }, (_, i) => ({
		id: `part-${i + 1}`,
		number: i + 1,
		title: `Part ${i + 1}`,
		description: `Synthetic questions ${i * 10 + 1}–${Math.min(count, i * 10 + 10)}.`,
		first: i * 10 + 1,
		last: Math.min(count, i * 10 + 10),
	}));
	writeFileSync(join(dir, 'sections.yaml'), stringify(sections));
	// Each copied answer's runnable examples keep their recorded outputs, under the copy's own name.
	const realRecords = readRecords('content');
	const records: typeof realRecords = {};
	for (let number = 1; number <= count; number++) {
		const { title, slug, body, editorNotes, file } = real[(number - 1) % real.length]!;
		const section = sections[Math.floor((number - 1) / 10)]!;
		const data = { number, title, slug: `${slug}-${number}`, section: section.id, origin: 'guide', ...(editorNotes ? { editorNotes } : {}) };
		mkdirSync(join(dir, 'questions', section.id), { recursive: true });
		writeFileSync(join(dir, 'questions', section.id, `${number}.md`), `---\n${stringify(data)}---\n${body}`);
		const from = `${file.replace(/^content\//, '')}#`;
		for (const [key, record] of Object.entries(realRecords)) {
			if (key.startsWith(from)) records[`questions/${section.id}/${number}.md#${key.slice(from.length)}`] = record;
		}
	}
	writeRecords(dir, records);
	cpSync('content/pages', join(dir, 'pages'), { recursive: true });
	return dir;
}

/**
 * A past scale run, printed above today's figures as the row "<size>: <row>" for each size it has:
 * cold seconds, and warm seconds where it timed a rebuild; `note` is the row's note column.
 */
interface ScaleBaseline {
	row: string;
	date: string;
	about: string;
	builds: Record<string, { cold: number; warm?: number; note: string }>;
}
const SCALE_BASELINES: ScaleBaseline[] = baselines.scale;

/** Where a build's time went, read from Astro's log: bundling, each kind of page, and the steps after the pages. */
function buildBreakdown(output: string): Record<string, number> {
	// Astro writes durations as "170ms", "4.62s" or "1m 9s".
	const DURATION = String.raw`(?:\d+m )?[\d.]+m?s`;
	const toMs = (text: string) => {
		const [, minutes, value, unit] = /^(?:(\d+)m )?([\d.]+)(m?s)$/.exec(text)!;
		return Number(minutes ?? 0) * 60_000 + Number(value) * (unit === 's' ? 1000 : 1);
	};
	const ms: Record<string, number> = {};
	const add = (kind: string, value: number) => (ms[kind] = (ms[kind] ?? 0) + value);
	const bundle = new RegExp(`\\[vite\\] ✓ built in (${DURATION})`).exec(output);
	if (bundle) add('bundle', toMs(bundle[1]!));
	for (const [, path, duration] of output.matchAll(new RegExp(`[├└]─ (\\/\\S*) \\(\\+(${DURATION})\\)`, 'g'))) {
		const kind = /^\/(og|icons)\/|^\/favicon\.svg$/.test(path!)
			? 'preview images'
			: /^\/(print|additions)\/|^\/(guide\.md|anki\.tsv)$/.test(path!)
				? path!.replace(/\/(index\.html)?$/, '')
				: /^\/study\//.test(path!)
					? '/study/ and its sections'
					: /^\/q\//.test(path!)
						? 'short links /q/N/'
						: 'question and section pages';
		add(kind, toMs(duration!));
	}
	// Content sync (answers rendered, at a cold build) and Astro's build info: the first "✓ Completed in".
	const collected = new RegExp(`\\[build\\] ✓ Completed in (${DURATION})\\.`).exec(output);
	if (collected) add('content sync and build info', toMs(collected[1]!));
	const clock = (line: string) => {
		const time = new RegExp(`^(\\d\\d):(\\d\\d):(\\d\\d) ${line}`, 'm').exec(output);
		return time ? Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3]) : undefined;
	};
	// Sitemap, search index and offline worker run after the pages: from the pages' "✓ Completed in"
	// (the one line of it without a label) to "Complete!", by the log's timestamps (±1 s), as is each
	// step's share below.
	const [pagesDone, complete] = [String.raw`✓ Completed in`, String.raw`\[build\] Complete!`].map(clock);
	if (pagesDone !== undefined && complete !== undefined) add('after the pages: sitemap, search index, offline worker (±1 s)', (complete - pagesDone) * 1000);
	// The log lines that end each step: the sitemap written, the pages indexed, the worker written.
	const [sitemap, search, offline] = [String.raw`\[@astrojs/sitemap\]`, String.raw`\[interview-guide:build-steps\] Indexed`, String.raw`\[interview-guide:build-steps\] Offline`].map(clock);
	if (sitemap !== undefined && search !== undefined) add('search index (±1 s)', (search - sitemap) * 1000);
	if (search !== undefined && offline !== undefined) add('offline worker (±1 s)', (offline - search) * 1000);
	return Object.fromEntries(Object.entries(ms).map(([kind, value]) => [kind, Number((value / 1000).toFixed(1))]));
}

/**
 * Runs `astro build` in `root` as the npm script does, and returns its log, wall time and CPU time
 * (every thread of the build's process, plus the child processes it waited for, such as Pagefind's;
 * CPU seconds barely change with how busy the machine is, wall seconds do).
 */
function timedBuild(root: string): Promise<{ code: number; output: string; seconds: number; cpuSeconds: number }> {
	// The files the last build wrote are flushed to disk first, so that no build is timed while the
	// system writes out the one before it (a Starlight build leaves 265 MB behind, ours 108 MB).
	spawnSync('sync');
	const script = `import { build } from 'astro';
import { readFileSync } from 'node:fs';
await build({});
const { user, system } = process.cpuUsage();
let children = 0;
try {
	const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
	children = (Number(fields[13]) + Number(fields[14])) / 100;
} catch {}
console.log('CPU_SECONDS ' + ((user + system) / 1e6 + children));`;
	return new Promise((resolve) => {
		const start = performance.now();
		const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) =>
			resolve({ code: code ?? 1, output, seconds: (performance.now() - start) / 1000, cpuSeconds: Number(/CPU_SECONDS ([\d.]+)/.exec(output)?.[1] ?? NaN) }),
		);
	});
}

/** The Starlight release the scale bench compares with, on the same Astro as this project. */
const STARLIGHT_VERSION = '0.42.4';

/**
 * A Starlight site (its defaults: Pagefind on, a sidebar of every page) in .cache/bench/starlight/,
 * installed from npm on first use and again when this project's Astro changes.
 */
function starlightProject(): string {
	const root = join(process.cwd(), '.cache/bench/starlight');
	const astro = (JSON.parse(readFileSync('node_modules/astro/package.json', 'utf8')) as { version: string }).version;
	const manifest = `${JSON.stringify({ name: 'starlight-peer', private: true, type: 'module', dependencies: { astro, '@astrojs/starlight': STARLIGHT_VERSION } }, null, 2)}\n`;
	mkdirSync(join(root, 'src'), { recursive: true });
	let installed = '';
	try {
		installed = readFileSync(join(root, 'package.json'), 'utf8');
	} catch {
		// Not set up yet.
	}
	writeFileSync(join(root, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Python & Backend Interview Guide' })] });\n`);
	writeFileSync(
		join(root, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
	);
	if (installed !== manifest || !statSync(join(root, 'node_modules/@astrojs/starlight'), { throwIfNoEntry: false })) {
		writeFileSync(join(root, 'package.json'), manifest);
		const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
		if (install.status !== 0) throw new Error(`npm install in ${root} failed: Starlight ${STARLIGHT_VERSION} on Astro ${astro} could not be installed`);
	}
	return root;
}

/**
 * What the scale bench is done with, deleted once every build is measured. Deleting between builds
 * charged each build for the last one's deletions: ext4 steps over recently freed inodes one at a time
 * as files are created (`recently_deleted` and `find_inode_bit` in a kernel profile), which cost a
 * 1,000-question build up to 11 s more system time than on a fresh copy, more run after run, and more
 * for a build that writes more files.
 */
const leftovers: (() => void)[] = [];

/** Starlight's cold build of the synthetic questions in `content`: a fresh copy of them, no caches. */
async function starlightBuild(root: string, content: string) {
	// The last build's output and caches are moved aside, not deleted (leftovers).
	const aside = mkdtempSync(join(root, '..', 'starlight-done-'));
	leftovers.push(() => rmSync(aside, { recursive: true, force: true }));
	['src/content/docs', 'dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'].forEach((dir, i) => {
		if (existsSync(join(root, dir))) renameSync(join(root, dir), join(aside, String(i)));
	});
	cpSync(join(content, 'questions'), join(root, 'src/content/docs'), { recursive: true });
	const build = await timedBuild(root);
	if (build.code !== 0) throw new Error(`Starlight's build failed:\n${build.output.slice(-2000)}`);
	return build;
}

/** The names of the preview images in a project's cache, to count what a build drew. */
function cachedImages(root: string): Set<string> {
	const dir = join(root, 'node_modules/.astro/preview-images');
	try {
		return new Set(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.png') || name.endsWith('.svg')));
	} catch {
		return new Set();
	}
}

/**
 * Builds synthetic guides of each size twice: cold (a fresh copy, empty caches) and warm (the same
 * copy again after one question's title was edited), and reports time, CPU, where the time went,
 * and index size, beside past figures (baselines.json).
 */
async function measureScale(sizes: number[], repeats: number, { starlight = false } = {}) {
	const rows: Record<string, Record<string, string | number>> = {};
	const breakdown: Record<string, Record<string, number>> = {};
	try {
		for (const count of sizes) {
			const content = writeSyntheticContent(count);
			const measured: Record<'cold' | 'warm', { seconds: number; cpuSeconds: number; drawn: number }[]> = { cold: [], warm: [] };
			const peer: { seconds: number; cpuSeconds: number }[] = [];
			const peerRoot = starlight ? starlightProject() : undefined;
			let copy: ReturnType<typeof copyProject> | undefined;
			try {
				// Each repeat on a fresh copy: cold with empty caches, then warm after one edit.
				for (let repeat = 0; repeat < repeats; repeat++) {
					if (copy) leftovers.push(copy.remove);
					copy = copyProject(content);
					for (const run of ['cold', 'warm'] as const) {
						if (run === 'warm') {
							// One edit, as an editor makes it: the first question's title, so its card changes too.
							const file = join(copy.root, 'content/questions/part-1/1.md');
							writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, (_, title: string) => `title: ${JSON.stringify(`Edited: ${title.replace(/^"|"$/g, '')}`.slice(0, 110))}`));
						}
						const before = cachedImages(copy.root);
						const build = await timedBuild(copy.root);
						mkdirSync('.cache/bench', { recursive: true });
						writeFileSync(`.cache/bench/scale-${count}-${run}.log`, build.output);
						if (build.code !== 0) throw new Error(`the ${run} ${count}-question build failed:\n${build.output.slice(-2000)}`);
						const drawn = [...cachedImages(copy.root)].filter((name) => !before.has(name)).length;
						measured[run].push({ seconds: build.seconds, cpuSeconds: build.cpuSeconds, drawn });
						breakdown[`${count}, ${run}${repeats > 1 ? ` (run ${repeat + 1})` : ''}`] = buildBreakdown(build.output);
						// Starlight's cold build right after this project's, so that both meet the machine in the same state.
						if (run === 'cold' && peerRoot) peer.push(await starlightBuild(peerRoot, content));
					}
				}
				const middle = (run: 'cold' | 'warm') => ({
					seconds: median(measured[run].map((m) => m.seconds)),
					cpuSeconds: median(measured[run].map((m) => m.cpuSeconds)),
					drawn: median(measured[run].map((m) => m.drawn)),
				});
				const [cold, warm] = [middle('cold'), middle('warm')];
				if (!copy) throw new Error('--scale-runs must be at least 1');
				const dist = folderSize(join(copy.root, 'dist'));
				const index = folderSize(join(copy.root, 'dist', 'pagefind'));
				const perQuestion = (seconds: number) => Number(((seconds * 1000) / count).toFixed(1));
				for (const baseline of SCALE_BASELINES) {
					const past = baseline.builds[count];
					if (!past) continue;
					rows[`${count}: ${baseline.row}`] = {
						'cold s': past.cold,
						'cold ms/question': perQuestion(past.cold),
						...(past.warm === undefined ? {} : { 'warm s': past.warm, 'warm/cold': Number((past.warm / past.cold).toFixed(2)) }),
						note: past.note,
					};
				}
				rows[`${count}: now`] = {
					'cold s': Number(cold.seconds.toFixed(1)),
					'cold ms/question': perQuestion(cold.seconds),
					...(repeats > 1 ? { 'cold runs s': measured.cold.map((m) => m.seconds.toFixed(1)).join(', ') } : {}),
					'cold CPU s': Number(cold.cpuSeconds.toFixed(1)),
					'warm s': Number(warm.seconds.toFixed(1)),
					'warm ms/question': perQuestion(warm.seconds),
					...(repeats > 1 ? { 'warm runs s': measured.warm.map((m) => m.seconds.toFixed(1)).join(', ') } : {}),
					'warm CPU s': Number(warm.cpuSeconds.toFixed(1)),
					'warm/cold': Number((warm.seconds / cold.seconds).toFixed(2)),
					'images drawn cold/warm': `${cold.drawn}/${warm.drawn}`,
					'dist MB': Number((dist.bytes / 1048576).toFixed(1)),
					'search index MB': Number((index.bytes / 1048576).toFixed(2)),
				};
				if (peerRoot) {
					const seconds = median(peer.map((m) => m.seconds));
					rows[`${count}: Starlight ${STARLIGHT_VERSION}, same questions`] = {
						'cold s': Number(seconds.toFixed(1)),
						'cold ms/question': perQuestion(seconds),
						...(repeats > 1 ? { 'cold runs s': peer.map((m) => m.seconds.toFixed(1)).join(', ') } : {}),
						'cold CPU s': Number(median(peer.map((m) => m.cpuSeconds)).toFixed(1)),
						'dist MB': Number((folderSize(join(peerRoot, 'dist')).bytes / 1048576).toFixed(1)),
						'search index MB': Number((folderSize(join(peerRoot, 'dist', 'pagefind')).bytes / 1048576).toFixed(2)),
					};
				}
			} finally {
				if (copy) leftovers.push(copy.remove);
				leftovers.push(() => rmSync(content, { recursive: true, force: true }));
			}
		}
	} finally {
		for (const remove of leftovers.splice(0)) remove();
	}
	return { rows, breakdown };
}

/** Runs the scale bench, writes .cache/bench/scale.json, and prints its tables and issue 18's targets. */
export async function benchScale(sizes: number[], repeats: number, options: { starlight?: boolean | undefined } = {}) {
	const load = loadavg();
	const { rows, breakdown } = await measureScale(sizes, repeats, options);
	mkdirSync('.cache/bench', { recursive: true });
	writeFileSync('.cache/bench/scale.json', `${JSON.stringify({ date: new Date().toISOString(), cores: availableParallelism(), rows, breakdown }, null, 2)}\n`);
	console.log(
		`\nScale: synthetic guides built from the real questions, cold (empty caches) then warm (after editing one question's title), ${repeats > 1 ? `medians of ${repeats} runs` : 'one run'}; ${availableParallelism()} cores, load average at the start ${load.map((n) => n.toFixed(2)).join(' ')}. JSON in .cache/bench/scale.json`,
	);
	console.table(rows);
	console.log('Where the time went, seconds (from Astro\'s log; page kinds are summed render times, and pages render several at once (build.concurrency), so they add up to more than the wall time)');
	console.table(breakdown);
	const now = (count: number) => rows[`${count}: now`];
	const verdicts: string[] = [];
	if (now(1000)) {
		verdicts.push(`cold 1,000 under 28 s (the issue's figure for Starlight): ${Number(now(1000)!['cold s']) < 28 ? 'yes' : 'no'} (${now(1000)!['cold s']} s)`);
		const peer = rows[`1000: Starlight ${STARLIGHT_VERSION}, same questions`];
		if (peer) verdicts.push(`cold 1,000 at most Starlight's time measured now: ${Number(now(1000)!['cold s']) <= Number(peer['cold s']) ? 'yes' : 'no'} (${now(1000)!['cold s']} s against ${peer['cold s']} s)`);
	}
	for (const count of sizes) verdicts.push(`${count}: warm rebuild at most half the cold build: ${Number(now(count)!['warm/cold']) <= 0.5 ? 'yes' : 'no'} (${now(count)!['warm/cold']})`);
	if (now(1000) && now(10000)) {
		const ratio = Number(now(10000)!['cold s']) / Number(now(1000)!['cold s']);
		verdicts.push(`10,000 at most 10 times 1,000 (linear): ${ratio <= 10 ? 'yes' : 'no'} (${ratio.toFixed(1)} times)`);
	}
	console.log(`Targets (issue 18):\n- ${verdicts.join('\n- ')}`);
}
