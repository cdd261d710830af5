import type { AnswerFacts } from './answer-facts.ts';
import type { QuestionData, SectionData } from './schema.ts';

/** A section as the pages need it: its entry in content/sections.yaml. */
export type SectionInfo = SectionData;

/** A question as the pages need it, without its rendered answer: its frontmatter (section as an id), file and Markdown. */
export interface QuestionInfo extends QuestionData {
	/** The file the question comes from, relative to the project, for error messages. */
	file: string;
	/** The answer's Markdown source. */
	body: string;
	/** What rendering found in the answer. */
	facts: AnswerFacts;
}

/** A section with its questions in reading order. */
export interface SectionGroup<Q extends QuestionInfo = QuestionInfo> {
	section: SectionInfo;
	questions: Q[];
}

/** Sorts by the guide's number, without changing the input. */
export function sortByNumber<T extends { number: number }>(items: readonly T[]): T[] {
	return [...items].sort((a, b) => a.number - b.number);
}

/** Groups questions under their sections, both in guide order. */
export function groupBySection<Q extends QuestionInfo>(
	sections: readonly SectionInfo[],
	questions: readonly Q[],
): SectionGroup<Q>[] {
	// One pass over the questions, not one per section: at 10,000 questions (1,000 sections) a filter
	// per section made this the build's one cost that grew with the square of the guide.
	const bySection = new Map<string, Q[]>(sections.map((section) => [section.id, []]));
	for (const question of sortByNumber(questions)) bySection.get(question.section)?.push(question);
	return sortByNumber(sections).map((section) => ({ section, questions: bySection.get(section.id)! }));
}

/** The items before and after `index`, where they exist. */
export function getNeighbours<T>(items: readonly T[], index: number): { previous: T | undefined; next: T | undefined } {
	return { previous: items[index - 1], next: items[index + 1] };
}

/** A slice of a list around one item, with how many items it leaves out on each side. */
export interface ListWindow<T> {
	shown: T[];
	hiddenBefore: number;
	hiddenAfter: number;
}

/**
 * The items within `radius` of `index` (all of them for a short list). Per-page navigation uses it
 * so that a page's size, and with it the build, does not grow with the size of the guide.
 */
export function windowAround<T>(items: readonly T[], index: number, radius: number): ListWindow<T> {
	const start = Math.max(0, Math.min(index - radius, items.length - (2 * radius + 1)));
	const end = Math.min(items.length, start + 2 * radius + 1);
	return { shown: items.slice(start, end), hiddenBefore: start, hiddenAfter: items.length - end };
}

/** The first and last question numbers of a group, as "1–10". */
export function formatRange(questions: readonly { number: number }[]): string {
	const numbers = questions.map((question) => question.number);
	if (numbers.length === 0) return '';
	const [low, high] = [Math.min(...numbers), Math.max(...numbers)];
	return low === high ? `${low}` : `${low}–${high}`;
}

/** Lists "a.md and b.md" style, for messages. */
const listFiles = (files: string[]) => files.join(', ');

/** Groups items by a key, keeping only keys that more than one item shares. */
function findShared<T>(items: readonly T[], key: (item: T) => string | number): Map<string | number, T[]> {
	const byKey = new Map<string | number, T[]>();
	for (const item of items) byKey.set(key(item), [...(byKey.get(key(item)) ?? []), item]);
	return new Map([...byKey].filter(([, group]) => group.length > 1));
}

/**
 * Checks the rules that span entries: sections numbered 1, 2, 3… whose question ranges follow each
 * other from 1 without gaps; every number of a section's range held by exactly one file of that
 * section; unique slugs; sections that exist; no empty answer. Returns one message per problem,
 * each naming the offending files and the field.
 */
export function checkGuide(sections: readonly SectionInfo[], questions: readonly QuestionInfo[]): string[] {
	const problems: string[] = [];
	const ordered = sortByNumber(sections);
	for (const [number, group] of findShared(sections, (s) => s.number)) {
		problems.push(`content/sections.yaml: number: sections ${group.map((s) => s.id).join(' and ')} share number ${number}`);
	}
	ordered.forEach((section, index) => {
		if (section.number !== index + 1) {
			problems.push(`content/sections.yaml: number: section "${section.id}" is number ${section.number}, expected ${index + 1}`);
		}
		const expectedFirst = index === 0 ? 1 : ordered[index - 1]!.last + 1;
		if (section.first !== expectedFirst) {
			problems.push(`content/sections.yaml: first: section "${section.id}" starts at question ${section.first}, expected ${expectedFirst}`);
		}
	});

	const byId = new Map(sections.map((section) => [section.id, section]));
	for (const question of questions) {
		const section = byId.get(question.section);
		if (!section) {
			problems.push(`${question.file}: section: "${question.section}" is not a section in content/sections.yaml`);
		} else if (question.number < section.first || question.number > section.last) {
			problems.push(
				`${question.file}: number: question ${question.number} is outside section ${section.number}'s range ${section.first}–${section.last}`,
			);
		}
		if (question.body.trim() === '') problems.push(`${question.file}: body: the answer is empty`);
		const notes = question.facts.editorNotes;
		if (notes !== (question.editorNotes ?? 0)) {
			problems.push(
				`${question.file}: editorNotes: ${question.editorNotes === undefined ? 'is left out' : `says ${question.editorNotes}`}, but the answer has ${notes} editor's note(s)`,
			);
		}
	}

	for (const [number, group] of findShared(questions, (q) => q.number)) {
		problems.push(`number: question ${number} appears in more than one file: ${listFiles(group.map((q) => q.file))}`);
	}
	for (const [slug, group] of findShared(questions, (q) => q.slug)) {
		problems.push(`slug: "${slug}" is used by more than one file: ${listFiles(group.map((q) => q.file))}`);
	}
	const numbersBySection = new Map<string, Set<number>>(sections.map((section) => [section.id, new Set()]));
	for (const question of questions) numbersBySection.get(question.section)?.add(question.number);
	for (const section of ordered) {
		const held = numbersBySection.get(section.id)!;
		const missing: number[] = [];
		for (let n = section.first; n <= section.last; n++) if (!held.has(n)) missing.push(n);
		if (missing.length > 0) {
			problems.push(`number: section "${section.id}" (${section.first}–${section.last}) has no file for question ${missing.join(', ')}`);
		}
	}
	return problems;
}
