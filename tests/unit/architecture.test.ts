// Where each kind of code lives (README, "Project layout"), checked on the source so that a shortcut
// past the shared modules fails here, naming the file, instead of drifting unnoticed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../helpers/project.ts';

const read = (file: string) => readFileSync(join(projectRoot, file), 'utf8');

/** Every .ts/.astro/.mjs file under a folder of the project, as a path from the project root. */
function sourceFiles(folder: string): string[] {
	return readdirSync(join(projectRoot, folder), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.(?:ts|astro|mjs)$/.test(entry.name))
		.map((entry) => relative(projectRoot, join(entry.parentPath, entry.name)))
		.sort();
}

const PARSERS = ['remark-parse', 'unified', 'mdast-util-from-markdown'];

/** The module names a source file imports, static or dynamic. */
function importsOf(text: string): string[] {
	return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]!);
}

/** Files (other than those allowed) that import one of `modules`. */
function importersOf(files: string[], modules: (name: string) => boolean): string[] {
	return files.filter((file) => importsOf(read(file)).some(modules));
}

describe('importsOf', () => {
	test('finds static, type-only and dynamic imports, and no other strings', () => {
		const text = "import a from 'x';\nimport type { B } from \"y\";\nconst c = await import('z');\nconst d = 'unified';\n";
		expect(importsOf(text)).toEqual(['x', 'y', 'z']);
	});
});

describe('one Markdown module', () => {
	test('only src/markdown parses Markdown itself', () => {
		const files = ['src/', 'tests/', 'scripts/'].flatMap(sourceFiles).filter((file) => !file.startsWith('src/markdown/'));
		expect(files.length).toBeGreaterThan(50);
		expect(importersOf(files, (name) => PARSERS.includes(name)), `import ${PARSERS.join(', ')} only in src/markdown/`).toEqual([]);
		expect(importersOf(['astro.config.ts'], (name) => PARSERS.includes(name) || /^remark-|^rehype-/.test(name))).toEqual([]);
	});
});

/**
 * Astro itself, its virtual modules and its integrations API; not astro/zod, the schema library
 * Astro ships, which the pure schemas use.
 */
const isFramework = (name: string) => /^astro(?:$|[:/])/.test(name) && name !== 'astro/zod';

/** Moving to src/offline/ with the offline work, which owns it (issue 11 leaves it to that change). */
const NOT_YET_MOVED = new Set(['src/lib/offline.ts']);

describe('src/lib', () => {
	test('holds pure functions: no Astro modules, no DOM, no storage', () => {
		const files = sourceFiles('src/lib/').filter((file) => !NOT_YET_MOVED.has(file));
		expect(files.length).toBeGreaterThan(5);
		const impure = files.filter((file) => {
			const text = read(file);
			return (
				importsOf(text).some(isFramework) ||
				/\b(?:document|window|localStorage|sessionStorage|navigator|customElements)\s*[.[]/.test(text)
			);
		});
		expect(impure, 'framework, DOM or storage code belongs in a feature folder or src/data').toEqual([]);
	});
});
