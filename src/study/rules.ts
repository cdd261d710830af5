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

/** The version this page reads and writes; a higher one comes from a newer site and is never overwritten here. */
export const PROGRESS_VERSION = 1;

/** A progress file larger than this is refused: the whole guide graded is a few KB, at 10,000 questions under 1 MB. */
export const MAX_PROGRESS_BYTES = 1024 * 1024;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What reading stored or imported progress found. */
export type ReadResult =
	/** Nothing stored yet. */
	| { status: 'empty' }
	/** Every valid entry, and a sentence for each entry that was left out. */
	| { status: 'read'; progress: Progress; problems: string[] }
	/** Written by a newer version of the site: left as it is. */
	| { status: 'newer'; version: number }
	/** Not progress at all (not JSON, another file, no questions object). */
	| { status: 'unreadable'; problem: string };

/** One entry's record, or why it is not one. Swap this (and GradeRecord) to change the record format. */
function readRecord(slug: string, value: unknown): GradeRecord | string {
	if (!SLUG.test(slug)) return `"${slug}" is not a question id.`;
	const entry = value as Partial<GradeRecord> | null;
	if (typeof entry !== 'object' || entry === null || !GRADES.includes(entry.grade as Grade)) {
		return `Question "${slug}" has no valid grade (known, partly or unknown).`;
	}
	if (typeof entry.at !== 'string' || Number.isNaN(Date.parse(entry.at))) return `Question "${slug}" has no valid date.`;
	return { grade: entry.grade as Grade, at: entry.at };
}

/**
 * Reads stored progress or an exported file. Keeps every valid entry and names each one left out,
 * so that one bad entry never costs the others; a newer version or a foreign file is reported, not read.
 */
export function readProgress(text: string | null): ReadResult {
	if (text === null || text === '') return { status: 'empty' };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { status: 'unreadable', problem: 'It is not JSON, so it is not progress from this site.' };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return { status: 'unreadable', problem: 'It holds no progress object.' };
	}
	const record = data as Record<string, unknown>;
	if (record['kind'] !== undefined && record['kind'] !== PROGRESS_KEY) {
		return { status: 'unreadable', problem: `It is a "${String(record['kind'])}" file, not study progress from this site.` };
	}
	const version = record['version'];
	if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_VERSION) return { status: 'newer', version };
	if (version !== PROGRESS_VERSION) return { status: 'unreadable', problem: `Its version (${JSON.stringify(version)}) is not one this site wrote.` };
	const questions = record['questions'];
	if (typeof questions !== 'object' || questions === null || Array.isArray(questions)) {
		return { status: 'unreadable', problem: 'It has no "questions" object.' };
	}
	// A null-prototype object, so that a "__proto__" key can never reach Object.prototype.
	const checked: Record<string, GradeRecord> = Object.create(null);
	const problems: string[] = [];
	for (const [slug, value] of Object.entries(questions)) {
		const read = readRecord(slug, value);
		if (typeof read === 'string') problems.push(read);
		else checked[slug] = read;
	}
	return { status: 'read', progress: { version: 1, questions: { ...checked } }, problems };
}

/** Which of two records of one question is kept: the later one; on a tie, the one already there. */
const isNewer = (incoming: GradeRecord, current: GradeRecord) => Date.parse(incoming.at) > Date.parse(current.at);

/** Both progress sets in one: each question keeps its newer record. */
export function mergeProgress(current: Progress, incoming: Progress): Progress {
	const questions = { ...current.questions };
	for (const [slug, record] of Object.entries(incoming.questions)) {
		const mine = Object.hasOwn(questions, slug) ? questions[slug] : undefined;
		if (!mine || isNewer(record, mine)) questions[slug] = record;
	}
	return { ...current, questions };
}

/** What importing a file would do, before it is done. */
export interface ImportPlan {
	/** The progress after a merge (the default). */
	merged: Progress;
	/** The progress after "replace everything": the file's questions of this guide only. */
	replaced: Progress;
	/** Questions the file grades that have no grade here yet. */
	adds: number;
	/** Questions whose grade here is older than the file's. */
	updates: number;
	/** Grades here that a merge leaves as they are. */
	keeps: number;
	/** Grades here that replacing would forget (not in the file, or newer here). */
	loses: number;
	/** Slugs in the file that are not questions of this guide: reported and ignored. */
	unknown: string[];
}

/** Plans an import of `incoming` into `current`; only questions in `guideSlugs` are taken. */
export function planImport(current: Progress, incoming: Progress, guideSlugs: readonly string[]): ImportPlan {
	const guide = new Set(guideSlugs);
	const known: Progress = { version: 1, questions: {} };
	const unknown: string[] = [];
	for (const [slug, record] of Object.entries(incoming.questions)) {
		if (guide.has(slug)) known.questions[slug] = record;
		else unknown.push(slug);
	}
	let adds = 0;
	let updates = 0;
	for (const [slug, record] of Object.entries(known.questions)) {
		const mine = Object.hasOwn(current.questions, slug) ? current.questions[slug] : undefined;
		if (!mine) adds++;
		else if (isNewer(record, mine)) updates++;
	}
	const held = Object.keys(current.questions).length;
	const loses = Object.entries(current.questions).filter(([slug, mine]) => {
		const theirs = known.questions[slug];
		return !theirs || theirs.grade !== mine.grade || theirs.at !== mine.at;
	}).length;
	return { merged: mergeProgress(current, known), replaced: known, adds, updates, keeps: held - updates, loses, unknown };
}

/** "adds 12, updates 3, keeps 40". */
export function describeImportPlan(plan: Pick<ImportPlan, 'adds' | 'updates' | 'keeps'>): string {
	return `adds ${plan.adds}, updates ${plan.updates}, keeps ${plan.keeps}`;
}
