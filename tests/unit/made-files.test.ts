// The runtimes' starting states the build makes and the site serves (src/examples/made-files.ts):
// made again in a process of their own, from a copy of the project in another folder, each is the
// same file byte for byte, so two builds of one checkout, or of two checkouts, give the same site.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { pythonSnapshot, sqlDatabase } from '../../src/examples/made-files.ts';
import { copyProject, projectRoot } from '../helpers/project.ts';

const folder = mkdtempSync(join(tmpdir(), 'made-files-'));
const copy = copyProject(join(projectRoot, 'tests/fixtures/content'));
afterAll(() => {
	rmSync(folder, { recursive: true, force: true });
	copy.remove();
});
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('the Python snapshot and the SQL data folder are made the same, byte for byte, every time', async () => {
	const made = { 'make-python-snapshot.ts': pythonSnapshot(), 'make-sql-database.ts': sqlDatabase() };
	const again = await Promise.all(
		Object.keys(made).map(async (maker) => {
			const output = join(folder, maker);
			await promisify(execFile)(process.execPath, [join(copy.root, 'src/examples', maker), output]);
			return [maker, sha256(output)];
		}),
	);
	expect(Object.fromEntries(again)).toEqual(Object.fromEntries(Object.entries(made).map(([maker, file]) => [maker, sha256(file.path)])));
}, 120_000);
