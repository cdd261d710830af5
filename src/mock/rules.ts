// The pure rules of a mock interview: which questions it draws (across sections, with two of a kind
// that candidates confuse), how a reader's self-check maps to an FSRS grade, and the countdown's
// text. The page's behaviour is mock-interview.ts; the markup MockInterview.astro.
import { shuffle } from '../study/queue.ts';
import type { Grade } from '../study/record.ts';

/** A question a mock interview can ask: it has key points to check an answer against. */
export interface MockCandidate {
	slug: string;
	section: string;
}

/** Questions candidates confuse (content/confusable.yaml). */
export interface ConfusableGroup {
	topic: string;
	questions: readonly string[];
}

export interface Draw {
	/** The questions, in the order asked. */
	slugs: string[];
	/** The topics two of its questions were drawn from, so that they are told apart under time. */
	interleaved: string[];
}

/** How many pairs of confusable questions an interview of `count` questions holds. */
const pairsFor = (count: number) => (count >= 8 ? 2 : count >= 4 ? 1 : 0);

/**
 * The questions of an interview of `count` from `candidates`, fixed by `seed`: a pair of questions
 * candidates confuse (two pairs from ten questions), each pair a question apart, and the rest taken
 * one section at a time so that the interview spreads over as many sections as the scope has; no
 * two questions in a row from one section where the scope allows.
 */
export function drawInterview(candidates: readonly MockCandidate[], count: number, seed: number, groups: readonly ConfusableGroup[]): Draw {
	const pool = shuffle(candidates, seed);
	const size = Math.min(count, pool.length);
	const sectionOf = new Map(pool.map((c) => [c.slug, c.section]));
	const rank = new Map(pool.map((c, i) => [c.slug, i]));

	// The pairs: groups with two questions in scope, in an order fixed by the seed.
	const pairs: [string, string][] = [];
	const topics: string[] = [];
	const taken = new Set<string>();
	for (const group of shuffle(groups, seed ^ 0x5bd1e995)) {
		if (pairs.length >= pairsFor(size)) break;
		const inScope = group.questions.filter((slug) => rank.has(slug) && !taken.has(slug)).sort((a, b) => rank.get(a)! - rank.get(b)!);
		if (inScope.length < 2) continue;
		const pair: [string, string] = [inScope[0]!, inScope[1]!];
		pairs.push(pair);
		topics.push(group.topic);
		for (const slug of pair) taken.add(slug);
	}

	// The rest: one question from each section in turn (sections in the order the shuffle met them).
	const bySection = new Map<string, string[]>();
	for (const { slug, section } of pool) {
		if (taken.has(slug)) continue;
		bySection.set(section, [...(bySection.get(section) ?? []), slug]);
	}
	const rest: string[] = [];
	const sectionsTaken = new Map<string, number>();
	for (const slug of taken) sectionsTaken.set(sectionOf.get(slug)!, (sectionsTaken.get(sectionOf.get(slug)!) ?? 0) + 1);
	// Sections the pairs did not reach come first, so that the interview spans as many as it can.
	const order = [...bySection.keys()].sort((a, b) => (sectionsTaken.get(a) ?? 0) - (sectionsTaken.get(b) ?? 0));
	while (rest.length + taken.size < size) {
		let added = false;
		for (const section of order) {
			const next = bySection.get(section)!.shift();
			if (next === undefined) continue;
			rest.push(next);
			added = true;
			if (rest.length + taken.size >= size) break;
		}
		if (!added) break;
	}

	// Places: each pair's first question, then one other, then its second.
	const slots: (string | undefined)[] = new Array(size).fill(undefined);
	pairs.forEach(([first, second], i) => {
		const at = i === 0 ? 0 : Math.min(size - 3, Math.max(3, Math.floor(size / 2)));
		slots[at] = first;
		slots[at + 2] = second;
	});
	// The others fill the free places, each from another section than the one before where possible.
	const others = [...rest];
	for (let i = 0; i < size; i++) {
		if (slots[i] !== undefined) continue;
		const before = i > 0 ? sectionOf.get(slots[i - 1]!) : undefined;
		const after = slots[i + 1] !== undefined ? sectionOf.get(slots[i + 1]!) : undefined;
		const pick = others.findIndex((slug) => sectionOf.get(slug) !== before && sectionOf.get(slug) !== after);
		slots[i] = others.splice(pick === -1 ? 0 : pick, 1)[0];
	}
	return { slugs: slots as string[], interleaved: topics };
}

/** How sure the reader was of an answer, asked after they tick its key points. */
export type Confidence = 'sure' | 'unsure';

export interface SelfCheck {
	/** Key points the reader says their answer made. */
	covered: number;
	/** Key points the question has. */
	total: number;
	confidence: Confidence;
}

export interface MockGrade {
	grade: Grade;
	/** Sure of an answer that made under half of the key points: the misses worth most attention. */
	confidentMiss: boolean;
}

/**
 * The FSRS grade of a self-checked answer (docs/study.md has the table):
 *
 * | Key points made            | Sure  | Unsure |
 * |----------------------------|-------|--------|
 * | all                        | Easy  | Good   |
 * | three quarters or more     | Good  | Hard   |
 * | half or more               | Hard  | Hard   |
 * | under half                 | Again (a confident miss) | Again |
 */
export function gradeOf({ covered, total, confidence }: SelfCheck): MockGrade {
	if (!Number.isInteger(covered) || !Number.isInteger(total) || total < 1 || covered < 0 || covered > total) {
		throw new RangeError(`a self-check needs 0 to ${total} key points of ${total} (at least one), not ${covered}`);
	}
	const sure = confidence === 'sure';
	const share = covered / total;
	if (share === 1) return { grade: sure ? 'easy' : 'good', confidentMiss: false };
	if (share >= 0.75) return { grade: sure ? 'good' : 'hard', confidentMiss: false };
	if (share >= 0.5) return { grade: 'hard', confidentMiss: false };
	return { grade: 'again', confidentMiss: sure };
}

/** The countdown's text: "2:05" for what is left, "0:00" once it has run out. */
export function clockText(milliseconds: number): string {
	const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
