import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { planContent, type ExistingContent } from '../../src/import/content-files.ts';
import { parseGuide } from '../../src/import/parse-guide.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/guides/${name}`, import.meta.url), 'utf8');
const guide = parseGuide(fixture('valid.md'));
const empty: ExistingContent = { questions: [], sectionDescriptions: new Map() };

describe('planContent', () => {
	test('writes sections.yaml, one file per question in its section folder, and the pages', () => {
		expect([...planContent(guide, empty).write.keys()]).toEqual([
			'sections.yaml',
			'questions/01-basics-more/001-init-py-file.md',
			'questions/01-basics-more/002-read-file.md',
			'questions/02-second-part/003-pod.md',
			'pages/how-to-use-these-explanations.md',
		]);
	});

	test('writes a question file as frontmatter and the guide’s answer', () => {
		const file = planContent(guide, empty).write.get('questions/01-basics-more/002-read-file.md');
		expect(file).toMatchInlineSnapshot(`
			"---
			number: 2
			title: How do you read a file?
			slug: read-file
			section: basics-more
			origin: guide
			---

			- **In-depth Explanation**:
			  - Use \`open()\`.
			"
		`);
	});

	test('returns identical files when run twice', () => {
		expect(planContent(guide, empty)).toEqual(planContent(guide, empty));
	});

	test('keeps the slug of a question already imported, so its URL never changes', () => {
		const existing: ExistingContent = {
			questions: [{ path: 'questions/01-basics-more/002-reading.md', number: 2, slug: 'reading', origin: 'guide' }],
			sectionDescriptions: new Map(),
		};
		const plan = planContent(guide, existing);
		expect(plan.write.has('questions/01-basics-more/002-reading.md')).toBe(true);
		expect(plan.remove).toEqual([]);
	});

	test('keeps the editor’s notes of a question already imported, after the guide’s answer, counted', () => {
		const note = ':::editor-note[Name the encoding]\nPass `encoding=`.\n:::';
		const existing: ExistingContent = {
			questions: [{ path: 'questions/01-basics-more/002-read-file.md', number: 2, slug: 'read-file', origin: 'guide', editorNotes: [note] }],
			sectionDescriptions: new Map(),
		};
		const file = planContent(guide, existing).write.get('questions/01-basics-more/002-read-file.md')!;
		expect(file).toContain('origin: guide\neditorNotes: 1\n---');
		expect(file.endsWith(`  - Use \`open()\`.\n\n${note}\n`)).toBe(true);
	});

	test('keeps the key points of a question already imported, in its frontmatter, and its file when the guide drops it', () => {
		const keyPoints = ['Name the encoding: `open(path, encoding="utf-8")`', 'Read line by line with `for line in f`', 'A `with` block closes the file'];
		const kept: ExistingContent = {
			questions: [{ path: 'questions/01-basics-more/002-read-file.md', number: 2, slug: 'read-file', origin: 'guide', keyPoints }],
			sectionDescriptions: new Map(),
		};
		const file = planContent(guide, kept).write.get('questions/01-basics-more/002-read-file.md')!;
		expect(parse(file.split('---\n')[1]!)).toEqual({ number: 2, title: 'How do you read a file?', slug: 'read-file', section: 'basics-more', origin: 'guide', keyPoints });
		const dropped: ExistingContent = {
			questions: [{ path: 'questions/01-basics-more/009-gone.md', number: 9, slug: 'gone', origin: 'guide', keyPoints }],
			sectionDescriptions: new Map(),
		};
		expect(planContent(guide, dropped).keep).toEqual([
			{ path: 'questions/01-basics-more/009-gone.md', reason: 'holds key points, and the guide no longer has question 9' },
		]);
		expect(planContent(guide, dropped, { prune: true }).remove).toEqual(['questions/01-basics-more/009-gone.md']);
	});

	test('refuses a title with no letters or digits in ASCII, naming its line', () => {
		const punctuation = parseGuide(fixture('punctuation-title.md'), 'fixtures/punctuation-title.md');
		expect(() => planContent(punctuation, empty)).toThrow("fixtures/punctuation-title.md:3: question 1's title has no letters or digits to give it a slug");
	});

	test('refuses two questions whose titles give the same slug, naming both lines', () => {
		const twins = parseGuide(fixture('duplicate-slug.md'), 'fixtures/duplicate-slug.md');
		expect(() => planContent(twins, empty)).toThrow('fixtures/duplicate-slug.md:8: question 2\'s slug "gil" is already question 1 (line 3)\'s: reword one of the titles');
	});

	test('refuses existing files that share a slug, naming both', () => {
		const existing: ExistingContent = {
			questions: [
				{ path: 'questions/01-basics-more/001-a.md', number: 1, slug: 'same', origin: 'guide' },
				{ path: 'questions/01-basics-more/002-b.md', number: 2, slug: 'same', origin: 'guide' },
			],
			sectionDescriptions: new Map(),
		};
		expect(() => planContent(guide, existing)).toThrow('questions/01-basics-more/002-b.md: slug "same" is already the slug of questions/01-basics-more/001-a.md');
	});

	test('keeps, and lists, files whose editor’s notes or site entry the new guide would drop, unless pruning', () => {
		const existing: ExistingContent = {
			questions: [
				{ path: 'questions/02-second-part/004-noted.md', number: 4, slug: 'noted', origin: 'guide', editorNotes: [':::editor-note[A]\nB\n:::'] },
				{ path: 'questions/03-gone/005-added.md', number: 5, slug: 'added', origin: 'site', section: 'gone' },
				{ path: 'questions/02-second-part/004-plain.md', number: 40, slug: 'plain', origin: 'guide' },
			],
			sectionDescriptions: new Map(),
		};
		const plan = planContent(guide, existing);
		expect(plan.remove).toEqual(['questions/02-second-part/004-plain.md']);
		expect(plan.keep).toEqual([
			{ path: 'questions/02-second-part/004-noted.md', reason: 'holds 1 editor’s note, and the guide no longer has question 4' },
			{ path: 'questions/03-gone/005-added.md', reason: 'added by the site, and the guide no longer has its section "gone"' },
		]);
		const pruned = planContent(guide, existing, { prune: true });
		expect(pruned.remove).toEqual(['questions/02-second-part/004-noted.md', 'questions/03-gone/005-added.md', 'questions/02-second-part/004-plain.md']);
		expect(pruned.keep).toEqual([]);
	});

	test('moves a question’s notes with it when its file moves, removing the old file', () => {
		const note = ':::editor-note[A]\nB\n:::';
		const existing: ExistingContent = {
			questions: [{ path: 'questions/09-old/002-read-file.md', number: 2, slug: 'read-file', origin: 'guide', editorNotes: [note] }],
			sectionDescriptions: new Map(),
		};
		const plan = planContent(guide, existing);
		expect(plan.remove).toEqual(['questions/09-old/002-read-file.md']);
		expect(plan.write.get('questions/01-basics-more/002-read-file.md')).toContain(note);
	});

	test('removes guide entries the guide no longer has, and leaves entries the site added', () => {
		const existing: ExistingContent = {
			questions: [
				{ path: 'questions/02-second-part/004-gone.md', number: 4, slug: 'gone', origin: 'guide' },
				{ path: 'questions/02-second-part/004-added.md', number: 4, slug: 'added', origin: 'site' },
			],
			sectionDescriptions: new Map(),
		};
		const plan = planContent(guide, existing);
		expect(plan.remove).toEqual(['questions/02-second-part/004-gone.md']);
		expect([...plan.write.keys()].some((path) => path.includes('added'))).toBe(false);
	});

	test('refuses to overwrite an entry the site added when the guide now has that number', () => {
		const existing: ExistingContent = {
			questions: [{ path: 'questions/01-basics-more/002-mine.md', number: 2, slug: 'mine', origin: 'site' }],
			sectionDescriptions: new Map(),
		};
		expect(() => planContent(guide, existing)).toThrow('questions/01-basics-more/002-mine.md');
	});

	test('keeps section descriptions the site wrote, and describes new sections by their range', () => {
		const existing: ExistingContent = { questions: [], sectionDescriptions: new Map([['basics-more', 'The basics.']]) };
		const yaml = planContent(guide, existing).write.get('sections.yaml');
		expect(yaml).toContain('description: The basics.');
		expect(yaml).toContain('description: Questions 3–4 of the guide.');
	});
});
