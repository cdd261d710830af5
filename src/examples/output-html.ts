// The output area under a runnable example, as hast: the recorded output in the HTML (so a page
// without JavaScript is complete), and the same shape the page's controls fill after a Run.
import type { Element, ElementContent } from 'hast';
import type { RunOutput, SqlResult, StreamChunk } from './rules.ts';
import { SAMPLE_TABLES } from './sample-database.ts';

const h = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

/** A Python run's streams as one <pre>; what went to stderr (tracebacks) is marked. */
export function streamsHtml(chunks: readonly StreamChunk[]): Element {
	if (chunks.every((chunk) => chunk.text === '')) return h('p', { className: ['example-empty'] }, [text('Prints nothing.')]);
	return h(
		'pre',
		{ className: ['example-stream'], tabIndex: 0 },
		chunks.map((chunk) => (chunk.stream === 'stderr' ? h('span', { className: ['example-stderr'] }, [text(chunk.text)]) : text(chunk.text))),
	);
}

/** One SQL statement's result: a table with its row count, a command's tag, or the error. */
export function sqlResultHtml(result: SqlResult, index: number): Element {
	if (result.kind === 'command') return h('p', { className: ['example-command'] }, [text(result.tag)]);
	if (result.kind === 'error') return h('pre', { className: ['example-stream'], tabIndex: 0 }, [h('span', { className: ['example-stderr'] }, [text(`ERROR: ${result.message}`)])]);
	if (result.kind === 'omitted') return h('p', { className: ['example-count'] }, [text(`(${result.count} more ${result.count === 1 ? 'result' : 'results'} not shown: the output is too long)`)]);
	const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${n === 1 ? word : `${word}s`}`;
	const count = result.totalRows === undefined ? plural(result.rows.length, 'row') : `first ${result.rows.length.toLocaleString('en-US')} of ${plural(result.totalRows, 'row')}`;
	const columns = result.totalColumns === undefined ? '' : `; first ${result.columns.length} of ${plural(result.totalColumns, 'column')}`;
	const cut = `${columns}${result.cutValues ? `; ${plural(result.cutValues, 'long value')} cut` : ''}`;
	return h('div', { className: ['example-table'], tabIndex: 0, role: 'group', ariaLabel: `Result ${index + 1}, ${count}` }, [
		h('table', {}, [
			h('thead', {}, [h('tr', {}, result.columns.map((column) => h('th', { scope: 'col' }, [text(column)])))]),
			h(
				'tbody',
				{},
				result.rows.map((row) => h('tr', {}, row.map((value) => h('td', {}, [value === null ? h('span', { className: ['example-null'] }, [text('NULL')]) : text(value)])))),
			),
		]),
		h('p', { className: ['example-count'] }, [text(`(${count}${cut})`)]),
	]);
}

/** The body of the output area for a run. */
export function outputBody(output: RunOutput): Element[] {
	if (output.runtime === 'python') return [streamsHtml(output.chunks)];
	return output.results.map(sqlResultHtml);
}

/** The line under an SQL example that says what it runs against. */
export const SQL_CONTEXT = `Runs in a fresh PostgreSQL with the sample tables ${SAMPLE_TABLES.slice(0, -1).join(', ')} and ${SAMPLE_TABLES.at(-1)}.`;

/**
 * The output area: its label, then the recorded output. An example with a "what does this print?"
 * card keeps its output closed behind the label, so that the reader can predict it first.
 */
export function outputArea(output: RunOutput, { closed = false } = {}): Element {
	return h(closed ? 'details' : 'div', { className: ['example-output'] }, [
		h(closed ? 'summary' : 'p', { className: ['example-output-label'] }, [text('Output')]),
		h('div', { className: ['example-output-body'] }, outputBody(output)),
	]);
}
