// The content pipeline refuses broken content: each case below breaks one file of a minimal valid
// content set in its own way, builds it with the real Astro pipeline, and asserts that the build
// fails with a message naming the file and the field or line. Nothing is silently dropped: the
// valid set builds exactly the pages its files account for. Cases found at the same stage of the
// build share one build, each in a file of its own (buildTogether).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findBrokenLinks, readBuiltPages } from '../helpers/dist.ts';
import { buildProject, copyProject, projectRoot } from '../helpers/project.ts';

const fixture = join(projectRoot, 'tests/fixtures/content');
const FIRST = 'questions/01-basics/001-first.md';
const SECOND = 'questions/01-basics/002-second.md';
const copies: { remove(): void }[] = [];
afterAll(() => copies.forEach((copy) => copy.remove()));

/** Builds the fixture content after `change` edited it (path relative to content/ -> new text). */
async function buildWith(change: (read: (path: string) => string) => Record<string, string>) {
	const copy = copyProject(fixture);
	copies.push(copy);
	const content = join(copy.root, 'content');
	const read = (path: string) => readFileSync(join(content, path), 'utf8');
	for (const [path, text] of Object.entries(change(read))) writeFileSync(join(content, path), text);
	return { ...(await buildProject(copy.root)), root: copy.root };
}

const edit = (path: string, from: string | RegExp, to: string) => (read: (path: string) => string) => {
	const before = read(path);
	const after = before.replace(from, to);
	if (after === before) throw new Error(`the case did not change ${path}`);
	return { [path]: after };
};

// The valid set, with one answer linking to a page that does not exist: a link is not content the
// build refuses (the built site's link check finds it), so one build serves both tests below.
let validBuilt: ReturnType<typeof buildWith> | undefined;
const validBuild = () =>
	(validBuilt ??= buildWith(edit(SECOND, 'The second answer.', 'The second answer; see [the third](/basics/third-question/).')));

describe('a valid content set', () => {
	test('builds, with one page per question, short link and section, and the fixed pages', async () => {
		const { code, output, root } = await validBuild();
		expect(code, output).toBe(0);
		const pages = readBuiltPages(join(root, 'dist'));
		const questions = readdirSync(join(fixture, 'questions'), { recursive: true }).filter((f) => String(f).endsWith('.md'));
		// 2 questions x (page + /q/N/) + 1 section x (page + study page) + home, /about/, /questions/,
		// /study/, /mock/, /print/, /additions/, 404.
		expect(pages.map((page) => page.path).sort()).toEqual([
			'/',
			'/404.html',
			'/about/',
			'/additions/',
			'/basics/',
			'/basics/first-question/',
			'/basics/second-question/',
			'/mock/',
			'/print/',
			'/q/1/',
			'/q/2/',
			'/questions/',
			'/study/',
			'/study/basics/',
		]);
		expect(pages.length).toBe(questions.length * 2 + 1 * 2 + 8);
		// Its questions have no key points: the mock interview says it has nothing to ask.
		expect(readFileSync(join(root, 'dist/mock/index.html'), 'utf8')).toContain('No question has key points yet');
	});
});

type Case = [name: string, change: Parameters<typeof buildWith>[0], expected: (string | RegExp)[]];

// Faults that stop the build at the first: the YAML parser's, the sections list's (a collection of
// its own) and a preview image's. Each is a build of its own.
const ALONE: Case[] = [
	['malformed YAML', edit(FIRST, 'title: What is the first question?', 'title: [What is'), ['001-first.md', /YAML|yaml/]],
	['a section range that ends before it starts', edit('sections.yaml', 'last: 2', 'last: 0'), ['sections.yaml', 'last']],
	// Drawn in a worker thread of the image pool: its error still names the file, and the build ends.
	['a title the preview image cannot draw', edit(FIRST, 'title: What is the first question?', 'title: What is the first question (第一)?'), ['001-first.md', "the preview image's font (Inter, Latin) cannot draw"]],
];

// The other faults are found in three stages, and each stage reports every file at fault before the
// build stops: so each stage is one build, each case in a question file of its own (a copy of the file
// it edits, renumbered), and the build must name each file with what is wrong in it.
// The schema, as content syncs (src/data/rendered-glob.ts):
const SCHEMA: Case[] = [
	['a missing field', edit(FIRST, /^slug: .*\n/m, ''), ['001-first.md', 'slug']],
	['a wrong type', edit(FIRST, 'number: 1', 'number: one'), ['001-first.md', 'number']],
	['an unknown key', edit(FIRST, 'origin: guide', 'origin: guide\ndraft: true'), ['001-first.md', 'draft']],
	['a title too long', edit(FIRST, 'title: What is the first question?', `title: ${'Why '.repeat(30)}?`), ['001-first.md', 'title']],
	['a non-ASCII slug', edit(FIRST, 'slug: first-question', 'slug: première-question'), ['001-first.md', 'slug']],
];

// The rules between files, once content has synced (src/lib/guide.ts):
const GUIDE: Case[] = [
	['a duplicate number', edit(SECOND, 'number: 2', 'number: 1'), ['001-first.md', '002-second.md', 'number: question 1 appears in more than one file']],
	['a duplicate slug', edit(SECOND, 'slug: second-question', 'slug: first-question'), ['001-first.md', '002-second.md', 'slug: "first-question"']],
	// Astro's reference() names the entry (its id is the file's path) and the field.
	['an unknown section', edit(SECOND, 'section: basics', 'section: advanced'), ['01-basics/002-second', 'field: section', '"advanced"']],
	['a number outside its section', edit(SECOND, 'number: 2', 'number: 99'), ['002-second.md', /number: question 99 is outside section 1's range 1–\d+/]],
	['an empty body', edit(SECOND, /---\n\n[\s\S]*$/, '---\n'), ['002-second.md', 'body: the answer is empty']],
	['an editor\'s note the frontmatter does not count', edit(SECOND, /$/, '\n:::editor-note[A note]\nText.\n:::\n'), ['002-second.md', "editorNotes: is left out, but the answer has 1 editor's note(s)"]],
];

// The answers' Markdown, as each renders:
const RENDER: Case[] = [
	['an unknown code language', edit(FIRST, '```python', '```pyhton'), ['001-first.md:12', 'unknown code language "pyhton"']],
	// Runnable examples: an output that was never recorded, and a fence attribute that is not a reason.
	['an example edited since its output was recorded', edit(FIRST, 'print("first")', 'print("changed")'), ['001-first.md:12', 'Python example 1', 'changed since its output was recorded', 'npm run examples:record']],
	['a new example with no recorded output', edit(FIRST, /$/, '\n```sql\nSELECT 1;\n```\n'), ['001-first.md', 'SQL example 2', 'no recorded output']],
	['a norun= reason that does not exist', edit(FIRST, '```python', '```python norun=slow'), ['001-first.md:12', 'norun="slow" is not a reason']],
	['a raw <script>', edit(SECOND, '  - The second answer.', '  - The second answer.\n\n<script>alert(1)</script>'), ['002-second.md:12', 'raw HTML <script> is not allowed']],
	['an unterminated tag with a handler', edit(SECOND, '  - The second answer.', '  - The second answer.\n\n<details open ontoggle=alert(1)'), ['002-second.md:12', 'raw HTML <details> is not allowed']],
	['an unterminated <body> with a handler', edit(SECOND, '  - The second answer.', '  - The second answer.\n\n<body onload=alert(1)'), ['002-second.md:12', 'raw HTML <body> is not allowed']],
	['an image from another site', edit(SECOND, 'The second answer.', 'The second answer ![chart](https://example.com/chart.png).'), ['002-second.md:10', 'the image "https://example.com/chart.png" is on another site']],
	['a javascript: link', edit(SECOND, 'The second answer.', '[The second answer](javascript:alert(1)).'), ['002-second.md:10', 'javascript:alert(1)']],
	[
		'an editor\'s note without a title',
		(read) => ({ [SECOND]: `${read(SECOND).replace('origin: guide', 'origin: guide\neditorNotes: 1')}\n:::editor-note\nText.\n:::\n` }),
		['002-second.md:13', "an editor's note needs a title"],
	],
	['an unknown directive', edit(SECOND, 'The second answer.', 'The second answer, at host:port.'), ['002-second.md:10', 'unknown directive ":port"']],
];

/** Astro prints some messages with quotes escaped. */
const unescaped = (output: string) => output.replace(/\\"/g, '"');
const pattern = (part: string | RegExp) => (typeof part === 'string' ? new RegExp(part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : part);

/** The lines of `fields` a case's edit left as they were, given the number its own file takes. */
function renumbered(edited: string, original: string, number: number): string {
	let text = edited;
	for (const [field, value] of [['number', number], ['slug', `case-${number}`], ['title', `Case ${number}?`]] as const) {
		const line = new RegExp(`^${field}: .*$`, 'm').exec(original)![0];
		// A field the case changed is what the case is about: it stays as the case wrote it.
		if (text.split('\n').includes(line)) text = text.replace(line, `${field}: ${value}`);
	}
	return text;
}

/**
 * Builds every case at once, each in a question file of its own, and checks that the build fails
 * naming each file with what the case expects (the file it edited stands for its own file). The case
 * whose point is the first question's own recorded output keeps that file.
 */
async function buildTogether(cases: Case[]) {
	const records = JSON.parse(readFileSync(join(fixture, 'example-outputs.json'), 'utf8')) as Record<string, unknown>;
	const files = cases.map(([name, change, expected], index) => {
		const original = (path: string) => readFileSync(join(fixture, path), 'utf8');
		const [[path, text]] = Object.entries(change(original)) as [[string, string]];
		const number = 3 + index;
		const keepsItsFile = name === 'an example edited since its output was recorded';
		const file = keepsItsFile ? path : `questions/01-basics/${String(number).padStart(3, '0')}-case.md`;
		const stem = file.replace(/^questions\/|\.md$/g, '');
		// A copy of the first question keeps its example's record, as the first question has it.
		if (!keepsItsFile && records[`${path}#1`]) records[`${file}#1`] = records[`${path}#1`];
		const editedStem = path.replace(/^questions\/|\.md$/g, '');
		const own = (part: string | RegExp) => (typeof part === 'string' ? part.replace(editedStem.split('/').pop()!, stem.split('/').pop()!) : part);
		return { name, file, stem, text: keepsItsFile ? text : renumbered(text, original(path), number), expected: expected.map(own) };
	});
	const { code, output: raw } = await buildWith((read) => ({
		...Object.fromEntries(files.map(({ file, text }) => [file, text])),
		'sections.yaml': read('sections.yaml').replace('last: 2', `last: ${2 + files.length}`),
		'example-outputs.json': `${JSON.stringify(records, null, '\t')}\n`,
	}));
	expect(code, raw).not.toBe(0);
	const output = unescaped(raw);
	for (const { name, stem, expected } of files) {
		// What the build says of this case's file: the lines that name it.
		const said = output.split('\n').filter((line) => line.includes(stem)).join('\n');
		for (const part of expected) expect(said, `${name}:\n${said}`).toMatch(pattern(part));
	}
	return output;
}

describe.concurrent('broken content fails the build, naming the file and the field or line', () => {
	test.each(ALONE)('%s', async (_, change, expected) => {
		const { code, output: raw } = await buildWith(change);
		expect(code, raw).not.toBe(0);
		const output = unescaped(raw);
		for (const part of expected) expect(output).toMatch(pattern(part));
	});

	test(`frontmatter the schema refuses in ${SCHEMA.length} files fails one build, naming each file and field`, async () => {
		const output = await buildTogether(SCHEMA);
		expect(output).toContain(`${SCHEMA.length} file(s) the site cannot show`);
	});

	test(`${GUIDE.length} files that break the rules between files fail one build, naming each file`, async () => {
		await buildTogether(GUIDE);
	});

	test(`broken Markdown in ${RENDER.length} files fails one build, naming each file and its line`, async () => {
		const output = await buildTogether(RENDER);
		expect(output).toContain(`${RENDER.length} file(s) the site cannot show`);
	});
});

describe('a Markdown link to a missing page', () => {
	test('is found in the build and reported with its content file', async () => {
		const { code, output, root } = await validBuild();
		expect(code, output).toBe(0);
		const { broken } = findBrokenLinks(readBuiltPages(join(root, 'dist')), join(root, 'dist'));
		// On the question's page, and on the study and print pages that carry its answer too.
		expect(broken).toEqual(
			['/basics/second-question/', '/print/', '/study/basics/', '/study/'].map((page) => ({
				page,
				link: '/basics/third-question/',
				why: 'no such page or file',
			})),
		);
	});
});
