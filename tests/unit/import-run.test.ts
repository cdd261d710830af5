import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { plural, resolveInside, runImport } from '../../src/import/run.ts';

const guides = fileURLToPath(new URL('../fixtures/guides/', import.meta.url));
let root: string;
let output: string[];
let errors: string[];

/** Runs the importer as if typed in `cwd` (default: the fixtures folder); returns the exit code. */
const run = (args: string[], cwd = guides) =>
	runImport(args, { cwd, projectRoot: root, log: (line) => output.push(line), error: (line) => errors.push(line) });

/** Writes a file under the temporary root. */
function put(path: string, text: string) {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), text);
}

const questionFile = (fields: string, body = '- An answer.') => `---\n${fields}\n---\n\n${body}\n`;
const note = ':::editor-note[Say why]\nBecause.\n:::';

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'import-'));
	output = [];
	errors = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('runImport', () => {
	test('resolves the guide and --out from where the command was run, and prints each file it adds', async () => {
		expect(await run(['valid.md', '--out', join(root, 'out')])).toBe(0);
		expect(output).toContain('  add     questions/01-basics-more/001-init-py-file.md');
		expect(output.at(-1)).toMatch(/^Imported 3 questions in 2 sections and 1 page into .*out\/: 5 added, 0 changed, 0 removed, 0 unchanged\.$/);
		expect(readdirSync(join(root, 'out'))).toEqual(['pages', 'questions', 'sections.yaml']);
	});

	test('writes into the project’s content folder when --out is not given', async () => {
		expect(await run(['valid.md'])).toBe(0);
		expect(existsSync(join(root, 'content/sections.yaml'))).toBe(true);
	});

	test('says which file it looked for when the guide is missing, without a stack trace', async () => {
		expect(await run(['../nope/guide.md'], guides)).toBe(1);
		expect(errors).toEqual([`Import failed: cannot read the guide "../nope/guide.md" (looked for ${join(guides, '../nope/guide.md')}): there is no such file`]);
	});

	test('prints what changes on a re-import, and writes nothing on --dry-run', async () => {
		await run(['valid.md', '--out', root]);
		const file = join(root, 'questions/01-basics-more/002-read-file.md');
		const edited = readFileSync(file, 'utf8').replace('Use `open()`.', 'Edited by hand.');
		writeFileSync(file, edited);
		output = [];
		expect(await run(['valid.md', '--out', root, '--dry-run'])).toBe(0);
		expect(output).toEqual([
			'  change  questions/01-basics-more/002-read-file.md',
			expect.stringMatching(/^Dry run: importing 3 questions in 2 sections and 1 page into .* would give 0 added, 1 changed, 0 removed, 4 unchanged\. Nothing was written\.$/),
		]);
		expect(readFileSync(file, 'utf8')).toBe(edited);
		await run(['valid.md', '--out', root]);
		expect(readFileSync(file, 'utf8')).toContain('Use `open()`.');
	});

	test('refuses an existing file whose slug would lead outside --out, and touches nothing', async () => {
		const path = 'out/questions/01-basics-more/001-init-py-file.md';
		const text = questionFile('number: 1\ntitle: T\nslug: ../../../../../escaped-by-slug\nsection: basics-more\norigin: guide');
		put(path, text);
		expect(await run(['valid.md', '--out', join(root, 'out')])).toBe(1);
		expect(errors[0]).toMatch(/^Import failed: questions\/01-basics-more\/001-init-py-file\.md: slug: must be lower-case ASCII words/);
		expect(readFileSync(join(root, path), 'utf8')).toBe(text);
		expect(readdirSync(root)).toEqual(['out']);
		expect(readdirSync(join(root, 'out'))).toEqual(['questions']);
	});

	test('names the file and line of broken frontmatter YAML in the output folder', async () => {
		put('questions/01-basics-more/001-x.md', '---\nnumber: 1\ntitle: [unclosed\n---\n\nBody.\n');
		expect(await run(['valid.md', '--out', root])).toBe(1);
		expect(errors[0]).toMatch(/^Import failed: questions\/01-basics-more\/001-x\.md:\d+: the frontmatter is not valid YAML: /);
	});

	test('names sections.yaml when it is not valid YAML', async () => {
		put('sections.yaml', '- id: [broken\n');
		expect(await run(['valid.md', '--out', root])).toBe(1);
		expect(errors[0]).toMatch(/^Import failed: sections\.yaml: not valid YAML: /);
	});

	test('keeps files holding editor’s notes that a partial guide lacks, says so, and removes them only with --prune', async () => {
		const noted = 'questions/02-second-part/004-noted.md';
		put(noted, questionFile('number: 4\ntitle: Noted\nslug: noted\nsection: second-part\norigin: guide\neditorNotes: 1', `- An answer.\n\n${note}`));
		put('questions/02-second-part/004-plain.md', questionFile('number: 4\ntitle: Plain\nslug: plain\nsection: second-part\norigin: guide'));
		// A second question 4 is not what the build allows, but the importer's job here is only not to lose the note.
		expect(await run(['valid.md', '--out', root])).toBe(0);
		expect(output).toContain('  remove  questions/02-second-part/004-plain.md');
		expect(output).toContain(`  keep    ${noted} (holds 1 editor’s note, and the guide no longer has question 4; --prune removes it)`);
		expect(output.at(-1)).toMatch(/: 5 added, 0 changed, 1 removed, 0 unchanged, 1 kept\.$/);
		expect(existsSync(join(root, noted))).toBe(true);
		expect(await run(['valid.md', '--out', root, '--prune'])).toBe(0);
		expect(existsSync(join(root, noted))).toBe(false);
	});

	test('stops on a malformed guide with its file and line, writing nothing', async () => {
		expect(await run(['latin1.md', '--out', join(root, 'out')])).toBe(1);
		expect(errors).toEqual(['Import failed: latin1.md:4: byte 0xe9 is not UTF-8: save the guide as UTF-8 and import again']);
		expect(existsSync(join(root, 'out'))).toBe(false);
	});

	test('writes "\\n" line endings for a guide with Windows line endings', async () => {
		await run(['crlf.md', '--out', root]);
		expect(readFileSync(join(root, 'questions/01-basics-more/001-init-py-file.md'), 'utf8')).not.toContain('\r');
	});

	test('answers an unknown option or a missing guide with the usage', async () => {
		expect(await run(['valid.md', '--force'])).toBe(2);
		expect(await run([])).toBe(2);
		expect(errors.at(-1)).toMatch(/^Usage: npm run import -- <guide\.md> \[--out content\] \[--dry-run\] \[--prune\]$/);
	});
});

describe('resolveInside', () => {
	test('returns the absolute path of a file inside the folder', () => {
		expect(resolveInside('/a/content', 'questions/x.md')).toBe('/a/content/questions/x.md');
	});

	test.each(['../escaped.md', 'questions/../../escaped.md', '/etc/passwd', '.', ''])('refuses %j', (path) => {
		expect(() => resolveInside('/a/content', path)).toThrow('outside the output folder /a/content');
	});
});

describe('plural', () => {
	test('says "1 page" and "2 pages"', () => {
		expect([plural(1, 'page'), plural(2, 'page'), plural(0, 'question')]).toEqual(['1 page', '2 pages', '0 questions']);
	});
});
