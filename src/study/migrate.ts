// Version 1 progress (the last grade of each question: knew it / partly / didn't know) becomes FSRS
// state, so that nobody's grades are lost when the format changes: each grade is replayed through
// the scheduler at the time it was given, as Good / Hard / Again.
import * as z from 'zod/mini';
import { describeIssue, emptyProgress, type Grade, type Progress } from './record.ts';
import { schedule } from './schedule.ts';

const v1Grade = z.enum(['known', 'partly', 'unknown']);
const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'is not a question id (lowercase words joined by "-")'));
const at = z.string().check(z.refine((text) => !Number.isNaN(Date.parse(text)), 'is not a date'));

/** Version 1 as it was stored and exported (`kind` and `exported` only in exported files). */
export const v1Schema = z.strictObject({
	kind: z.optional(z.literal('sg-study-progress')),
	exported: z.optional(z.string()),
	version: z.literal(1),
	questions: z.record(slug, z.strictObject({ grade: v1Grade, at })),
});
export type ProgressV1 = z.infer<typeof v1Schema>;

/** How each version 1 grade is read as an FSRS grade. */
export const FROM_V1: Record<z.infer<typeof v1Grade>, Grade> = { known: 'good', partly: 'hard', unknown: 'again' };

/** Progress of this version from version 1 data: one review per question, at its recorded time. */
export function migrateV1(v1: ProgressV1): Progress {
	const progress = emptyProgress();
	const entries = Object.entries(v1.questions).sort(([, a], [, b]) => Date.parse(a.at) - Date.parse(b.at));
	for (const [slug, { grade, at }] of entries) {
		const when = new Date(at);
		progress.cards[slug] = schedule(undefined, FROM_V1[grade], when);
		progress.log.push({ slug, grade: FROM_V1[grade], at: when.toISOString() });
	}
	return progress;
}

/** Version 1 data checked whole, then migrated; or what is wrong with it. */
export function readV1(data: unknown): { progress: Progress } | { error: string } {
	const parsed = v1Schema.safeParse(data);
	return parsed.success ? { progress: migrateV1(parsed.data) } : { error: describeIssue(parsed.error, data) };
}
