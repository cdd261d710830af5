import type { Link } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { editorNoteId } from '../../src/lib/editor-notes.ts';
import { findEditorNotes, parseAnswer } from '../../src/markdown/editor-notes.ts';
import { questionPath } from '../../src/lib/links.ts';
import { isSiteLink } from '../../src/markdown/remark-site-links.ts';
import { readContent } from '../helpers/content.ts';

describe('findEditorNotes', () => {
	test('finds each note with its id, title, line and source, and nothing else', () => {
		const body = [
			'- **Example**:',
			'  ```python',
			'  print(":::editor-note[not a note, inside code]")',
			'  ```',
			'',
			':::editor-note[Use `encoding=`]',
			'Text.',
			':::',
			'',
			':::editor-note[Second]',
			':::',
		].join('\n');
		expect(findEditorNotes(body)).toEqual([
			{ id: 'editors-note-1', title: 'Use encoding=', titleMarkdown: 'Use `encoding=`', line: 6, source: ':::editor-note[Use `encoding=`]\nText.\n:::' },
			{ id: 'editors-note-2', title: 'Second', titleMarkdown: 'Second', line: 10, source: ':::editor-note[Second]\n:::' },
		]);
		expect(editorNoteId(0)).toBe('editors-note-1');
	});
});

describe("the content's editor's notes", () => {
	const { questions } = readContent();
	const noted = questions.filter((q) => findEditorNotes(q.body).length > 0);

	test('are counted in each entry’s frontmatter, and every one has a title', () => {
		for (const question of questions) {
			const notes = findEditorNotes(question.body);
			expect(notes.length, question.file).toBe(question.editorNotes ?? 0);
			for (const note of notes) expect(note.title.length, `${question.file}:${note.line}`).toBeGreaterThan(5);
		}
		expect(noted.length).toBeGreaterThanOrEqual(30);
	});

	test('cover the known problems the review started from', () => {
		const titles = (number: number) => findEditorNotes(questions.find((q) => q.number === number)!.body).map((n) => n.title).join(' | ');
		expect(titles(30)).toMatch(/sentinel/);
		expect(titles(26)).toMatch(/patch_all\(\).*before/);
		expect(titles(70)).toMatch(/not encryption/);
		expect(titles(7)).toMatch(/without the GIL/);
		expect(titles(81)).toMatch(/Partitions are not optional/);
		for (const number of [62, 65, 76]) expect(titles(number), `question ${number}`).toMatch(/3\.9|supported Python/);
	});

	test('carry the second review’s notes and corrections (issue 17)', () => {
		const question = (number: number) => questions.find((q) => q.number === number)!;
		const titles = (number: number) => findEditorNotes(question(number).body).map((n) => n.title).join(' | ');
		const notes = (number: number) => findEditorNotes(question(number).body).map((n) => n.source).join('\n');
		// Added where the guide is wrong or dated.
		expect(titles(11)).toMatch(/functools\.wraps/);
		expect(titles(33)).toMatch(/pydantic-settings/);
		expect(titles(24)).toMatch(/free-threaded/);
		expect(titles(25)).toMatch(/free-threaded/);
		expect(titles(50)).toMatch(/OpenID Connect/);
		expect(titles(98)).toMatch(/OAuth is not authentication/);
		expect(titles(65)).toMatch(/does not make the code run faster/);
		// Corrected where the note misled.
		expect(notes(76)).not.toMatch(/rm -rf/);
		expect(notes(76)).toMatch(/FROM python:3\.15 AS build/);
		for (const number of [62, 76]) expect(notes(number), `question ${number}`).not.toMatch(/python:3\.1[0-4]/);
		expect(notes(55)).not.toMatch(/no other transaction ever sees/);
		expect(notes(55)).toMatch(/updates 0 rows/);
		expect(notes(51)).toMatch(/never true for `NULL`/);
		expect(notes(52)).toMatch(/not efficiently/);
		expect(notes(70)).not.toMatch(/API server stores it base64/);
		expect(notes(68)).toMatch(/ingressClassName: /);
		expect(notes(37)).toMatch(/if not name:/);
		expect(titles(93)).toMatch(/consumer group/);
		expect(notes(93)).toMatch(/KIP-932/);
		expect(question(82).body).not.toMatch(/one process/);
	});

	test('carry the third review’s notes and corrections (issue 35)', () => {
		const question = (number: number) => questions.find((q) => q.number === number)!;
		const titles = (number: number) => findEditorNotes(question(number).body).map((n) => n.title).join(' | ');
		const notes = (number: number) => findEditorNotes(question(number).body).map((n) => n.source).join('\n');
		// Added where the answer misses something that matters.
		expect(titles(67)).toMatch(/never moved/);
		expect(notes(67)).toMatch(/restartPolicy/);
		expect(titles(53)).toMatch(/does not make every query faster/);
		expect(titles(85)).toMatch(/not no side effects/);
		expect(notes(80)).toMatch(/jitter/);
		expect(titles(8)).toMatch(/__new__/);
		expect(titles(21)).toMatch(/coroutine function/);
		expect(titles(17)).toMatch(/profile/);
		// Corrected where the note was imprecise or dated.
		expect(notes(5)).toMatch(/PEP 686/);
		expect(notes(26)).toMatch(/from socket import socket/);
		expect(notes(29)).toMatch(/-W default/);
		expect(notes(38)).toMatch(/--worker-class asgi/);
		expect(notes(50)).toMatch(/"require": \["exp"/);
	});

	test('come after the guide’s text, never inside it', () => {
		for (const question of noted) {
			const first = findEditorNotes(question.body)[0]!;
			expect(question.body.trimEnd().endsWith(':::'), question.file).toBe(true);
			expect(question.body.slice(question.body.indexOf(first.source)).trim().startsWith(':::editor-note'), question.file).toBe(true);
		}
	});

	test('link to other questions, and their notes, that exist', () => {
		const notesAt = new Map(questions.map((q) => [questionPath(q), new Set(findEditorNotes(q.body).map((note) => note.id))]));
		const links: string[] = [];
		const broken: string[] = [];
		for (const question of questions) {
			visit(parseAnswer(question.body), 'link', (link: Link) => {
				if (!isSiteLink(link.url)) return;
				links.push(link.url);
				const [path, fragment] = link.url.split('#');
				const notes = notesAt.get(path!);
				if (!notes) broken.push(`${question.file}:${link.position?.start.line}: "${link.url}" is no question's page`);
				else if (fragment !== undefined && !notes.has(fragment)) broken.push(`${question.file}:${link.position?.start.line}: "${link.url}": that page has no note #${fragment}`);
			});
		}
		expect(broken).toEqual([]);
		// Questions 24, 25 and 98 point to the notes they build on (7, 24, 50).
		expect(links.length).toBeGreaterThanOrEqual(4);
	});
});
