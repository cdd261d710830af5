// Two builds of the same sources give byte-identical dist/ folders, search index included.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildProject, copyProject, projectRoot } from '../helpers/project.ts';

const copies = [copyProject(join(projectRoot, 'content')), copyProject(join(projectRoot, 'content'))];
afterAll(() => copies.forEach((copy) => copy.remove()));

/** Every file of a folder with the SHA-256 of its bytes. */
function digest(dir: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
		const path = join(dir, name);
		if (statSync(path).isFile()) files[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
	}
	return files;
}

test('two builds of the same commit are byte-identical', async () => {
	const [first, second] = await Promise.all(copies.map((copy) => buildProject(copy.root)));
	expect(first!.code, first!.output).toBe(0);
	expect(second!.code, second!.output).toBe(0);
	const [a, b] = copies.map((copy) => digest(join(copy.root, 'dist')));
	expect(Object.keys(a!).length).toBeGreaterThan(300);
	const differing = Object.keys({ ...a, ...b }).filter((name) => a![name] !== b![name]);
	expect(differing).toEqual([]);
});
