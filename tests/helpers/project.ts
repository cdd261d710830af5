// Builds the site from another content folder in a throwaway copy of the project: the real Astro
// pipeline (schemas, Markdown plugins, cross-file checks), without touching this checkout.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const projectRoot = new URL('../../', import.meta.url).pathname;
const PROJECT_FILES = ['src', 'public', 'astro.config.ts', 'tsconfig.json', 'package.json'];

/** A copy of the project whose content/ is `contentDir`'s; remove() deletes it. */
export function copyProject(contentDir: string): { root: string; remove(): void } {
	const root = mkdtempSync(join(tmpdir(), 'guide-site-'));
	for (const file of PROJECT_FILES) cpSync(join(projectRoot, file), join(root, file), { recursive: true });
	cpSync(contentDir, join(root, 'content'), { recursive: true });
	// Link each installed package, but give the copy its own caches (node_modules/.astro, .vite):
	// builds running side by side must not share Astro's content store.
	mkdirSync(join(root, 'node_modules'));
	for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
		if (!name.startsWith('.')) symlinkSync(join(projectRoot, 'node_modules', name), join(root, 'node_modules', name));
	}
	return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * The environment of a command run from a test: this process's, less what Vitest and its Vite set
 * for the tests (NODE_ENV=test, MODE, DEV, SSR…), which a build would read as its own and make
 * other bundles than `npm run build` does.
 */
function commandEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
	for (const name of Object.keys(env)) if (/^(?:VITEST.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL)$/.test(name)) delete env[name];
	return env;
}

/** Runs a package's command in `root`; resolves with its exit code and everything it printed. */
function runIn(root: string, script: string, args: string[]): Promise<{ code: number; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [join(root, 'node_modules', script), ...args], { cwd: root, env: commandEnv() });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}

/** Runs `astro build` in `root`, as `npm run build` does (the search index and offline worker included). */
export function buildProject(root: string): Promise<{ code: number; output: string }> {
	return runIn(root, 'astro/bin/astro.mjs', ['build']);
}

/** Every file of a folder (recursively, by path inside it) with the SHA-256 of its bytes, or its mtime. */
export function folderFiles(dir: string, what: 'hash' | 'mtime' = 'hash'): Record<string, string> {
	const result: Record<string, string> = {};
	for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
		const path = join(dir, name);
		if (!statSync(path).isFile()) continue;
		result[name] = what === 'hash' ? createHash('sha256').update(readFileSync(path)).digest('hex') : String(statSync(path).mtimeMs);
	}
	return result;
}
