// npm run examples:predict [-- --content <dir>]: makes the "What does this print?" cards of the
// runnable examples (predictions.ts): each candidate change of each example (mutations.ts) is run
// with the browser's runtimes in Node, and the wrong choices are taken from what the changed
// programs really print. Writes <content>/example-predictions.json and prints each card.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { collectExamples } from './collect.ts';
import { pythonMutants, sqlMutants, type Mutant } from './mutations.ts';
import { createNodeRunners } from './node-runner.ts';
import { PREDICTIONS_FILE, writePredictions, type Predictions } from './prediction-records.ts';
import { canPredict, chooseWrong, printed, runChange, WRONG_CHOICES } from './predictions.ts';
import { readRecords } from './records.ts';
import type { RecordedRun } from './rules.ts';

const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' } } });
const contentDir = resolve(values.content);
const records = readRecords(contentDir);
const runners = await createNodeRunners();
const predictions: Predictions = {};
let examined = 0;
try {
	for (const example of collectExamples(contentDir)) {
		const recorded = records[example.key];
		if (!canPredict(example, recorded)) continue;
		examined++;
		const runtime = example.verdict.runtime;
		// A recursive query changed by one may never end, and PGlite cannot be interrupted.
		if (runtime === 'sql' && /\bRECURSIVE\b/i.test(example.code)) continue;
		const mutants: Mutant[] = runtime === 'python' ? pythonMutants(runners.pyodide, example.code) : sqlMutants(example.code);
		const runs: { mutant: Mutant; run: RecordedRun }[] = [];
		for (const mutant of mutants) runs.push({ mutant, run: await runChange(runners, example, mutant.code) });
		const answer = printed(recorded);
		const usable = chooseWrong(answer, runs);
		// Too few to choose from: the reader types the output.
		const choices = usable.length >= WRONG_CHOICES.min ? usable : [];
		predictions[example.key] = { hash: example.hash, answer, choices };
		console.log(`\n${example.key}: ${mutants.length} changes, ${choices.length ? `${choices.length} wrong choices` : 'typed'}`);
		for (const choice of choices) console.log(`  ${choice.kind}, ${choice.change}\n${choice.output.replace(/^/gm, '    ')}`);
	}
} finally {
	await runners.close();
}
writePredictions(contentDir, predictions);
const typed = Object.values(predictions).filter((card) => card.choices.length === 0).length;
console.log(`\n${Object.keys(predictions).length} cards (${typed} typed) of ${examined} examples with a short output, in ${values.content}/${PREDICTIONS_FILE}.`);
process.exit(0);
