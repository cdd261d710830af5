// Two builds of the same sources give byte-identical dist/ folders, search index included.
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildProject, copyProject, folderFiles, projectRoot } from '../helpers/project.ts';

const copies = [copyProject(join(projectRoot, 'content')), copyProject(join(projectRoot, 'content'))];
afterAll(() => copies.forEach((copy) => copy.remove()));

test('two builds of the same commit are byte-identical', async () => {
	const [first, second] = await Promise.all(copies.map((copy) => buildProject(copy.root)));
	expect(first!.code, first!.output).toBe(0);
	expect(second!.code, second!.output).toBe(0);
	const [a, b] = copies.map((copy) => folderFiles(join(copy.root, 'dist')));
	expect(Object.keys(a!).length).toBeGreaterThan(300);
	const differing = Object.keys({ ...a, ...b }).filter((name) => a![name] !== b![name]);
	expect(differing).toEqual([]);
});
