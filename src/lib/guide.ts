/** A section as the pages need it. */
export interface SectionInfo {
	id: string;
	number: number;
	title: string;
	description: string;
}

/** A question as the pages need it, without its rendered answer. */
export interface QuestionInfo {
	/** The file the question comes from, relative to the project, for error messages. */
	file: string;
	number: number;
	/** Inline Markdown. */
	title: string;
	slug: string;
	/** Section id. */
	section: string;
	origin: 'guide' | 'site';
	/** The answer's Markdown source. */
	body: string;
}

/** What a complete guide looks like. */
export interface GuideShape {
	sections: number;
	questionsPerSection: number;
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
	const sorted = sortByNumber(questions);
	return sortByNumber(sections).map((section) => ({
		section,
		questions: sorted.filter((question) => question.section === section.id),
	}));
}

/** The items before and after `index`, where they exist. */
export function getNeighbours<T>(items: readonly T[], index: number): { previous: T | undefined; next: T | undefined } {
	return { previous: items[index - 1], next: items[index + 1] };
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
 * Checks the rules that span entries: numbers 1..N each exactly once, the right number of
 * questions per section in one run of numbers, unique slugs, sections that exist, no empty answer.
 * Returns one message per problem, each naming the offending files.
 */
export function checkGuide(
	sections: readonly SectionInfo[],
	questions: readonly QuestionInfo[],
	shape: GuideShape,
): string[] {
	const problems: string[] = [];
	const total = shape.sections * shape.questionsPerSection;

	if (sections.length !== shape.sections) {
		problems.push(`content/sections.yaml: expected ${shape.sections} sections, found ${sections.length}`);
	}
	for (const [number, group] of findShared(sections, (s) => s.number)) {
		problems.push(`content/sections.yaml: sections ${group.map((s) => s.id).join(' and ')} share number ${number}`);
	}

	const sectionIds = new Set(sections.map((section) => section.id));
	for (const question of questions) {
		if (!sectionIds.has(question.section)) {
			problems.push(`${question.file}: section: "${question.section}" is not a section in content/sections.yaml`);
		}
		if (question.body.trim() === '') problems.push(`${question.file}: body: the answer is empty`);
	}

	for (const [number, group] of findShared(questions, (q) => q.number)) {
		problems.push(`number: question ${number} appears in more than one file: ${listFiles(group.map((q) => q.file))}`);
	}
	for (const [slug, group] of findShared(questions, (q) => q.slug)) {
		problems.push(`slug: "${slug}" is used by more than one file: ${listFiles(group.map((q) => q.file))}`);
	}
	const present = new Set(questions.map((question) => question.number));
	const missing = Array.from({ length: total }, (_, i) => i + 1).filter((n) => !present.has(n));
	if (missing.length > 0) problems.push(`number: no file holds question ${missing.join(', ')}`);

	for (const { section, questions: members } of groupBySection(sections, questions)) {
		const first = (section.number - 1) * shape.questionsPerSection + 1;
		const last = first + shape.questionsPerSection - 1;
		const strays = members.filter((q) => q.number < first || q.number > last);
		for (const stray of strays) {
			problems.push(`${stray.file}: number: question ${stray.number} is not in section ${section.number}'s range ${first}–${last}`);
		}
		if (members.length !== shape.questionsPerSection && strays.length === 0) {
			problems.push(
				`section: section "${section.id}" has ${members.length} questions, expected ${shape.questionsPerSection}`,
			);
		}
	}
	return problems;
}
