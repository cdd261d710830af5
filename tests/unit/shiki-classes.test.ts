import { bundledThemes, createHighlighter, type ThemeRegistration } from 'shiki';
import { describe, expect, test } from 'vitest';
import { classesIn, codeColorCss, keepCodeColors, scopeClasses, tokenClasses, transformerColorClasses } from '../../src/markdown/shiki-classes.ts';

const theme = async (name: 'github-light-default' | 'github-dark-default') => (await bundledThemes[name]()).default as ThemeRegistration;
const themes = { light: await theme('github-light-default'), dark: await theme('github-dark-default') };
const css = codeColorCss(themes);

describe('tokenClasses', () => {
	test('returns one colour class per theme', () => {
		expect(tokenClasses('--shiki-light:#24292E;--shiki-dark:#E1E4E8')).toEqual(['sl-24292e', 'sd-e1e4e8']);
	});

	test('returns a font class when both themes agree', () => {
		expect(tokenClasses('--shiki-light:#fff;--shiki-dark:#000;--shiki-light-font-style:italic;--shiki-dark-font-style:italic')).toEqual([
			'sl-fff',
			'sd-000',
			'sf-font-style-italic',
		]);
	});

	test('refuses a style it cannot express as a class', () => {
		expect(() => tokenClasses('user-select: none')).toThrow('cannot express as a class: "user-select: none"');
		expect(() => tokenClasses('--shiki-light-font-style:italic;--shiki-dark-font-style:bold')).toThrow('disagree');
	});
});

describe('codeColorCss', () => {
	test('gives every class a highlighted block uses a rule, and leaves no style attribute', async () => {
		const highlighter = await createHighlighter({
			themes: ['github-light-default', 'github-dark-default'],
			langs: ['python', 'bash', 'dockerfile', 'sql', 'yaml', 'markdown', 'json'],
		});
		const samples: Record<string, string> = {
			python: 'import asyncio\n@dataclass\nclass A(B):\n    async def f(self, x: int = 1) -> str:\n        return f"{x!r}"  # comment',
			bash: 'python -m venv venv && source venv/bin/activate\necho "$HOME" | grep -i x > out.txt',
			dockerfile: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\nCMD ["python", "main.py"]',
			sql: "SELECT a, COUNT(*) FROM t LEFT JOIN u ON t.id = u.id WHERE x > 1 GROUP BY a HAVING COUNT(*) > 2; -- note",
			yaml: 'apiVersion: v1\nkind: Secret\ndata:\n  password: cGFzcw== # base64',
			markdown: '# Title\n*italic* **bold** ~~struck~~ [link](https://x)',
			json: '{"a": [1, true, null]}',
		};
		for (const [lang, code] of Object.entries(samples)) {
			const html = highlighter.codeToHtml(code, {
				lang,
				themes: { light: 'github-light-default', dark: 'github-dark-default' },
				defaultColor: false,
				transformers: [transformerColorClasses()],
			});
			expect(html, lang).not.toContain('style=');
			for (const [, name] of html.matchAll(/\b((?:sl|sd|sf)-[\w-]+)/g)) {
				expect(css, `${lang}: no rule for .${name}`).toContain(`.${name}{`);
			}
		}
	});

	test('sets both themes’ block colours on .astro-code', () => {
		expect(css).toContain('.astro-code{--sl:#1f2328;--sd:#e6edf3;--sl-bg:#ffffff;--sd-bg:#0d1117}');
	});
});

describe('scopeClasses', () => {
	test('returns the classes Shiki’s block gives a token of those scopes', () => {
		// `def` in a block: <span class="sl-cf222e sd-ff7b72">def</span>.
		expect(scopeClasses(themes, ['source.python', 'meta.function.python', 'storage.type.function.python'])).toEqual(['sl-cf222e', 'sd-ff7b72']);
		expect(scopeClasses(themes, ['source.python', 'comment.line.number-sign.python'])).toEqual(['sl-6e7781', 'sd-8b949e']);
	});

	test('takes an inner scope’s rule over an outer one’s, keeps the outer one’s where the inner has none, and the plain text where none matches', () => {
		expect(scopeClasses(themes, ['source.python', 'string.quoted.single.python'])).toEqual(['sl-0a3069', 'sd-a5d6ff']);
		expect(scopeClasses(themes, ['source.python', 'string.quoted.single.python', 'constant.character.escape.python'])).toEqual(['sl-cf222e', 'sd-ff7b72']);
		expect(scopeClasses(themes, ['source.python', 'string.quoted.single.python', 'meta.no-rule.python'])).toEqual(['sl-0a3069', 'sd-a5d6ff']);
		expect(scopeClasses(themes, ['source.python', 'meta.function-call.generic.python'])).toEqual(['sl-1f2328', 'sd-e6edf3']);
	});
});

describe('keepCodeColors', () => {
	test('keeps the colour and font rules of the classes given, and drops the others', () => {
		const kept = keepCodeColors(css, new Set(['astro-code', 'sl-cf222e', 'sd-ff7b72', 'sf-font-style-italic']));
		expect(kept.match(/\.s[ldf]-[\w-]+\{/g)).toEqual(['.sl-cf222e{', '.sd-ff7b72{', '.sf-font-style-italic{']);
		expect(kept).toContain('.astro-code{--sl:#1f2328;--sd:#e6edf3;--sl-bg:#ffffff;--sd-bg:#0d1117}');
	});

	test('leaves every other rule as it is', () => {
		expect(keepCodeColors('.astro-code span{color:red}.sl-0550ae{--sl:#0550ae}.sd-79c0ff{--sd:#79c0ff}', new Set(['sd-79c0ff']))).toBe(
			'.astro-code span{color:red}.sd-79c0ff{--sd:#79c0ff}',
		);
	});
});

describe('classesIn', () => {
	test('returns the classes the elements of an HTML page carry', () => {
		expect([...classesIn('<pre class="astro-code"><span class="sl-cf222e sd-ff7b72">def</span><span>x</span></pre>')]).toEqual(['astro-code', 'sl-cf222e', 'sd-ff7b72']);
	});
});
