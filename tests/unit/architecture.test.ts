// Where each kind of code lives (README, "Project tree"), checked on the source so that a shortcut
// past the shared modules fails here, naming the file, instead of drifting unnoticed.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
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

describe('src/lib', () => {
	test('holds pure functions: no Astro modules, no DOM, no storage', () => {
		const files = sourceFiles('src/lib/');
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

/** The src/ files a source file imports by a relative path (queries such as `?raw` dropped). */
function localImports(file: string, text = read(file)): string[] {
	return importsOf(text)
		.filter((name) => name.startsWith('.'))
		.map((name) => normalize(join(dirname(file), name.split('?')[0]!)));
}

/** The import circles among `files`: each a list of files that import one another round (Tarjan's strongly connected components). */
function importCircles(files: string[], importsOfFile: (file: string) => string[] = (file) => localImports(file)): string[][] {
	const known = new Set(files);
	const edges = new Map(files.map((file) => [file, importsOfFile(file).filter((target) => known.has(target))]));
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const circles: string[][] = [];
	const visit = (file: string) => {
		index.set(file, index.size);
		low.set(file, index.get(file)!);
		stack.push(file);
		onStack.add(file);
		for (const target of edges.get(file)!) {
			if (!index.has(target)) {
				visit(target);
				low.set(file, Math.min(low.get(file)!, low.get(target)!));
			} else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
		}
		if (low.get(file) !== index.get(file)) return;
		const component: string[] = [];
		let member: string;
		do {
			member = stack.pop()!;
			onStack.delete(member);
			component.push(member);
		} while (member !== file);
		if (component.length > 1 || edges.get(file)!.includes(file)) circles.push(component.sort());
	};
	for (const file of files) if (!index.has(file)) visit(file);
	return circles;
}

describe('layers', () => {
	test('src/lib is the bottom layer: it imports nothing from src/ outside src/lib', () => {
		const files = sourceFiles('src/lib/');
		const outside = files.flatMap((file) => localImports(file).filter((target) => !target.startsWith('src/lib/')).map((target) => `${file} imports ${target}`));
		expect(outside, 'move the code into src/lib, or the importer out of it').toEqual([]);
	});

	test('no file in src/ is part of an import circle', () => {
		const files = sourceFiles('src/');
		expect(files.length).toBeGreaterThan(100);
		expect(importCircles(files)).toEqual([]);
	});

	test('the circle check finds a circle, and a file that imports itself', () => {
		const fake = new Map([
			['src/a.ts', "import './b.ts';"],
			['src/b.ts', "import { x } from './c.ts?raw';"],
			['src/c.ts', "import type { A } from './a.ts';\nimport './e.ts';"],
			['src/d.ts', "const d = await import('./d.ts');"],
			['src/e.ts', "import './b.ts';"],
			['src/f.ts', "import './a.ts';"],
		]);
		const circles = importCircles([...fake.keys()], (file) => localImports(file, fake.get(file)));
		expect(circles).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/e.ts'], ['src/d.ts']]);
	});
});

describe('one link module', () => {
	test('only src/lib/links.ts writes the site’s addresses', () => {
		// A quoted root-relative path to one of the site's routes or files, as a page would hand-write it.
		const address = /['"`]\/(?:study|q|print|additions|questions|og|icons|pagefind)\/|['"`]\/(?:search-(?:sections|words)\.json|guide\.md|anki\.tsv|favicon\.svg|manifest\.webmanifest|sw\.js|sitemap-index\.xml)\b/;
		expect(address.test("href={'/study/'}")).toBe(true);
		const files = sourceFiles('src/').filter((file) => file !== 'src/lib/links.ts');
		expect(files.filter((file) => address.test(read(file))), 'build the address with a function of src/lib/links.ts').toEqual([]);
	});

	test('only src/lib/base.ts reads the base path', () => {
		// runtimes.ts bundles the examples' code with esbuild, defining the base that base.ts reads there.
		const files = sourceFiles('src/').filter((file) => file !== 'src/lib/base.ts' && file !== 'src/examples/runtimes.ts');
		expect(files.filter((file) => /BASE_URL|data-base\b/.test(read(file)))).toEqual([]);
	});
});
