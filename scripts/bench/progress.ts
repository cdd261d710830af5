// npm run bench -- --progress 50000: how long reading and planning the import of a progress file
// takes when it names that many questions this guide does not have (a file from another guide),
// medians over 5 runs. The page refuses a file over 3 MB before reading it; the planning is timed
// beyond that size so that a plan that grows faster than the file shows. A plan over budget fails the run.
import { emptyProgress, exportProgress, planImport, readProgressFile } from '../../src/study/rules.ts';
import { schedule } from '../../src/study/schedule.ts';
import { readContent } from '../../tests/helpers/content.ts';
import { median } from './shared.ts';

/** What an import may take before the reader sees its preview (docs/performance.md). */
const PLAN_BUDGET_MS = 200;

export function benchProgress(unknownIds: number): boolean {
	const slugs = readContent().questions.map((question) => question.slug);
	const at = new Date('2026-12-01T09:00:00Z');
	const card = schedule(undefined, 'good', at);
	const file = emptyProgress();
	for (let i = 0; i < unknownIds; i++) {
		file.cards[`other-guide-question-${i}`] = card;
		// As many grades as a file may hold (MAX_LOG), of the first ids.
		if (i < 30_000) file.log.push({ slug: `other-guide-question-${i}`, grade: 'good', at: at.toISOString() });
	}
	const text = exportProgress(file, at);
	const times = { read: [] as number[], plan: [] as number[] };
	for (let run = 0; run < 5; run++) {
		let start = performance.now();
		const result = readProgressFile(text);
		times.read.push(performance.now() - start);
		if ('error' in result) throw new Error(`The bench's own file was refused: ${result.error}`);
		start = performance.now();
		const plan = planImport(emptyProgress(), result.progress, slugs, at);
		times.plan.push(performance.now() - start);
		if (plan.unknown.length !== unknownIds) throw new Error(`The plan reported ${plan.unknown.length} unknown ids, not ${unknownIds}.`);
	}
	const plan = median(times.plan);
	console.table({
		[`a ${(text.length / 1024 / 1024).toFixed(1)} MB file, ${unknownIds} ids not in the guide`]: {
			'read, median ms': Number(median(times.read).toFixed(1)),
			'plan, median ms': Number(plan.toFixed(1)),
			'plan budget ms': PLAN_BUDGET_MS,
		},
	});
	return plan <= PLAN_BUDGET_MS;
}
