import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, test, vi } from 'vitest';
import { markdownOptions, markdownOptionsFor, renderMarkdown } from '../../src/markdown/index.ts';
import { isKnownLanguage } from '../../src/markdown/remark-known-languages.ts';
import { isSiteLink } from '../../src/markdown/remark-site-links.ts';

// The same plugins and Shiki settings, from the same module, as astro.config.ts uses.
const processor = await createMarkdownProcessor(markdownOptions);
const render = async (markdown: string) =>
	(await processor.render(markdown, { fileURL: new URL('file:///project/content/questions/q.md') })).code;

/**
 * Renders Markdown that must fail. Astro's processor logs the error before rethrowing it; the log is
 * expected, so it is checked here (the same error, once) instead of printed into the test output.
 */
async function renderFailing(markdown: string): Promise<string> {
	const log = vi.spyOn(console, 'error').mockImplementation(() => {});
	try {
		return await render(markdown);
	} catch (error) {
		expect(log.mock.calls).toEqual([[error]]);
		throw error;
	} finally {
		log.mockRestore();
	}
}

describe('isKnownLanguage', () => {
	test('knows the guide’s languages and their aliases, and plain text', () => {
		for (const lang of ['python', 'py', 'bash', 'sh', 'dockerfile', 'sql', 'yaml', 'text']) {
			expect(isKnownLanguage(lang)).toBe(true);
		}
		expect(isKnownLanguage('pyhton')).toBe(false);
	});
});

describe('remarkKnownLanguages', () => {
	test('fails on an unknown code language, naming the file, the line and the language', async () => {
		const rendering = renderFailing('Intro\n\n```pyhton\nprint(1)\n```\n');
		await expect(rendering).rejects.toThrow('/project/content/questions/q.md:3: unknown code language "pyhton"');
	});

	test('lets a fence without a language through', async () => {
		await expect(render('```\nplain\n```\n')).resolves.toContain('<pre');
	});
});

describe('rehypeAnswerAnchors', () => {
	test('gives the guide’s labelled parts an id and an anchor link after the colon', async () => {
		const html = await render('- **In-depth Explanation**:\n  - Text.\n- **Example** (`argparse`):\n  ```python\n  x = 1\n  ```\n');
		expect(html).toContain('<li id="in-depth-explanation"><strong>In-depth Explanation</strong>:<a class="anchor" href="#in-depth-explanation"');
		expect(html).toContain('<li id="example"><strong>Example</strong> (<code>argparse</code>):<a class="anchor" href="#example"');
	});

	test('gives headings an id and puts the anchor beside the heading, not in it', async () => {
		const html = await render('## Why it matters\n\nText.\n');
		expect(html).toMatch(/<div class="heading-anchor"><h2 id="why-it-matters">Why it matters<\/h2><a class="anchor" href="#why-it-matters"/);
	});

	test('leaves items that go on with text after the label alone', async () => {
		const html = await render('- **Study & Memorize**: Focus on the key points.\n');
		expect(html).toBe('<ul>\n<li><strong>Study &#x26; Memorize</strong>: Focus on the key points.</li>\n</ul>');
	});

	test('hands the page the answer’s parts in order, editor’s notes included, for its "On this page" list', async () => {
		const rendered = await processor.render('- **In-depth Explanation**:\n  - Text.\n- **Example**:\n  - x\n\n:::editor-note[A fix]\nBody.\n:::\n', {
			fileURL: new URL('file:///project/content/questions/q.md'),
		});
		expect(rendered.metadata.frontmatter['parts']).toEqual([
			{ id: 'in-depth-explanation', label: 'In-depth Explanation' },
			{ id: 'example', label: 'Example' },
			{ id: 'editors-note-1', label: 'Editor’s note' },
		]);
	});

	test('leaves nested labelled items alone', async () => {
		const html = await render('- **Outer**:\n  - **Inner**:\n    - text\n');
		expect(html).not.toContain('id="inner"');
	});
});

describe('remarkSafeHtml', () => {
	test.each([
		['a <script> block', 'Text\n\n<script>alert(1)</script>\n', 3, 'raw HTML <script> is not allowed'],
		['an <iframe>', 'Text <iframe src="https://x.test"></iframe>\n', 1, 'raw HTML <iframe> is not allowed'],
		['an on*= handler on an allowed tag', 'Press <kbd onclick="x()">K</kbd>\n', 1, 'the attribute "onclick" on <kbd> is not allowed'],
		['a javascript: link', 'A [link](javascript:alert(1))\n', 1, 'a link to "javascript:alert(1)" is not allowed'],
		['a data: image', '![x](data:text/html,hi)\n', 1, 'a link to "data:text/html,hi" is not allowed'],
		['an unterminated tag with a handler', 'Text\n\n<details open ontoggle=alert(1)\n', 3, 'raw HTML <details> is not allowed'],
		['a <body> tag the parser drops', 'Text\n\n<body onload=alert(1)>\n', 3, 'raw HTML <body> is not allowed'],
		['an unterminated allowed tag in an HTML block', 'Text\n\n<kbd>\n<abbr title="x"\n', 3, 'the raw HTML "<kbd> <abbr title="x"" cannot be parsed (eof-in-tag)'],
		['an image from another site', 'See ![a chart](https://example.com/chart.png)\n', 1, 'the image "https://example.com/chart.png" is on another site'],
		['a scheme-relative image', 'See ![a chart](//example.com/chart.png)\n', 1, 'the image "//example.com/chart.png" is on another site'],
		['an external image by reference', 'See ![a chart][c]\n\n[c]: https://example.com/c.png\n', 3, 'the image "https://example.com/c.png" is on another site'],
	])('fails on %s, naming the file and line', async (_, markdown, line, message) => {
		await expect(renderFailing(markdown)).rejects.toThrow(`/project/content/questions/q.md:${line}: ${message}`);
	});

	test('lets a link to another site and an image of this site through', async () => {
		const html = await render('See [the docs](https://docs.python.org/3/) and ![a chart](/images/chart.png).\n');
		expect(html).toContain('href="https://docs.python.org/3/"');
		expect(html).toContain('src="/images/chart.png"');
	});

	test('lets allow-listed tags through', async () => {
		await expect(render('Press <kbd>Ctrl</kbd>+<kbd>K</kbd>, see <abbr title="Global Interpreter Lock">GIL</abbr>.\n')).resolves.toContain(
			'<kbd>Ctrl</kbd>',
		);
	});
});

describe('remarkSiteLinks', () => {
	const links = '[q7](/python-fundamentals/gil/#editors-note-1) [ref][r] [web](https://example.com/) [here](#example) [cdn](//cdn.test/x)\n\n[r]: /q/7/\n';

	test('serves links written from the site’s root under the base path, and leaves every other link alone', async () => {
		const underGuide = await createMarkdownProcessor(markdownOptionsFor('/guide/'));
		const html = (await underGuide.render(links)).code;
		expect(html).toContain('<a href="/guide/python-fundamentals/gil/#editors-note-1">q7</a>');
		expect(html).toContain('<a href="/guide/q/7/">ref</a>');
		expect(html).toContain('<a href="https://example.com/">web</a>');
		expect(html).toContain('<a href="#example">here</a>');
		expect(html).toContain('<a href="//cdn.test/x">cdn</a>');
	});

	test('keeps the answer as plain HTML for the exports, its links to the site at the site’s full address', async () => {
		const { metadata } = await (await createMarkdownProcessor(markdownOptionsFor('/guide/', 'https://example.org'))).render(links);
		const exportHtml = metadata.frontmatter['exportHtml'];
		expect(exportHtml).toBe(renderMarkdown(links, { siteUrl: 'https://example.org/guide/' }));
		expect(exportHtml).toContain('<a href="https://example.org/guide/python-fundamentals/gil/#editors-note-1">q7</a>');
	});

	test('at the root, keeps the links as written', async () => {
		await expect(render(links)).resolves.toContain('<a href="/python-fundamentals/gil/#editors-note-1">q7</a>');
	});

	test('isSiteLink: a path from the root, not a protocol-relative URL', () => {
		expect([isSiteLink('/a/'), isSiteLink('//a/'), isSiteLink('a/'), isSiteLink('#a'), isSiteLink('https://a/')]).toEqual([true, false, false, false, false]);
	});
});

describe('remarkEditorNotes', () => {
	const note = ':::editor-note[Nothing puts the `None` sentinel]\nThe consumer never stops.\n\n```python\nq.put(None)\n```\n:::\n';

	test('renders a note as a labelled aside, with an id to link to, left out of the search index', async () => {
		const html = await render(`- **Example**:\n  the guide's text\n\n${note}\n${note.replace('Nothing', 'Second')}`);
		expect(html).toContain(
			'<aside class="editor-note" id="editors-note-1" aria-labelledby="editors-note-1-title" data-pagefind-ignore="all">' +
				'<p class="editor-note-title" id="editors-note-1-title"><strong>Editor’s note:</strong> Nothing puts the <code>None</code> sentinel</p>',
		);
		expect(html).toContain('id="editors-note-2"');
		expect(html).toContain('<p>The consumer never stops.</p>');
		expect(html).toMatch(/<pre class="astro-code[^"]*"[^>]*><code>/);
	});

	test('fails on a note without a title, naming the file and line', async () => {
		await expect(renderFailing('Text\n\n:::editor-note\nNo title.\n:::\n')).rejects.toThrow(
			/content\/questions\/q\.md:3: an editor's note needs a title/,
		);
	});

	test('fails on any other directive, so no ":name" text is silently dropped', async () => {
		await expect(renderFailing('Text\n\n:::warning[Careful]\nBody\n:::\n')).rejects.toThrow(/q\.md:3: unknown directive ":::warning"/);
		await expect(renderFailing('Send the header X-Key:value here.\n')).rejects.toThrow(/q\.md:1: unknown directive ":value"/);
	});
});
