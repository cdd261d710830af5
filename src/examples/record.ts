// npm run examples:record [-- --content <dir>]: runs every runnable example with the browser's
// runtimes (in Node) and writes their outputs to <content>/example-outputs.json. Run it after
// reading what the tests say changed; it prints each new or changed output so you can look again.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { collectExamples } from './collect.ts';
import { createNodeRunners } from './node-runner.ts';
import { readRecords, RECORDS_FILE, writeRecords, type Records } from './records.ts';
import { compareRun, outputText } from './rules.ts';

const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' } } });
const contentDir = resolve(values.content);
const examples = collectExamples(contentDir);
const old = readRecords(contentDir);
const records: Records = {};
const runners = await createNodeRunners();
let changed = 0;
try {
	for (const example of examples) {
		if (!example.verdict.runnable) continue;
		const run = await runners.run(example);
		records[example.key] = run;
		const before = old[example.key];
		const problems = before ? compareRun(before, run, example.varies) : ['(new)'];
		if (problems.length === 0 && before?.hash === run.hash) continue;
		changed++;
		console.log(`\n${example.key} (line ${example.line})${run.failed ? ' ends in an error' : ''}:`);
		console.log(before ? problems.join('\n') : outputText(run.output).replace(/^/gm, '  '));
	}
} finally {
	await runners.close();
}
const dropped = Object.keys(old).filter((key) => !(key in records));
for (const key of dropped) console.log(`\n${key}: no longer a runnable example, record removed`);
writeRecords(contentDir, records);
console.log(`\n${Object.keys(records).length} outputs in ${values.content}/${RECORDS_FILE}: ${changed} new or changed, ${dropped.length} removed.`);
process.exit(0);
