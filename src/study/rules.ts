/** How a reader graded their answer to a question. */
export type Grade = 'known' | 'partly' | 'unknown';

export const GRADES: readonly Grade[] = ['known', 'partly', 'unknown'];

/** The last grade of one question, and when it was given (ISO 8601). */
export interface GradeRecord {
	grade: Grade;
	at: string;
}

/** All of a reader's progress, keyed by each question's stable slug (not its wording or number). */
export interface Progress {
	version: 1;
	questions: Record<string, GradeRecord>;
}

/** The localStorage key progress is kept under; also the export file's `kind`. */
export const PROGRESS_KEY = 'sg-study-progress';

export const emptyProgress = (): Progress => ({ version: 1, questions: {} });

/** Progress with `slug` graded `grade` at `at`; the input is left as it was. */
export function applyGrade(progress: Progress, slug: string, grade: Grade, at: Date): Progress {
	return { ...progress, questions: { ...progress.questions, [slug]: { grade, at: at.toISOString() } } };
}

/** Progress without the given questions (a section reset), or without any (a full reset). */
export function resetProgress(progress: Progress, slugs?: readonly string[]): Progress {
	if (!slugs) return emptyProgress();
	const questions = { ...progress.questions };
	for (const slug of slugs) delete questions[slug];
	return { ...progress, questions };
}

/** Counts of known, partly and to-review questions among `slugs`; questions no longer in the guide are ignored. */
export function summarize(progress: Progress, slugs: readonly string[]): Record<Grade | 'unseen', number> {
	const counts = { known: 0, partly: 0, unknown: 0, unseen: 0 };
	for (const slug of slugs) counts[progress.questions[slug]?.grade ?? 'unseen']++;
	return counts;
}

/** The questions review mode runs: those last graded "partly" or "didn't know", in the given order. */
export function selectForReview(progress: Progress, slugs: readonly string[]): string[] {
	return slugs.filter((slug) => {
		const grade = progress.questions[slug]?.grade;
		return grade === 'partly' || grade === 'unknown';
	});
}

/** A small seeded random number generator (mulberry32), so that a shuffle can be repeated. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The items in an order fixed by `seed` (Fisher-Yates); the same seed gives the same order. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
	const next = random(seed);
	const result = [...items];
	for (let i = result.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[result[i], result[j]] = [result[j]!, result[i]!];
	}
	return result;
}

/** A question not yet known, chosen with `pick` (0 <= pick < 1); undefined when all are known. */
export function pickNotKnown(progress: Progress, slugs: readonly string[], pick: number): string | undefined {
	const candidates = slugs.filter((slug) => progress.questions[slug]?.grade !== 'known');
	return candidates[Math.floor(pick * candidates.length)];
}

/** The export file: progress plus what it is, so that a foreign file is recognised. */
export function exportProgress(progress: Progress, at: Date): string {
	return `${JSON.stringify({ kind: PROGRESS_KEY, exported: at.toISOString(), ...progress }, null, 2)}\n`;
}

/**
 * Reads an exported (or stored) progress file. Returns the progress, or an error that says what is
 * wrong; anything malformed or foreign is refused as a whole.
 */
export function parseProgress(text: string): { progress: Progress } | { error: string } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { error: 'This file is not JSON, so it is not a progress file from this site.' };
	}
	const record = data as Record<string, unknown>;
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return { error: 'This file holds no progress object.' };
	}
	if (record['kind'] !== undefined && record['kind'] !== PROGRESS_KEY) {
		return { error: `This file is a "${String(record['kind'])}" file, not study progress from this site.` };
	}
	if (record['version'] !== 1) return { error: 'This progress file is of an unknown version (expected version 1).' };
	const questions = record['questions'];
	if (typeof questions !== 'object' || questions === null || Array.isArray(questions)) {
		return { error: 'This progress file has no "questions" object.' };
	}
	const checked: Record<string, GradeRecord> = {};
	for (const [slug, value] of Object.entries(questions as Record<string, unknown>)) {
		const entry = value as Partial<GradeRecord> | null;
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return { error: `"${slug}" is not a question id.` };
		if (!entry || !GRADES.includes(entry.grade as Grade)) return { error: `Question "${slug}" has no valid grade (known, partly or unknown).` };
		if (typeof entry.at !== 'string' || Number.isNaN(Date.parse(entry.at))) {
			return { error: `Question "${slug}" has no valid date.` };
		}
		checked[slug] = { grade: entry.grade as Grade, at: entry.at };
	}
	return { progress: { version: 1, questions: checked } };
}
