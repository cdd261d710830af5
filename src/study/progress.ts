// What a reader does to their progress, as pure functions: grade, reset, read a file, export, merge.
import { readV1 } from './migrate.ts';
import {
	describeIssue,
	emptyProgress,
	exportSchema,
	PROGRESS_KEY,
	progressSchema,
	SCHEMA_PATH,
	VERSION,
	type Grade,
	type Progress,
	type Review,
} from './record.ts';
import { schedule } from './schedule.ts';

/** Progress with `slug` graded `grade` at `at`: its FSRS state moved on and the grade logged. */
export function applyGrade(progress: Progress, slug: string, grade: Grade, at: Date): Progress {
	return {
		...progress,
		cards: { ...progress.cards, [slug]: schedule(progress.cards[slug], grade, at) },
		log: [...progress.log, { slug, grade, at: at.toISOString() }],
	};
}

/** Progress without the given questions' state and history (a section reset), or without any. */
export function resetProgress(progress: Progress, slugs?: readonly string[]): Progress {
	if (!slugs) return emptyProgress();
	const gone = new Set(slugs);
	const cards = Object.fromEntries(Object.entries(progress.cards).filter(([slug]) => !gone.has(slug)));
	return { ...progress, cards, log: progress.log.filter((review) => !gone.has(review.slug)) };
}

/** What a reset of `slugs` would forget: how many questions have a schedule, how many grades. */
export function resetCost(progress: Progress, slugs: readonly string[]): { questions: number; grades: number } {
	const set = new Set(slugs);
	return {
		questions: slugs.filter((slug) => progress.cards[slug]).length,
		grades: progress.log.filter((review) => set.has(review.slug)).length,
	};
}

/** The export file: progress plus what it is and where its JSON Schema is. */
export function exportProgress(progress: Progress, at: Date, siteUrl?: string): string {
	const file = {
		...(siteUrl ? { $schema: new URL(SCHEMA_PATH, siteUrl).href } : {}),
		kind: PROGRESS_KEY,
		exported: at.toISOString(),
		...progress,
	};
	return `${JSON.stringify(file, null, 1)}\n`;
}

export type FileResult = { progress: Progress; migrated: boolean } | { error: string; newer?: boolean };

/**
 * Reads an exported file (or a stored value) as a whole: version 2 is validated against the
 * schema, version 1 is validated and migrated, a newer version is refused with a message that says
 * so; anything malformed or foreign is refused with the field that is wrong.
 */
export function readProgressFile(text: string): FileResult {
	let data: unknown;
	let proto = false;
	try {
		// zod's records skip a "__proto__" key (it would change the object's prototype); it is
		// refused here instead, so that nothing in a file is dropped without a word.
		data = JSON.parse(text, function (key, value) {
			if (key === '__proto__') proto = true;
			return value;
		});
	} catch {
		return { error: 'This file is not JSON, so it is not a progress file from this site.' };
	}
	if (proto) return { error: 'This progress file is not valid: "__proto__" is not a question id.' };
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return { error: 'This file holds no progress object.' };
	const record = data as Record<string, unknown>;
	if (record['kind'] !== undefined && record['kind'] !== PROGRESS_KEY) {
		return { error: `This file is a "${String(record['kind'])}" file, not study progress from this site.` };
	}
	const version = record['version'];
	if (typeof version === 'number' && Number.isInteger(version) && version > VERSION) {
		return {
			newer: true,
			error: `This file was written by a newer version of this site (progress version ${version}; this page reads up to ${VERSION}). Reload the page to get the newer version, then try again.`,
		};
	}
	if (version === 1) {
		const result = readV1(data);
		return 'error' in result ? { error: `This version 1 progress file is not valid: ${result.error}.` } : { ...result, migrated: true };
	}
	if (version !== VERSION) return { error: `This progress file has no known version (expected ${VERSION} or 1).` };
	const parsed = (record['kind'] === undefined ? progressSchema : exportSchema).safeParse(data);
	if (!parsed.success) return { error: `This progress file is not valid: ${describeIssue(parsed.error, data)}.` };
	return { progress: { version: VERSION, cards: parsed.data.cards, log: parsed.data.log }, migrated: false };
}

const reviewKey = (review: Review) => `${review.slug} ${review.at} ${review.grade}`;

/** What a merge would do: questions added, updated (the incoming one is newer) and kept as they are. */
export interface MergeResult {
	progress: Progress;
	added: string[];
	updated: string[];
	kept: string[];
}

/**
 * `incoming` merged into `current`: for each question the state graded last wins; the two logs are
 * joined (a grade in both counted once) in time order. Neither input is changed.
 */
export function mergeProgress(current: Progress, incoming: Progress): MergeResult {
	const cards = { ...current.cards };
	const added: string[] = [];
	const updated: string[] = [];
	const kept: string[] = [];
	for (const [slug, card] of Object.entries(incoming.cards)) {
		const mine = cards[slug];
		if (!mine) added.push(slug);
		else if (Date.parse(card.lastReview) > Date.parse(mine.lastReview)) updated.push(slug);
		else {
			kept.push(slug);
			continue;
		}
		cards[slug] = card;
	}
	for (const slug of Object.keys(current.cards)) if (!(slug in incoming.cards)) kept.push(slug);
	const seen = new Set(current.log.map(reviewKey));
	const log = [...current.log, ...incoming.log.filter((review) => !seen.has(reviewKey(review)))].sort(
		(a, b) => Date.parse(a.at) - Date.parse(b.at),
	);
	return { progress: { version: VERSION, cards, log }, added, updated, kept };
}
