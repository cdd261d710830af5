// The runtimes' starting states the build makes (make-python-snapshot.ts, make-sql-database.ts):
// each made once per runtime version and maker code, and kept beside the installed packages
// (node_modules/.cache/interview-guide/), where every build and test of this checkout, and the
// throwaway copies the pipeline tests build (which link the same packages), find it. Node-only: the
// build copies them into the site, and the Node runners start from them, so the tests run what a
// reader's Run does.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesKey, moduleClosure } from '../data/module-closure.ts';
import { PYODIDE_VERSION } from './python-run.ts';
import { PGLITE_VERSION } from './sql-run.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The installed packages' folder, through any link (a pipeline copy links each package). */
function packagesFolder(): string {
	const entry = realpathSync(createRequire(import.meta.url).resolve('pyodide'));
	const at = entry.lastIndexOf(`${sep}node_modules${sep}`);
	if (at < 0) throw new Error(`pyodide is not installed under a node_modules folder (${entry})`);
	return entry.slice(0, at + `${sep}node_modules`.length);
}

/** Where this checkout keeps what its builds make once and reuse (shared with the pipeline tests' copies). */
export const keptFolder = () => join(packagesFolder(), '.cache', 'interview-guide');

/** npm's record of the packages installed (their versions and integrity), which copies share through their links. */
export const installedPackagesRecord = () => join(packagesFolder(), '.package-lock.json');

/** A made file: where it is kept, and its name on the site. */
export interface MadeFile {
	path: string;
	siteName: string;
}

const made = new Map<string, MadeFile>();

/**
 * The file `maker` writes, made when this checkout has none for `version` and the maker's code. Its
 * name on the site carries a hash of that key, so a browser or the offline worker never keeps an old
 * one under a new meaning.
 */
function madeFile(maker: string, version: string, name: (key: string) => string): MadeFile {
	const known = made.get(maker);
	if (known) return known;
	const script = fileURLToPath(new URL(`./${maker}`, import.meta.url));
	const key = createHash('sha256')
		.update(`${version}\0zlib ${process.versions.zlib} ${process.platform}\0`)
		.update(filesKey(projectRoot, moduleClosure(projectRoot, [script])))
		.digest('hex')
		.slice(0, 16);
	const siteName = name(key);
	const folder = keptFolder();
	const path = join(folder, siteName);
	if (!existsSync(path)) {
		mkdirSync(folder, { recursive: true });
		// Written aside and renamed, so a build beside this one never reads half a file.
		const partial = `${path}.${process.pid}.partial`;
		// A maker takes seconds; one stuck (its clock is fixed) is stopped rather than the build held.
		const result = spawnSync(process.execPath, [script, partial], { encoding: 'utf8', timeout: 300_000 });
		if (result.status !== 0 || !existsSync(partial)) {
			rmSync(partial, { force: true });
			const why = result.signal ? `stopped by ${result.signal} after 300 s` : result.stderr || String(result.error);
			throw new Error(`Making ${siteName} failed (node ${script}):\n${why}`);
		}
		renameSync(partial, path);
		// The same maker's files of an earlier key are of no further use.
		const prefix = siteName.slice(0, siteName.indexOf(key));
		for (const old of readdirSync(folder)) if (old.startsWith(prefix) && old !== siteName && !old.endsWith('.partial')) rmSync(join(folder, old), { force: true });
	}
	const file = { path, siteName };
	made.set(maker, file);
	return file;
}

/** A started Python's memory, gzipped: restored in a fraction of a second, where starting takes seconds. */
export const pythonSnapshot = () => madeFile('make-python-snapshot.ts', `pyodide ${PYODIDE_VERSION}`, (key) => `python-${key}.snapshot.gz`);

/** PostgreSQL's data folder with the sample tables, a gzipped tar: opened where initdb and filling it take seconds. */
export const sqlDatabase = () => madeFile('make-sql-database.ts', `pglite ${PGLITE_VERSION}`, (key) => `sample-${key}.tar.gz`);
