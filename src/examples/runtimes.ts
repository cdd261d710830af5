// The build step that puts the runtimes on the site: the files Pyodide and PGlite load, copied from
// node_modules into dist/runtimes/<name>-<version>/ (never a CDN). The version in the path changes
// with the package, so a cached copy is never stale and the offline worker can keep it as read.
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYODIDE_VERSION } from './python-run.ts';
import type { Runtime } from './rules.ts';
import { PGLITE_VERSION } from './sql-run.ts';

/** Where every runtime lives on the site, relative to the base path. */
export const RUNTIMES_PREFIX = 'runtimes/';

interface RuntimePackage {
	runtime: Runtime;
	name: string;
	/** The npm package and the version the path promises. */
	packageName: string;
	version: string;
	/** The package's folder that holds the files, and which of its files the runtime loads. */
	folder: string;
	files: (names: string[]) => string[];
}

const PACKAGES: RuntimePackage[] = [
	{
		runtime: 'python',
		name: 'pyodide',
		packageName: 'pyodide',
		version: PYODIDE_VERSION,
		folder: '.',
		files: () => ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'],
	},
	{
		runtime: 'sql',
		name: 'pglite',
		packageName: '@electric-sql/pglite',
		version: PGLITE_VERSION,
		folder: 'dist',
		// The ES module and its chunks, PostgreSQL, its data files and initdb; not the extensions, maps or CommonJS.
		files: (names) => names.filter((name) => /^(?:index|chunk-[\w-]+)\.js$|^pglite\.(?:wasm|data)$|^initdb\.wasm$/.test(name)),
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
export function runtimeFiles(): { runtime: Runtime; path: string; files: { name: string; bytes: number; source: string }[] }[] {
	return PACKAGES.map((pkg) => {
		const folder = packageFolder(pkg);
		const names = pkg.files(readdirSync(folder).sort());
		return {
			runtime: pkg.runtime,
			path: runtimePath(pkg),
			files: names.map((name) => ({ name, bytes: statSync(join(folder, name)).size, source: join(folder, name) })),
		};
	});
}

/**
 * What the page's controls know about each runtime: its folder, the bytes a first Run loads, and of
 * those the bytes fetched with fetch() (not the JavaScript modules), which the progress bar counts.
 */
export function runtimeInfo(): Record<Runtime, { path: string; bytes: number; fetched: number }> {
	const info = {} as Record<Runtime, { path: string; bytes: number; fetched: number }>;
	for (const entry of runtimeFiles()) {
		const sum = (files: typeof entry.files) => files.reduce((total, file) => total + file.bytes, 0);
		info[entry.runtime] = { path: entry.path, bytes: sum(entry.files), fetched: sum(entry.files.filter((file) => !/\.m?js$/.test(file.name))) };
	}
	return info;
}

/** The page's controls and the runtimes' workers, bundled on their own (as the offline worker is), under hashed names. */
export async function bundleBrowserCode(base: string): Promise<{ controlsUrl: string; files: Map<string, Uint8Array> }> {
	const files = new Map<string, Uint8Array>();
	const bundle = async (entry: string, define: Record<string, string>) => {
		const result = await build({
			entryPoints: { [entry.replace(/\.ts$/, '').replace('.', '-')]: fileURLToPath(new URL(`./${entry}`, import.meta.url)) },
			outdir: 'examples',
			entryNames: 'examples-[name].[hash]',
			bundle: true,
			minify: true,
			format: 'esm',
			target: 'es2022',
			write: false,
			define,
			logLevel: 'warning',
		});
		const out = result.outputFiles[0]!;
		const name = out.path.split('/').at(-1)!;
		files.set(name, out.contents);
		return `${base.replace(/\/?$/, '/')}_astro/${name}`;
	};
	const workers = { python: await bundle('python.worker.ts', {}), sql: await bundle('sql.worker.ts', {}) };
	const controlsUrl = await bundle('controls.ts', {
		__SG_RUNTIMES__: JSON.stringify(runtimeInfo()),
		__SG_WORKERS__: JSON.stringify(workers),
		'import.meta.env.BASE_URL': JSON.stringify(base.replace(/\/?$/, '/')),
	});
	return { controlsUrl, files };
}

/** Copies the runtimes into the build when it ends (before the offline worker lists the files, which leaves them out). */
export function runtimes(): AstroIntegration {
	let browser: Awaited<ReturnType<typeof bundleBrowserCode>> | undefined;
	return {
		name: 'interview-guide:runtimes',
		hooks: {
			'astro:config:setup': async ({ config, updateConfig }) => {
				browser = await bundleBrowserCode(config.base);
				// The page's loader imports the controls by this URL, which Vite leaves alone (no preload helper, no extra request).
				updateConfig({ vite: { define: { __SG_CONTROLS__: JSON.stringify(browser.controlsUrl) } } });
			},
			'astro:build:done': ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				mkdirSync(join(site, '_astro'), { recursive: true });
				for (const [name, contents] of browser!.files) writeFileSync(join(site, '_astro', name), contents);
				for (const entry of runtimeFiles()) {
					mkdirSync(join(site, entry.path), { recursive: true });
					for (const file of entry.files) copyFileSync(file.source, join(site, entry.path, file.name));
					const bytes = entry.files.reduce((sum, file) => sum + file.bytes, 0);
					logger.info(`${entry.path}: ${entry.files.length} files, ${(bytes / 1e6).toFixed(1)} MB`);
				}
			},
			// In dev, the same paths are served straight from node_modules.
			'astro:server:setup': ({ server }) => {
				const entries = runtimeFiles();
				server.middlewares.use((request, response, next) => {
					const url = new URL(request.url ?? '/', 'http://dev');
					const bundled = browser?.files.get(url.pathname.split('/').at(-1)!);
					if (bundled && url.pathname.includes('/_astro/examples-')) {
						response.setHeader('Content-Type', 'text/javascript');
						response.end(bundled);
						return;
					}
					const base = server.config.base.replace(/\/?$/, '/');
					for (const entry of entries) {
						const prefix = `${base}${entry.path}`;
						if (!url.pathname.startsWith(prefix)) continue;
						const file = entry.files.find((candidate) => candidate.name === url.pathname.slice(prefix.length));
						if (!file) break;
						const type = file.name.endsWith('.wasm') ? 'application/wasm' : /\.m?js$/.test(file.name) ? 'text/javascript' : file.name.endsWith('.json') ? 'application/json' : 'application/octet-stream';
						response.setHeader('Content-Type', type);
						response.end(readFileSync(file.source));
						return;
					}
					next();
				});
			},
		},
	};
}
