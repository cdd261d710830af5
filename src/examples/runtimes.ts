// The build step that puts the runtimes on the site: the files Pyodide and PGlite load, copied from
// node_modules into dist/runtimes/<name>-<version>/ (never a CDN), beside the runner that loads them. The version in the path changes
// with the package, so a cached copy is never stale and the offline worker can keep it as read.
import type { AstroIntegration } from 'astro';
import { build, transform, type Plugin as EsbuildPlugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildValues, viteValues, type BuildValues } from '../data/build-values.ts';
import { filesKey, moduleClosure } from '../data/module-closure.ts';
import { sha256Source } from '../lib/csp.ts';
import { editorColourCss, editorColours } from './editor-colours.ts';
import { installedPackagesRecord, keptFolder, pythonSnapshot, sqlDatabase } from './made-files.ts';
import { PYODIDE_VERSION, PYTHON_SNAPSHOT } from './python-run.ts';
import type { Runtime } from './rules.ts';
import { RUNNER_BASE, SANDBOX_SCRIPT, sandboxDocument } from './sandbox.ts';
import { PGLITE_VERSION, SQL_DATABASE } from './sql-run.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where every runtime lives on the site, relative to the base path. */
export const RUNTIMES_PREFIX = 'runtimes/';

interface RuntimePackage {
	runtime: Runtime;
	name: string;
	/** The npm package and the version the path promises. */
	packageName: string;
	version: string;
	/** The package's folder that holds the files, and the files its runner is handed (the rest is bundled into the runner). */
	folder: string;
	files: string[];
	/** Files the build makes for the runner: the name the runner asks for, the file's name on the site, where it is kept. */
	made?: () => { name: string; siteName: string; path: string }[];
	/** The runner's source (runner.ts), bundled with the runtime's JavaScript. */
	runner: string;
}

const PACKAGES: RuntimePackage[] = [
	{
		runtime: 'python',
		name: 'pyodide',
		packageName: 'pyodide',
		version: PYODIDE_VERSION,
		folder: '.',
		files: ['pyodide.asm.wasm', 'python_stdlib.zip'],
		// A started Python, restored instead of started; its name changes with what it is made from.
		made: () => [{ name: PYTHON_SNAPSHOT, ...pythonSnapshot() }],
		runner: 'python.runner.ts',
	},
	{
		runtime: 'sql',
		name: 'pglite',
		packageName: '@electric-sql/pglite',
		version: PGLITE_VERSION,
		folder: 'dist',
		// PostgreSQL and its data files; not the extensions. No initdb: the data folder is made, with the sample tables.
		files: ['pglite.wasm', 'pglite.data'],
		made: () => [{ name: SQL_DATABASE, ...sqlDatabase() }],
		runner: 'sql.runner.ts',
	},
];

const require = createRequire(import.meta.url);

/** A runtime's folder in node_modules, after checking that the installed version is the one the path names. */
function packageFolder(pkg: RuntimePackage): string {
	// Not every package exports its package.json: walk up from its entry to the folder that holds it.
	let folder = dirname(require.resolve(pkg.packageName));
	while (!existsSync(join(folder, 'package.json')) || (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string }).name !== pkg.packageName) {
		if (dirname(folder) === folder) throw new Error(`${pkg.packageName}: package.json not found; is it installed?`);
		folder = dirname(folder);
	}
	const manifest = join(folder, 'package.json');
	const installed = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
	if (installed !== pkg.version) {
		throw new Error(`${pkg.packageName} ${installed} is installed, but src/examples says ${pkg.version}: update the version constant there (and re-record the outputs)`);
	}
	return join(dirname(manifest), pkg.folder);
}

/** The runtime's folder on the site, relative to the base path: `runtimes/pyodide-314.0.7/`. */
export const runtimePath = (pkg: Pick<RuntimePackage, 'name' | 'version'>) => `${RUNTIMES_PREFIX}${pkg.name}-${pkg.version}/`;

/** Each runtime's files (names and sizes in bytes) and its folder on the site. */
export function runtimeFiles(): { runtime: Runtime; path: string; runner: string; files: { name: string; siteName: string; bytes: number; source: string }[] }[] {
	return PACKAGES.map((pkg) => {
		const folder = packageFolder(pkg);
		const sources = [...pkg.files.map((name) => ({ name, siteName: name, path: join(folder, name) })), ...(pkg.made?.() ?? [])];
		return {
			runtime: pkg.runtime,
			path: runtimePath(pkg),
			runner: pkg.runner,
			files: sources.map(({ name, siteName, path }) => ({ name, siteName, bytes: statSync(path).size, source: path })),
		};
	});
}

/** What the page's controls know of one runtime: where its runner and files are, relative to the base path, and their sizes. */
export interface RuntimeInfo {
	runner: { path: string; bytes: number };
	files: { name: string; path: string; bytes: number }[];
	/** Everything a first Run downloads. */
	bytes: number;
}

/** What the page's controls are built with: each runtime, and the sandbox frame's document. */
export interface ExamplesBuildInfo {
	runtimes: Record<Runtime, RuntimeInfo>;
	sandbox: string;
}

/** Vite's `./x.css?inline` for esbuild: the stylesheet, minified, as the module's default export (a string). */
const inlineCss: EsbuildPlugin = {
	name: 'inline-css',
	setup(build) {
		build.onResolve({ filter: /\.css\?inline$/ }, (args) => ({ path: join(args.resolveDir, args.path.slice(0, -'?inline'.length)), namespace: 'inline-css' }));
		build.onLoad({ filter: /.*/, namespace: 'inline-css' }, async (args) => ({
			contents: (await transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true })).code,
			loader: 'text',
		}));
	},
};

/**
 * The page's controls, the code editor they load on Edit, and the runtimes' runners, bundled on
 * their own (as the offline worker is).
 * A runner holds its runtime's JavaScript (Pyodide's loader and Emscripten module, PGlite), since the
 * sandbox lets its worker load no script but itself; it goes beside the runtime's files, under a name
 * that changes with its content, and the offline worker keeps it with them.
 */
export async function bundleBrowserCode(base: string): Promise<{ controlsUrl: string; files: Map<string, Uint8Array> }> {
	const files = new Map<string, Uint8Array>();
	const bundle = async (entry: string, options: { folder: string; name: string; format: 'esm' | 'iife'; define?: Record<string, string>; values?: BuildValues }) => {
		const source = fileURLToPath(new URL(`./${entry}`, import.meta.url));
		// The code is the entry's and this module's (its build options, and the values' modules
		// build-values.ts writes), with what they import, and the TypeScript settings esbuild reads.
		const code = filesKey(projectRoot, [...moduleClosure(projectRoot, [source, fileURLToPath(import.meta.url)]), 'tsconfig.json']);
		const contents = await keptBundle({ entry, options, code }, async () => {
			const result = await build({
				entryPoints: { [options.name]: source },
				outdir: options.folder,
				entryNames: '[name]',
				bundle: true,
				minify: true,
				format: options.format,
				target: 'es2022',
				platform: 'browser',
				// The runtimes' loaders import Node's modules only when they run in Node.
				external: ['node:*'],
				write: false,
				define: options.define ?? {},
				plugins: [esbuildValues(options.values ?? {}), inlineCss],
				logLevel: 'warning',
			});
			return result.outputFiles[0]!.contents;
		});
		// Named after its bytes alone: esbuild's own [hash] also covers where the inputs lie, so a
		// checkout whose packages are linked from elsewhere would name the same bytes differently.
		const hash = createHash('sha256').update(contents).digest('base64url').slice(0, 8);
		const path = `${options.folder}/${options.name}.${hash}.js`;
		files.set(path, contents);
		return { path, bytes: contents.byteLength };
	};
	const runtimes = {} as Record<Runtime, RuntimeInfo>;
	for (const entry of runtimeFiles()) {
		const runner = await bundle(entry.runner, {
			folder: entry.path.replace(/\/$/, ''),
			name: 'runner',
			format: 'iife',
			// PGlite finds its files beside its module; in the runner they are answered from memory.
			define: { 'import.meta.url': JSON.stringify(RUNNER_BASE) },
		});
		const assets = entry.files.map((file) => ({ name: file.name, path: `${entry.path}${file.siteName}`, bytes: file.bytes }));
		runtimes[entry.runtime] = { runner, files: assets, bytes: runner.bytes + assets.reduce((sum, file) => sum + file.bytes, 0) };
	}
	const info: ExamplesBuildInfo = { runtimes, sandbox: sandboxDocument(sha256Source(SANDBOX_SCRIPT)) };
	const root = base.replace(/\/?$/, '/');
	// The code editor (CodeMirror), which the controls import on a first Edit by its address.
	const colours = await editorColours();
	const editor = await bundle('editor.ts', {
		folder: '_astro',
		name: 'examples-editor',
		format: 'esm',
		values: { 'editor-colours': colours, 'editor-colour-css': await editorColourCss(colours) },
	});
	const controls = await bundle('controls.ts', {
		folder: '_astro',
		name: 'examples-controls',
		format: 'esm',
		define: { 'import.meta.env.BASE_URL': JSON.stringify(root) },
		values: { examples: info, 'examples-editor': `${root}${editor.path}` },
	});
	return { controlsUrl: `${root}${controls.path}`, files };
}

/** How long a kept bundle no build asked for stays in the kept folder. */
const KEPT_BUNDLE_DAYS = 7;

/**
 * A bundle kept from an earlier build with the same inputs, or `make`'s, kept for the next (each
 * build bundled the same three files again: 1.6 s of CPU, in every one of the test run's 30 builds).
 * `inputs` is all that decides the bytes: the entry, the options (defines and values included), the
 * project files that make it and the bundler's settings (moduleClosure, tsconfig.json); npm's record
 * of the installed packages stands for them (esbuild included).
 */
async function keptBundle(inputs: object, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
	// npm writes its record of what it installed; another package manager may not (the lock file then).
	const record = installedPackagesRecord();
	const installed = readFileSync(existsSync(record) ? record : join(projectRoot, 'package-lock.json'));
	const json = JSON.stringify(inputs, (name, value: unknown) => {
		// A value given as a function (build-values.ts) would be left out of the key: refused instead.
		if (typeof value === 'function') throw new Error(`keptBundle: ${name} is a function, which the key cannot cover`);
		return value;
	});
	const key = createHash('sha256').update(json).update(installed).digest('hex').slice(0, 32);
	const folder = join(keptFolder(), 'bundles');
	const path = join(folder, `${key}.js`);
	try {
		const kept = readFileSync(path);
		const now = new Date();
		utimesSync(path, now, now);
		return kept;
	} catch {
		// None kept (or deleted just now by another build's clean-up): bundled below.
	}
	const contents = await make();
	mkdirSync(folder, { recursive: true });
	// Written aside and renamed, so a build beside this one never reads half a file.
	const partial = `${path}.${process.pid}.partial`;
	writeFileSync(partial, contents);
	renameSync(partial, path);
	const old = Date.now() - KEPT_BUNDLE_DAYS * 86_400_000;
	for (const name of readdirSync(folder)) {
		// Another build may delete the same file between the listing and here.
		const modified = statSync(join(folder, name), { throwIfNoEntry: false })?.mtimeMs;
		if (modified !== undefined && modified < old) rmSync(join(folder, name), { force: true });
	}
	return contents;
}

/** Copies the runtimes into the build when it ends (before the offline worker lists the files, which leaves them out). */
export function runtimes(): AstroIntegration {
	// Bundled when first needed (a page's loader asks for the controls' address, or the build ends):
	// a build that fails while content syncs, and astro check, never pay for it.
	let browser: ReturnType<typeof bundleBrowserCode> | undefined;
	let base = '/';
	const browserCode = () => (browser ??= bundleBrowserCode(base));
	return {
		name: 'interview-guide:runtimes',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				base = config.base;
				// The page's loader imports the controls by this URL, which Vite leaves alone (no preload helper, no extra request).
				updateConfig({ vite: { plugins: [viteValues({ 'examples-controls': async () => (await browserCode()).controlsUrl })] } });
			},
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				for (const [path, contents] of (await browserCode()).files) {
					mkdirSync(dirname(join(site, path)), { recursive: true });
					writeFileSync(join(site, path), contents);
				}
				for (const entry of runtimeFiles()) {
					mkdirSync(join(site, entry.path), { recursive: true });
					for (const file of entry.files) copyFileSync(file.source, join(site, entry.path, file.siteName));
					const bytes = entry.files.reduce((sum, file) => sum + file.bytes, 0);
					logger.info(`${entry.path}: ${entry.files.length} files, ${(bytes / 1e6).toFixed(1)} MB`);
				}
			},
			// In dev, the same paths are served straight from node_modules.
			'astro:server:setup': ({ server }) => {
				const entries = runtimeFiles();
				server.middlewares.use(async (request, response, next) => {
					const url = new URL(request.url ?? '/', 'http://dev');
					const base = server.config.base.replace(/\/?$/, '/');
					let bundled: Uint8Array | undefined;
					try {
						bundled = url.pathname.startsWith(base) ? (await browserCode()).files.get(url.pathname.slice(base.length)) : undefined;
					} catch (error) {
						next(error);
						return;
					}
					if (bundled) {
						response.setHeader('Content-Type', 'text/javascript');
						response.end(bundled);
						return;
					}
					for (const entry of entries) {
						const prefix = `${base}${entry.path}`;
						if (!url.pathname.startsWith(prefix)) continue;
						const file = entry.files.find((candidate) => candidate.siteName === url.pathname.slice(prefix.length));
						if (!file) break;
						// The runtime's files are WebAssembly and data now; its JavaScript is in the runner, served above.
						response.setHeader('Content-Type', file.name.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
						response.end(readFileSync(file.source));
						return;
					}
					next();
				});
			},
		},
	};
}
