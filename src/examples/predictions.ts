// "What does this print?" cards (issue 36): for a runnable example whose output is short and the same
// on every run, the real output and two or three wrong ones, each printed by a program that differs
// from the example by one small change that matters (mutations.ts). A wrong choice is offered only
// when its program really prints it: the recorder (predict.ts) runs every change, and the tests run
// every kept one again. Kept in content/example-predictions.json (prediction-records.ts) beside the
// recorded outputs. Node only.
import type { ContentExample } from './collect.ts';
import type { Mutant } from './mutations.ts';
import type { NodeRunners } from './node-runner.ts';
import type { WrongChoice } from './prediction-records.ts';
import { normalizeOutput, outputText, type RecordedRun } from './rules.ts';

/** Outputs longer than this are a reading exercise, not a prediction. */
export const PREDICTION_LIMITS = { lines: 10, characters: 400 } as const;
/**
 * Wrong choices a card offers: with the answer, three or four outputs. With fewer than the least,
 * the card asks the reader to type the output instead (choices: []).
 */
export const WRONG_CHOICES = { min: 2, max: 3 } as const;

/** What a run prints, as a card shows it: stdout for Python (a traceback is not a prediction), the tables for SQL. */
export function printed(run: RecordedRun): string {
	if (run.output.runtime === 'python') return run.output.chunks.filter((chunk) => chunk.stream === 'stdout').map((chunk) => chunk.text).join('');
	return outputText(run.output);
}

/** Whether an output can be a card's: some text, short, and nothing that changes between runs (an address). */
export function isPredictable(output: string): boolean {
	if (output.trim() === '' || output.length > PREDICTION_LIMITS.characters) return false;
	if (output.trimEnd().split('\n').length > PREDICTION_LIMITS.lines) return false;
	return normalizeOutput(output) === output;
}

/** Whether an example can have a card: runnable, its output known and predictable, read as given (no input, no clock). */
export function canPredict(example: ContentExample, recorded: RecordedRun | undefined): recorded is RecordedRun {
	if (!example.verdict.runnable || example.varies || example.verdict.input) return false;
	if (!recorded || recorded.hash !== example.hash || recorded.failed) return false;
	return isPredictable(printed(recorded));
}

/**
 * The wrong choices among the runs of the changed programs: those that end without an error and
 * print a predictable output other than the answer and each other, one of each kind of mistake
 * first, at most WRONG_CHOICES.max, in the order the code reads.
 */
export function chooseWrong(answer: string, runs: { mutant: Mutant; run: RecordedRun }[]): WrongChoice[] {
	const seen = new Set([answer.trimEnd()]);
	const usable: WrongChoice[] = [];
	for (const { mutant, run } of runs) {
		const output = printed(run);
		if (run.failed || !isPredictable(output) || seen.has(output.trimEnd())) continue;
		seen.add(output.trimEnd());
		usable.push({ ...mutant, output });
	}
	const kinds = new Set<string>();
	const firstOfKind = usable.filter((choice) => !kinds.has(choice.kind) && kinds.add(choice.kind));
	const rest = usable.filter((choice) => !firstOfKind.includes(choice));
	return [...firstOfKind, ...rest].slice(0, WRONG_CHOICES.max);
}

/** A changed program may loop for ever (a bound moved by one): it is stopped after this many Python line events. */
const LINE_EVENTS = 200_000;

// A trace function that counts lines stops a program that would run for ever; it goes after each run.
const LIMIT_LINES = `
def _sg_limit_lines(limit):
    import sys
    count = 0
    def trace(frame, event, arg):
        nonlocal count
        count += 1
        if count > limit:
            sys.settrace(None)
            raise TimeoutError("stopped: too long")
        return trace
    sys.settrace(trace)
`;

/** Runs an example with its code changed, as the recorder and the tests do: a Python one within LINE_EVENTS. */
export async function runChange(runners: NodeRunners, example: ContentExample, code: string): Promise<RecordedRun> {
	const changed = { ...example, code };
	if (example.verdict.runtime !== 'python') return runners.run(changed);
	if (!runners.pyodide.globals.has('_sg_limit_lines')) runners.pyodide.runPython(LIMIT_LINES);
	runners.pyodide.globals.get('_sg_limit_lines')(LINE_EVENTS);
	try {
		return await runners.run(changed);
	} finally {
		runners.pyodide.runPython('import sys; sys.settrace(None)');
	}
}
