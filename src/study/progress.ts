// What a reader does to their progress, as pure functions: grade, reset, read a file, export, merge.
import { migrateV1, readV1, type ProgressV1 } from './migrate.ts';
import {
	cardSchema,
	describeIssue,
	MAX_LOG,
	reviewSchema,
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

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const V1_GRADES = ['known', 'partly', 'unknown'];

/** What reading stored progress found. */
export type ReadResult =
	/** Nothing stored yet. */
	| { status: 'empty' }
	/** Every valid entry (version 1 migrated), and a sentence for each entry that was left out. */
	| { status: 'read'; progress: Progress; problems: string[] }
	/** Written by a newer version of the site: left as it is. */
	| { status: 'newer'; version: number }
	/** Not progress at all (not JSON, another file, no cards or log). */
	| { status: 'unreadable'; problem: string };

/** A version 1 file's entries read one by one (the valid ones migrated), naming each one left out. */
function readV1Entries(questions: Record<string, unknown>): { progress: Progress; problems: string[] } {
	const valid: ProgressV1['questions'] = {};
	const problems: string[] = [];
	for (const [slug, value] of Object.entries(questions)) {
		const entry = value as { grade?: unknown; at?: unknown } | null;
		if (!SLUG.test(slug)) problems.push(`"${slug}" is not a question id.`);
		else if (typeof entry !== 'object' || entry === null || !V1_GRADES.includes(entry.grade as string)) {
			problems.push(`Question "${slug}" has no valid grade (known, partly or unknown).`);
		} else if (typeof entry.at !== 'string' || Number.isNaN(Date.parse(entry.at))) problems.push(`Question "${slug}" has no valid date.`);
		else valid[slug] = { grade: entry.grade as 'known', at: entry.at };
	}
	return { progress: migrateV1({ version: 1, questions: valid }), problems };
}

/**
 * Reads stored progress (or a file) entry by entry: every valid question state and logged grade is
 * kept and each one left out is named, so that one bad entry never costs the others. Version 1 is
 * migrated; a newer version or a foreign file is reported, not read.
 */
export function readProgress(text: string | null): ReadResult {
	if (text === null || text === '') return { status: 'empty' };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { status: 'unreadable', problem: 'It is not JSON, so it is not progress from this site.' };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return { status: 'unreadable', problem: 'It holds no progress object.' };
	const record = data as Record<string, unknown>;
	if (record['kind'] !== undefined && record['kind'] !== PROGRESS_KEY) {
		return { status: 'unreadable', problem: `It is a "${String(record['kind'])}" file, not study progress from this site.` };
	}
	const version = record['version'];
	if (typeof version === 'number' && Number.isInteger(version) && version > VERSION) return { status: 'newer', version };
	const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
	if (version === 1) {
		if (!isObject(record['questions'])) return { status: 'unreadable', problem: 'It has no "questions" object.' };
		return { status: 'read', ...readV1Entries(record['questions']) };
	}
	if (version !== VERSION) return { status: 'unreadable', problem: `Its version (${JSON.stringify(version)}) is not one this site wrote.` };
	const { cards, log } = record;
	if (!isObject(cards)) return { status: 'unreadable', problem: 'It has no "cards" object.' };
	if (!Array.isArray(log)) return { status: 'unreadable', problem: 'It has no "log" list.' };
	const progress = emptyProgress();
	const problems: string[] = [];
	// Object.entries lists a "__proto__" key of parsed JSON as any other; it is refused by the slug
	// check, and the result is built by plain assignment of checked slugs only.
	for (const [slug, value] of Object.entries(cards)) {
		if (!SLUG.test(slug)) {
			problems.push(`"${slug}" is not a question id.`);
			continue;
		}
		const parsed = cardSchema.safeParse(value);
		if (parsed.success) progress.cards[slug] = parsed.data;
		else problems.push(`Question "${slug}": ${describeIssue(parsed.error, value, 'its state')}.`);
	}
	log.forEach((value, index) => {
		const parsed = reviewSchema.safeParse(value);
		if (parsed.success) progress.log.push(parsed.data);
		else problems.push(`Grade ${index + 1} of the log: ${describeIssue(parsed.error, value, 'it')}.`);
	});
	if (progress.log.length > MAX_LOG) return { status: 'unreadable', problem: `It holds more than ${MAX_LOG} grades.` };
	return { status: 'read', progress, problems };
}
