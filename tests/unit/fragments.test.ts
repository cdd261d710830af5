import { describe, expect, test } from 'vitest';
import { prefixFragmentIds, prefixFragmentIdsCached } from '../../src/lib/fragments.ts';

describe('prefixFragmentIds', () => {
	test('prefixes ids and the same-page links to them, and leaves other links alone', () => {
		const html = '<li id="example"><a class="anchor" href="#example">#</a> <a href="#elsewhere">x</a> <a href="/q/7/#example">y</a></li>';
		expect(prefixFragmentIds(html, 'gil')).toBe(
			'<li id="gil-example"><a class="anchor" href="#gil-example">#</a> <a href="#elsewhere">x</a> <a href="/q/7/#example">y</a></li>',
		);
	});

	test('follows the renamed ids in ARIA and label references, and leaves references to other ids alone', () => {
		const html = '<aside id="note" aria-labelledby="note-title other"><p id="note-title">Note</p><button aria-controls="note">x</button><label for="field">y</label></aside>';
		expect(prefixFragmentIds(html, 'q7')).toBe(
			'<aside id="q7-note" aria-labelledby="q7-note-title other"><p id="q7-note-title">Note</p><button aria-controls="q7-note">x</button><label for="field">y</label></aside>',
		);
	});

	test('keeps the code and text as they are', () => {
		const html = '<pre class="astro-code" tabindex="0"><code><span class="sl-1f2328">a &#x3C; b</span></code></pre>';
		expect(prefixFragmentIds(html, 'p')).toBe('<pre class="astro-code" tabindex="0"><code><span class="sl-1f2328">a &#x3C; b</span></code></pre>');
	});
});

describe('prefixFragmentIdsCached', () => {
	test('gives what prefixFragmentIds gives, for each prefix and HTML it is asked about', () => {
		const note = '<aside id="note" aria-labelledby="note-title"><p id="note-title">Note</p></aside>';
		const example = '<h2 id="example"><a href="#example">Example</a></h2>';
		for (const [html, prefix] of [[note, 'gil'], [note, 'q7'], [example, 'gil'], [note, 'gil'], [example, 'gil']] as const) {
			expect(prefixFragmentIdsCached(html, prefix)).toBe(prefixFragmentIds(html, prefix));
		}
	});
});
