// The study progress format, version 4: each question's FSRS state by its stable slug, the log of
// every grade given, the history of mock interviews, and the "what does this print?" cards of the
// runnable examples with their own states and log (version 3 had no prediction cards, and version 2
// no mock interviews either: each is read as one with none; a tab of the site from before version 4
// sees a newer version and leaves it alone).
// One zod schema is the source of truth: it validates stored data and imported files, gives the
// types, and is published as a JSON Schema (/study/progress.schema.json) that exported files point to.
import * as z from 'zod/mini';
import { PREDICTION_ID } from '../lib/prediction.ts';
import { PROGRESS_KEY } from './keys.ts';

// zod compiles fast paths with `new Function` unless told not to; the pages' CSP forbids eval.
z.config({ jitless: true });

export { PROGRESS_KEY };
/** The format this code writes. Older files are migrated; newer ones are refused, unchanged. */
export const VERSION = 4;
/** Where the JSON Schema of an exported file is published, under the site's base path. */
export const SCHEMA_PATH = 'study/progress.schema.json';
/** More grades than a file within the size limit (3 MB) can hold: a file with more is refused. */
export const MAX_LOG = 40_000;

const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'is not a question id (lowercase words joined by "-")'));
/** A prediction card's id: its question's slug, "#", and the example's number in the answer. */
export const predictionIdSchema = z.string().check(z.regex(PREDICTION_ID, 'is not a prediction card id (a question id, "#", the example\'s number)'));
const date = z.iso.datetime({ offset: true, error: 'is not a date and time (ISO 8601)' });
const count = z.int().check(z.minimum(0));
const positive = z.number().check(z.minimum(0));

export const gradeSchema = z.enum(['again', 'hard', 'good', 'easy']);
export const phaseSchema = z.enum(['new', 'learning', 'review', 'relearning']);

export const cardSchema = z.strictObject({
	/** When the question is next due. */
	due: date,
	/** FSRS stability: the interval, in days, at which recall falls to 90 %. */
	stability: positive,
	/** FSRS difficulty, 1 (easy) to 10 (hard). */
	difficulty: z.number().check(z.minimum(0), z.maximum(10)),
	/** How many times it was graded. */
	reps: count,
	/** How many times a remembered answer was then forgotten. */
	lapses: count,
	/** Where the card is in FSRS's life cycle. */
	state: phaseSchema,
	/** When it was last graded. */
	lastReview: date,
	/** The interval, in days, the last grade gave. */
	scheduledDays: count,
});

export const reviewSchema = z.strictObject({
	/** The question graded. */
	slug,
	grade: gradeSchema,
	/** When the grade was given. */
	at: date,
});

export const predictionReviewSchema = z.strictObject({
	/** The prediction card graded. */
	card: predictionIdSchema,
	grade: gradeSchema,
	/** When the grade was given. */
	at: date,
});

/** Questions a mock interview asks at most (10, and a confident miss asked again each). */
export const MAX_MOCK_ANSWERS = 20;
/** Mock interviews kept: years of one a day. */
export const MAX_MOCKS = 2_000;

export const mockAnswerSchema = z
	.strictObject({
		/** The question asked. */
		slug,
		/** How many of its key points the answer made, by the reader's own check. */
		made: count,
		/** How many key points the question had. */
		points: z.int().check(z.minimum(1)),
		confidence: z.enum(['sure', 'unsure']),
		/** The grade the check gave, also in the log. */
		grade: gradeSchema,
		/** Seconds the answer took, the countdown's pauses left out. */
		seconds: count,
	})
	.check(z.refine((answer) => answer.made <= answer.points, { message: 'made more key points than the question has', path: ['made'] }));

export const mockSchema = z.strictObject({
	/** When the interview began. */
	at: date,
	/** The time allowed for each answer, in seconds. */
	limit: z.int().check(z.minimum(1)),
	answers: z.array(mockAnswerSchema).check(z.minLength(1), z.maxLength(MAX_MOCK_ANSWERS)),
});

const log = z.array(reviewSchema).check(z.maxLength(MAX_LOG, `holds more than ${MAX_LOG} grades`));
const mocks = z.array(mockSchema).check(z.maxLength(MAX_MOCKS, `holds more than ${MAX_MOCKS} mock interviews`));

/** Progress as stored in the browser. */
export const progressSchema = z.strictObject({
	version: z.literal(VERSION),
	cards: z.record(slug, cardSchema),
	log,
	/** The mock interviews, oldest first. */
	mocks,
	/** The "what does this print?" cards, scheduled and logged apart from the questions. */
	predictions: z.strictObject({
		/** Each prediction card's FSRS state, by its id ("decorators-python#2"). */
		cards: z.record(predictionIdSchema, cardSchema),
		/** Every grade given to a prediction card. */
		log: z.array(predictionReviewSchema).check(z.maxLength(MAX_LOG, `holds more than ${MAX_LOG} prediction grades`)),
	}),
});

/** Version 3, read and given no prediction cards. */
export const progressSchemaV3 = z.strictObject({ version: z.literal(3), cards: z.record(slug, cardSchema), log, mocks });
/** Version 2, read and given an empty history. */
export const progressSchemaV2 = z.strictObject({ version: z.literal(2), cards: z.record(slug, cardSchema), log });

const fileFields = { $schema: z.optional(z.string()), kind: z.literal(PROGRESS_KEY), exported: date };

/** An exported file: progress plus what it is, so that a foreign file is recognised. */
export const exportSchema = z.strictObject({ ...fileFields, ...progressSchema.def.shape });
export const exportSchemaV3 = z.strictObject({ ...fileFields, ...progressSchemaV3.def.shape });
export const exportSchemaV2 = z.strictObject({ ...fileFields, ...progressSchemaV2.def.shape });

export type Grade = z.infer<typeof gradeSchema>;
export type Phase = z.infer<typeof phaseSchema>;
/** One question's FSRS state. Dates are ISO 8601. */
export type CardState = z.infer<typeof cardSchema>;
/** One grade given, as kept in the review log. */
export type Review = z.infer<typeof reviewSchema>;
/** One grade given to a prediction card, as kept in its log. */
export type PredictionReview = z.infer<typeof predictionReviewSchema>;
/** All of a reader's progress. */
export type Progress = z.infer<typeof progressSchema>;
/** One mock interview, and one of its answers. */
export type Mock = z.infer<typeof mockSchema>;
export type MockAnswer = z.infer<typeof mockAnswerSchema>;

export const GRADES: readonly Grade[] = gradeSchema.options;
/** The grades as the buttons name them: never shown by colour alone. */
export const GRADE_NAMES: Record<Grade, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

export const emptyProgress = (): Progress => ({ version: VERSION, cards: {}, log: [], mocks: [], predictions: { cards: {}, log: [] } });

/** The last grade of each question, from the log. */
export function lastGrades(progress: Progress): Map<string, Grade> {
	const last = new Map<string, Grade>();
	for (const review of progress.log) last.set(review.slug, review.grade);
	return last;
}

/** The JSON Schema of an exported file (draft 2020-12), as published. */
export function progressJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(exportSchema, { target: 'draft-2020-12' }),
		title: 'Study progress of the Python & Backend Interview Guide',
	};
}

/** What a value should have been, for messages: "a number", "one of again, hard, good, easy". */
function expected(issue: z.core.$ZodIssue): string {
	if (issue.code === 'invalid_type') return issue.expected === 'int' ? 'a whole number' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
	if (issue.code === 'invalid_value') return issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.join(', ')}`;
	return '';
}

/**
 * The first problem zod found in `data`, naming its field: '"cards.gil.due" is not a date and time
 * (ISO 8601)', '"log.3.grade" should be one of again, hard, good, easy', '"cards.gil.reps" is missing'.
 */
export function describeIssue(error: z.core.$ZodError, data: unknown, whole = 'The file'): string {
	const issue = error.issues[0]!;
	const field = issue.path.map(String).join('.');
	let value: unknown = data;
	for (const key of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
	let message: string;
	if (issue.code === 'invalid_key') message = issue.issues[0]?.message ?? 'is not a valid key';
	else if (issue.code === 'unrecognized_keys') message = `has an unknown field "${issue.keys.join('", "')}"`;
	else if (issue.code === 'invalid_type' && value === undefined) message = 'is missing';
	else if (issue.message !== 'Invalid input') message = issue.message;
	else if (issue.code === 'too_small' || issue.code === 'too_big') message = `is out of range (${String(value)})`;
	else message = `should be ${expected(issue)}`;
	return field ? `"${field}" ${message}` : `${whole} ${message}`;
}
