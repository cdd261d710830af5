// The project files some code is made of: an entry module and everything it imports, found by
// esbuild's own resolver (its metafile), so that a cache kept between builds is keyed by what decides
// its contents rather than by a list someone must remember to update. Installed packages are left
// out: package-lock.json stands for them.
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The project files `entries` are made of (paths from `root`, sorted): each entry and every module it
 * imports, statically or by import(), through the project's own files. A Vite `?raw`, `?url` or
 * `?inline` import counts as the file it names, a module with what it imports (its code runs
 * elsewhere, but it runs).
 */
export function moduleClosure(root: string, entries: readonly string[]): string[] {
	const found = new Set<string>();
	let next = new Set(entries.map((entry) => resolve(root, entry)));
	while (next.size > 0) {
		const { metafile } = buildSync({
			absWorkingDir: root,
			entryPoints: [...next],
			bundle: true,
			write: false,
			metafile: true,
			platform: 'node',
			format: 'esm',
			outdir: 'closure', // never written (write: false); esbuild wants it for several entries
			packages: 'external',
			// Astro's virtual modules and Vite's query imports are not files esbuild can load.
			external: ['astro:*', '*?raw', '*?url', '*?inline'],
			logLevel: 'silent',
		});
		next = new Set();
		for (const [input, { imports }] of Object.entries(metafile.inputs)) {
			found.add(relative(root, resolve(root, input)));
			for (const { path, external } of imports) {
				const query = /\?(raw|url|inline)$/.exec(path);
				if (!external || !query || !/^\.\.?\//.test(path)) continue;
				const target = resolve(root, dirname(input), path.slice(0, query.index));
				const name = relative(root, target);
				if (found.has(name)) continue;
				// Code is followed into what it imports; any other file (a stylesheet, an image) counts as itself.
				if (CODE.test(target)) next.add(target);
				else found.add(name);
			}
		}
	}
	return [...found].sort();
}

/** Files esbuild bundles as code. */
const CODE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;

/** A hash of the named files' paths and bytes (paths from `root`; a missing file counts as missing). */
export function filesKey(root: string, files: readonly string[]): string {
	const hash = createHash('sha256');
	for (const file of files) {
		let bytes: Buffer | undefined;
		try {
			bytes = readFileSync(join(root, file));
		} catch {
			bytes = undefined;
		}
		hash.update(`${file}\0`).update(bytes ?? 'missing').update('\0');
	}
	return hash.digest('hex');
}
