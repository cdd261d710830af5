// The build under test and a build of the same sources in a copy elsewhere, from cold (no cache of
// this checkout's), are byte-identical, search index included: what a build keeps between builds,
// and where the checkout lies, change nothing in dist/.
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { distDir } from '../helpers/dist.ts';
import { buildProject, copyProject, folderFiles, projectRoot } from '../helpers/project.ts';

const copy = copyProject(join(projectRoot, 'content'));
afterAll(() => copy.remove());

test('a cold build of the same sources elsewhere is byte-identical to the build under test', async () => {
	const { code, output } = await buildProject(copy.root);
	expect(code, output).toBe(0);
	const [built, again] = [folderFiles(distDir), folderFiles(join(copy.root, 'dist'))];
	expect(Object.keys(built).length).toBeGreaterThan(300);
	const differing = Object.keys({ ...built, ...again }).filter((name) => built[name] !== again[name]);
	expect(differing).toEqual([]);
});
