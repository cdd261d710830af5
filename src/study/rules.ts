// What a reader does to their progress, as pure functions: grade, reset, read what is stored (every
// valid entry kept, the others named), read a file whole, export, merge, plan an import.
import type * as z from 'zod/mini';
import { PREDICTION_ID, questionOf } from '../lib/prediction.ts';
import { migrateV1, readV1, type ProgressV1 } from './migrate.ts';
import {
	cardSchema,
	describeIssue,
	emptyProgress,
	exportSchema,
	exportSchemaV2,
	exportSchemaV3,
	mockSchema,
	MAX_MOCKS,
	predictionReviewSchema,
	PROGRESS_KEY,
	progressSchema,
	progressSchemaV2,
	progressSchemaV3,
	reviewSchema,
	SCHEMA_PATH,
	VERSION,
	type CardState,
	type Grade,
	type Mock,
	type PredictionReview,
	type Progress,
	type Review,
} from './record.ts';
import { repairCard, schedule } from './schedule.ts';

export { emptyProgress, PROGRESS_KEY, type Progress } from './record.ts';

/**
 * Progress with `mock` in its history: a mock interview is kept as its answers are saved, so the
 * one begun at the same time is replaced by the longer record of it.
 */
export function recordMock(progress: Progress, mock: Mock): Progress {
	return { ...progress, mocks: joinMocks(progress.mocks, [mock]) };
}

/** Progress with `slug` graded `grade` at `at`: its FSRS state moved on and the grade logged. */
export function applyGrade(progress: Progress, slug: string, grade: Grade, at: Date): Progress {
	return {
		...progress,
		cards: { ...progress.cards, [slug]: schedule(progress.cards[slug], grade, at) },
		log: [...progress.log, { slug, grade, at: at.toISOString() }],
	};
}

/** Progress with the prediction card `id` graded `grade` at `at`: scheduled as a question is, and logged. */
export function applyPredictionGrade(progress: Progress, id: string, grade: Grade, at: Date): Progress {
	const { cards, log } = progress.predictions;
	return {
		...progress,
		predictions: { cards: { ...cards, [id]: schedule(cards[id], grade, at) }, log: [...log, { card: id, grade, at: at.toISOString() }] },
	};
}

/**
 * Progress without the given questions' state and history, their prediction cards' included (a
 * section reset; the mock interviews stay, they span sections), or without any (the mock interviews
 * go too).
 */
export function resetProgress(progress: Progress, slugs?: readonly string[]): Progress {
	if (!slugs) return emptyProgress();
	const gone = new Set(slugs);
	const cards = Object.fromEntries(Object.entries(progress.cards).filter(([slug]) => !gone.has(slug)));
	const predictionCards = Object.fromEntries(Object.entries(progress.predictions.cards).filter(([id]) => !gone.has(questionOf(id))));
	return {
		...progress,
		cards,
		log: progress.log.filter((review) => !gone.has(review.slug)),
		predictions: { cards: predictionCards, log: progress.predictions.log.filter((review) => !gone.has(questionOf(review.card))) },
	};
}

/**
 * What a reset of `slugs` (of everything when there are none) would forget: how many questions have
 * a schedule, their own or one of their prediction cards', and how many grades they were given, the
 * prediction cards' included, since the reset forgets those too.
 */
export function resetCost(progress: Progress, slugs?: readonly string[]): { questions: number; grades: number } {
	const set = slugs && new Set(slugs);
	const chosen = (slug: string) => !set || set.has(slug);
	const scheduled = new Set([...Object.keys(progress.cards), ...Object.keys(progress.predictions.cards).map(questionOf)]);
	return {
		questions: [...scheduled].filter(chosen).length,
		grades:
			progress.log.filter((review) => chosen(review.slug)).length +
			progress.predictions.log.filter((review) => chosen(questionOf(review.card))).length,
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

/** A file read whole (`migrated`: the older version it was in, else false), or why it was refused. */
export type FileResult = { progress: Progress; migrated: false | number } | { error: string; newer?: boolean };

/**
 * Reads an exported file (or a stored value) as a whole: version 4 is validated against the
 * schema, versions 3 to 1 are validated and migrated, a newer version is refused with a message
 * that says so; anything malformed or foreign is refused with the field that is wrong.
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
		return { error: 'It is not JSON, so it is not progress from this site.' };
	}
	if (proto) return { error: 'It is not a valid progress file: "__proto__" is not a question id.' };
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return { error: 'It holds no progress object.' };
	const record = data as Record<string, unknown>;
	if (record['kind'] !== undefined && record['kind'] !== PROGRESS_KEY) {
		return { error: `It is a "${String(record['kind'])}" file, not study progress from this site.` };
	}
	const version = record['version'];
	if (typeof version === 'number' && Number.isInteger(version) && version > VERSION) {
		return {
			newer: true,
			error: `It was exported by a newer version of this site (progress version ${version}; this page reads up to ${VERSION}). Reload the page to update it, then import again.`,
		};
	}
	if (version === 1) {
		const result = readV1(data);
		return 'error' in result ? { error: `It is not a valid version 1 progress file: ${result.error}.` } : { ...result, migrated: 1 };
	}
	if (version === 2) {
		const parsed = (record['kind'] === undefined ? progressSchemaV2 : exportSchemaV2).safeParse(data);
		if (!parsed.success) return { error: `It is not a valid progress file: ${describeIssue(parsed.error, data)}.` };
		return { progress: { ...emptyProgress(), cards: parsed.data.cards, log: parsed.data.log }, migrated: 2 };
	}
	if (version === 3) {
		const parsed = (record['kind'] === undefined ? progressSchemaV3 : exportSchemaV3).safeParse(data);
		if (!parsed.success) return { error: `It is not a valid progress file: ${describeIssue(parsed.error, data)}.` };
		return { progress: { ...emptyProgress(), cards: parsed.data.cards, log: parsed.data.log, mocks: parsed.data.mocks }, migrated: 3 };
	}
	if (version !== VERSION) return { error: `Its version (${JSON.stringify(version)}) is not one this site wrote (1 to ${VERSION}).` };
	const parsed = (record['kind'] === undefined ? progressSchema : exportSchema).safeParse(data);
	if (!parsed.success) return { error: `It is not a valid progress file: ${describeIssue(parsed.error, data)}.` };
	const { cards, log, mocks, predictions } = parsed.data;
	return { progress: { version: VERSION, cards, log, mocks, predictions }, migrated: false };
}

const reviewKey = (review: Review) => `${review.slug} ${review.at} ${review.grade}`;
const predictionReviewKey = (review: PredictionReview) => `${review.card} ${review.at} ${review.grade}`;

/**
 * Which of two states of one question is kept: the one graded later; on the same time, the one
 * graded more often; on a tie, the one already there. A state never replaces one with a longer
 * history of the same moment.
 */
function isNewer(incoming: CardState, current: CardState): boolean {
	const [theirs, mine] = [Date.parse(incoming.lastReview), Date.parse(current.lastReview)];
	return theirs > mine || (theirs === mine && incoming.reps > current.reps);
}

/** Both sets of states, each card keeping its newer one (the current one on a tie). */
function joinCards(current: Record<string, CardState>, incoming: Record<string, CardState>): Record<string, CardState> {
	const cards = { ...current };
	for (const [id, card] of Object.entries(incoming)) {
		const mine = Object.hasOwn(cards, id) ? cards[id] : undefined;
		if (!mine || isNewer(card, mine)) cards[id] = card;
	}
	return cards;
}

/** The two logs joined in time order, a grade found in both (the same `keyOf`) counted once. */
function joinLogs<T extends { at: string }>(current: readonly T[], incoming: readonly T[], keyOf: (review: T) => string): T[] {
	const seen = new Set(current.map(keyOf));
	const added = incoming.filter((review) => {
		const key = keyOf(review);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
	// Nothing new: the log stays exactly as it was.
	if (added.length === 0) return [...current];
	return [...current, ...added].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * Both progress sets in one: each question and prediction card keeps its newer state (graded
 * later; the current one on a tie), and the logs and the mock interviews are joined. Neither input
 * is changed.
 */
export function mergeProgress(current: Progress, incoming: Progress): Progress {
	return {
		version: VERSION,
		cards: joinCards(current.cards, incoming.cards),
		log: joinLogs(current.log, incoming.log, reviewKey),
		mocks: joinMocks(current.mocks, incoming.mocks),
		predictions: {
			cards: joinCards(current.predictions.cards, incoming.predictions.cards),
			log: joinLogs(current.predictions.log, incoming.predictions.log, predictionReviewKey),
		},
	};
}

/** Both histories of mock interviews, one begun at the same time kept once (the record with more answers). */
function joinMocks(current: readonly Mock[], incoming: readonly Mock[]): Mock[] {
	const byStart = new Map(current.map((mock) => [mock.at, mock]));
	for (const mock of incoming) {
		const mine = byStart.get(mock.at);
		if (!mine || mock.answers.length > mine.answers.length) byStart.set(mock.at, mock);
	}
	return [...byStart.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).slice(-MAX_MOCKS);
}

/** A progress file larger than this is refused: 100 questions graded 25 times a day for three years fit. */
export const MAX_PROGRESS_BYTES = 3 * 1024 * 1024;

/** What importing a file would do, before it is done. */
export interface ImportPlan {
	/** The progress after a merge (the default). */
	merged: Progress;
	/** The progress after "replace everything": the file's questions of this guide only. */
	replaced: Progress;
	/** Questions the file schedules that have no state here yet. */
	adds: number;
	/** Questions whose state here is older than the file's. */
	updates: number;
	/** Questions here that a merge leaves as they are. */
	keeps: number;
	/** "What does this print?" cards a merge adds or updates, counted apart from the questions. */
	predictionAdds: number;
	predictionUpdates: number;
	/** Grades logged here that replacing would forget (not in the file), prediction cards' included. */
	loses: number;
	/** Questions in the file (by their grades, states or prediction cards) that are not this guide's: reported and ignored. */
	unknown: string[];
	/**
	 * Each question or prediction card state of the file the scheduler could not take, and what was
	 * set right: 'Question "gil": "difficulty" 0.5 is below 1: set to 1', 'Prediction card "gil#1": …'.
	 */
	repairs: string[];
}

/**
 * Plans an import of `incoming` into `current` at `now`; only questions in `guideSlugs` (and their
 * prediction cards) are taken. A state the scheduler would refuse is repaired (and named), so that an
 * import never stops grading; one dated later than now (its device's clock ran ahead) is dated now
 * and never replaces a state kept here, since when it was really graded is not known. The counts
 * (adds, updates, keeps) are of questions, the prediction cards' apart; `loses` counts every grade.
 * Linear in the size of both.
 */
export function planImport(current: Progress, incoming: Progress, guideSlugs: readonly string[], now: Date): ImportPlan {
	const guide = new Set(guideSlugs);
	const ofGuide = (id: string) => guide.has(questionOf(id));
	// A mock interview keeps the answers to questions of this guide; one with none left is not kept.
	const mocks = incoming.mocks.flatMap((mock) => {
		const answers = mock.answers.filter((answer) => guide.has(answer.slug));
		return answers.length > 0 ? [{ ...mock, answers }] : [];
	});
	const known: Progress = {
		version: VERSION,
		cards: {},
		log: incoming.log.filter((review) => guide.has(review.slug)),
		mocks,
		predictions: { cards: {}, log: incoming.predictions.log.filter((review) => ofGuide(review.card)) },
	};
	const unknown = new Set<string>();
	const repairs: string[] = [];
	const clockAhead = new Set<string>();
	/** Takes the states of `cards` of this guide's questions (`question` of each id) into `into`, each set right for the scheduler. */
	const take = (cards: Progress['cards'], into: Progress['cards'], question: (id: string) => string, what: string) => {
		for (const [id, card] of Object.entries(cards)) {
			if (!guide.has(question(id))) {
				unknown.add(question(id));
				continue;
			}
			const { state, fixes } = repairCard(card, now);
			into[id] = state;
			for (const fix of fixes) repairs.push(`${what} "${id}": ${fix}`);
			if (state.lastReview !== card.lastReview) clockAhead.add(id);
		}
	};
	take(incoming.cards, known.cards, (slug) => slug, 'Question');
	for (const review of incoming.log) if (!guide.has(review.slug)) unknown.add(review.slug);
	for (const answer of incoming.mocks.flatMap((mock) => mock.answers)) if (!guide.has(answer.slug)) unknown.add(answer.slug);
	take(incoming.predictions.cards, known.predictions.cards, questionOf, 'Prediction card');
	for (const review of incoming.predictions.log) if (!ofGuide(review.card)) unknown.add(questionOf(review.card));
	// What a merge may take: every state, but a clock-ahead one only for a card not held here.
	const mergeable: Progress = {
		...known,
		cards: { ...known.cards },
		predictions: { ...known.predictions, cards: { ...known.predictions.cards } },
	};
	/** What a merge of `theirs` into `mine` adds and updates; a clock-ahead state of a card held here leaves `mergeable`. */
	const weigh = (theirs: Progress['cards'], mine: Progress['cards'], mergeable: Progress['cards']) => {
		let adds = 0;
		let updates = 0;
		for (const [id, card] of Object.entries(theirs)) {
			const held = Object.hasOwn(mine, id) ? mine[id] : undefined;
			if (!held) adds++;
			else if (clockAhead.has(id)) delete mergeable[id];
			else if (isNewer(card, held)) updates++;
		}
		return { adds, updates };
	};
	const { adds, updates } = weigh(known.cards, current.cards, mergeable.cards);
	const { adds: predictionAdds, updates: predictionUpdates } = weigh(known.predictions.cards, current.predictions.cards, mergeable.predictions.cards);
	const held = Object.keys(current.cards).length;
	const theirs = new Set(known.log.map(reviewKey));
	const theirPredictions = new Set(known.predictions.log.map(predictionReviewKey));
	const loses =
		current.log.filter((review) => !theirs.has(reviewKey(review))).length +
		current.predictions.log.filter((review) => !theirPredictions.has(predictionReviewKey(review))).length;
	const counts = { adds, updates, keeps: held - updates, predictionAdds, predictionUpdates };
	return { merged: mergeProgress(current, mergeable), replaced: known, ...counts, loses, unknown: [...unknown], repairs };
}

/** "adds 12, updates 3, keeps 40", and "; of its “what does this print?” cards, adds 2, updates 1" when it has any to take. */
export function describeImportPlan(plan: Pick<ImportPlan, 'adds' | 'updates' | 'keeps' | 'predictionAdds' | 'predictionUpdates'>): string {
	const cards = plan.predictionAdds + plan.predictionUpdates > 0 ? `; of its “what does this print?” cards, adds ${plan.predictionAdds}, updates ${plan.predictionUpdates}` : '';
	return `adds ${plan.adds}, updates ${plan.updates}, keeps ${plan.keeps}${cards}`;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const V1_GRADES = ['known', 'partly', 'unknown'];

/** What reading stored progress found. */
export type ReadResult =
	/** Nothing stored yet. */
	| { status: 'empty' }
	/** Every valid entry (older versions migrated), and a sentence for each entry that was left out. */
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
 * Each valid state of `cards` into `into`, by an id `isId` takes; each other one named in `problems`
 * ('"x" is not a question id.', 'Question "gil": …'). Object.entries lists a "__proto__" key of
 * parsed JSON as any other: it is refused by the id check, and `into` gets plain assignments of
 * checked ids only.
 */
function readStates(cards: Record<string, unknown>, into: Record<string, CardState>, isId: (id: string) => boolean, [idName, label]: [string, string], problems: string[]) {
	for (const [id, value] of Object.entries(cards)) {
		if (!isId(id)) {
			problems.push(`"${id}" is not a ${idName}.`);
			continue;
		}
		const parsed = cardSchema.safeParse(value);
		if (parsed.success) into[id] = parsed.data;
		else problems.push(`${label} "${id}": ${describeIssue(parsed.error, value, 'its state')}.`);
	}
}

/** Each valid entry of `values` onto `into`; each other one named in `problems` by `name` of its place (from 1). */
function readList<T>(values: unknown[], schema: z.ZodMiniType<T>, into: T[], name: (index: number) => string, problems: string[]) {
	values.forEach((value, index) => {
		const parsed = schema.safeParse(value);
		if (parsed.success) into.push(parsed.data);
		else problems.push(`${name(index + 1)}: ${describeIssue(parsed.error, value, 'it')}.`);
	});
}

/**
 * Reads stored progress (or a file) entry by entry: every valid question state and logged grade is
 * kept and each one left out is named, so that one bad entry never costs the others. Versions 3 to 1
 * are migrated; a newer version or a foreign file is reported, not read.
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
	if (version !== VERSION && version !== 3 && version !== 2) return { status: 'unreadable', problem: `Its version (${JSON.stringify(version)}) is not one this site wrote.` };
	const { cards, log } = record;
	// Version 2 had no mock interviews, and versions 2 and 3 no prediction cards: read as none.
	const mocks = version === 2 ? [] : record['mocks'];
	const predictions = version === VERSION ? record['predictions'] : { cards: {}, log: [] };
	if (!isObject(cards)) return { status: 'unreadable', problem: 'It has no "cards" object.' };
	if (!Array.isArray(log)) return { status: 'unreadable', problem: 'It has no "log" list.' };
	if (!Array.isArray(mocks)) return { status: 'unreadable', problem: 'It has no "mocks" list.' };
	if (!isObject(predictions) || !isObject(predictions['cards']) || !Array.isArray(predictions['log'])) {
		return { status: 'unreadable', problem: 'It has no "predictions" object with "cards" and a "log" list.' };
	}
	const progress = emptyProgress();
	const problems: string[] = [];
	readStates(cards, progress.cards, (slug) => SLUG.test(slug), ['question id', 'Question'], problems);
	readList(log, reviewSchema, progress.log, (index) => `Grade ${index} of the log`, problems);
	readList(mocks, mockSchema, progress.mocks, (index) => `Mock interview ${index}`, problems);
	readStates(predictions['cards'], progress.predictions.cards, (id) => PREDICTION_ID.test(id), ['prediction card id', 'Prediction card'], problems);
	readList(predictions['log'], predictionReviewSchema, progress.predictions.log, (index) => `Grade ${index} of the prediction log`, problems);
	return { status: 'read', progress, problems };
}
