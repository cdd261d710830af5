// What kept build outputs are keyed by is derived from the code, not listed by hand: answers rendered
// while content syncs (src/data/rendered-glob.ts), every page's incremental-build key
// (src/data/cache-key.ts), the preview images (src/images/preview-images.ts) and the browser code
// bundles (src/examples/runtimes.ts). A change to a file
// that decides them changes the key; a change to an unrelated file does not.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SITE_CODE_ENTRY } from '../../src/data/cache-key.ts';
import { filesKey, moduleClosure } from '../../src/data/module-closure.ts';
import { renderInputs, renderKey } from '../../src/data/rendered-glob.ts';
import { copyProject, projectRoot } from '../helpers/project.ts';

const copy = copyProject(join(projectRoot, 'tests/fixtures/content'));
afterAll(() => copy.remove());

/** Changes `from` to `to` in a file of the copy, runs `check`, and puts the file back (once `check`'s promise settles, for an async one). */
function withChange<T>(path: string, from: string, to: string, check: () => T): T {
	const file = join(copy.root, path);
	const before = readFileSync(file, 'utf8');
	if (!before.includes(from)) throw new Error(`${path} does not hold ${JSON.stringify(from)}`);
	writeFileSync(file, before.replace(from, to));
	const restore = () => writeFileSync(file, before);
	let result: T;
	try {
		result = check();
	} catch (error) {
		restore();
		throw error;
	}
	if (result instanceof Promise) return result.finally(restore) as T;
	restore();
	return result;
}

describe('the render key', () => {
	test('covers the Markdown plugins, what they import (the HTML allow-list too) and the outputs they read; no page or offline code', () => {
		const inputs = renderInputs(projectRoot);
		expect(inputs).toEqual(expect.arrayContaining(['src/markdown/index.ts', 'src/markdown/remark-safe-html.ts', 'src/site.config.ts', 'src/lib/editor-notes.ts', 'content/example-outputs.json', 'package-lock.json']));
		expect(inputs.filter((file) => /^src\/(offline|search|study|pages|components|layouts)\//.test(file))).toEqual([]);
	});

	test('changes with the HTML allow-list, and not with an offline rule', () => {
		const key = renderKey(copy.root);
		withChange('src/site.config.ts', "'kbd',", '', () => expect(renderKey(copy.root)).not.toBe(key));
		withChange('src/offline/files.ts', 'export', '// An unrelated change.\nexport', () => expect(renderKey(copy.root)).toBe(key));
		expect(renderKey(copy.root)).toBe(key);
	});
});

describe('the site code in every page key', () => {
	test('is the middleware with what it imports (the policy code, the code colours and the sandbox script)', () => {
		expect(moduleClosure(projectRoot, [SITE_CODE_ENTRY])).toEqual(['src/examples/sandbox.ts', 'src/lib/csp.ts', 'src/markdown/shiki-classes.ts', 'src/middleware.ts']);
	});
});

describe('the preview images’ drawing code', () => {
	test('is the drawing thread’s module with what it imports, and changes with it', () => {
		const images = join(copy.root, 'src/images');
		const closure = moduleClosure(images, [join(images, 'worker.ts')]);
		expect(closure).toEqual(expect.arrayContaining(['worker.ts', 'render.ts', 'png.ts']));
		const key = filesKey(images, closure);
		withChange('src/images/png.ts', 'export', '// A change.\nexport', () => expect(filesKey(images, closure)).not.toBe(key));
		withChange('src/offline/files.ts', 'export', '// An unrelated change.\nexport', () => expect(filesKey(images, moduleClosure(images, [join(images, 'worker.ts')]))).toBe(key));
	});
});

test('a Vite ?raw, ?url or ?inline import counts as the file it names: a module with its imports, any other file as itself', () => {
	// Two entries that name the same module, and stylesheets by URL and as text.
	writeFileSync(join(copy.root, 'src/raw-probe.ts'), "import code from './middleware.ts?raw';\nexport default code;\n");
	writeFileSync(
		join(copy.root, 'src/raw-probe-2.ts'),
		"import code from './middleware.ts?raw';\nimport css from './styles/base.css?url';\nimport text from './styles/prose.css?inline';\nexport default [code, css, text];\n",
	);
	expect(moduleClosure(copy.root, ['src/raw-probe.ts', 'src/raw-probe-2.ts'])).toEqual([
		'src/examples/sandbox.ts',
		'src/lib/csp.ts',
		'src/markdown/shiki-classes.ts',
		'src/middleware.ts',
		'src/raw-probe-2.ts',
		'src/raw-probe.ts',
		'src/styles/base.css',
		'src/styles/prose.css',
	]);
});

describe('the browser code bundles kept between builds (src/examples/runtimes.ts)', () => {
	test('are made again when a module they import changes, and named the same when an unrelated file does', async () => {
		const { bundleBrowserCode } = (await import(join(copy.root, 'src/examples/runtimes.ts'))) as typeof import('../../src/examples/runtimes.ts');
		const names = async () => [...(await bundleBrowserCode('/')).files.keys()].sort();
		const before = await names();
		expect(before).toHaveLength(4);
		const edit = (path: string, from: string, to: string) => withChange(path, from, to, names);
		// The controls import the time limit: a kept bundle would keep the old one.
		const changed = await edit('src/examples/rules.ts', 'TIME_LIMIT_MS = 10_000', 'TIME_LIMIT_MS = 11_000');
		expect(changed.filter((name) => name.startsWith('_astro/examples-controls.'))).not.toEqual(before.filter((name) => name.startsWith('_astro/examples-controls.')));
		expect(changed.filter((name) => name.startsWith('runtimes/'))).toEqual(before.filter((name) => name.startsWith('runtimes/')));
		// The code editor does not: its bundle keeps its name.
		expect(changed.filter((name) => name.startsWith('_astro/examples-editor.'))).toEqual(before.filter((name) => name.startsWith('_astro/examples-editor.')));
		expect(await edit('src/offline/files.ts', 'export', '// An unrelated change.\nexport')).toEqual(before);
		expect(await names()).toEqual(before);
	});

	test('are made again when the bundler’s own settings change (runtimes.ts, read afresh in a process of its own)', async () => {
		const namesInProcess = () => {
			const script = `const { bundleBrowserCode } = await import(${JSON.stringify(join(copy.root, 'src/examples/runtimes.ts'))}); console.log(JSON.stringify([...(await bundleBrowserCode('/')).files.keys()].sort())); process.exit(0);`;
			return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as string[];
		};
		const before = namesInProcess();
		const unminified = withChange('src/examples/runtimes.ts', 'minify: true,', 'minify: false,', namesInProcess);
		expect(unminified.filter((name) => before.includes(name))).toEqual([]);
	});
});
