// What every built page's <head> must carry: the cascade-layer order first, and a strict CSP.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SANDBOX_SCRIPT } from '../../src/examples/sandbox.ts';
import { inlineCode, sha256Source } from '../../src/lib/csp.ts';
import { LAYER_ORDER_CSS } from '../../src/styles/layer-order.ts';
import { lightColour, THEME_COLOURS } from '../../src/styles/palette.ts';
import { distDir, readBuiltPages } from '../helpers/dist.ts';

const pages = readBuiltPages().filter((page) => !page.path.startsWith('/q/'));

describe.each(pages.map((page) => [page.path, page.file]))('%s', (_, file) => {
	const html = readFileSync(join(distDir, file), 'utf8');

	test('declares the cascade layers before any other style: every stylesheet starts with their order', () => {
		const sheets = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
		expect(sheets.length).toBeGreaterThan(0);
		for (const sheet of sheets) expect(sheet.startsWith(LAYER_ORDER_CSS), sheet.slice(0, 80)).toBe(true);
	});

	test('carries the rule of each code colour its code blocks use, and of no other', () => {
		const css = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('');
		const ruled = [...css.matchAll(/\.((?:sl|sd)-[0-9a-f]+|sf-[a-z-]+)\{/g)].map((match) => match[1]!);
		const used = [...html.matchAll(/\sclass="([^"]*)"/g)].flatMap((match) => match[1]!.split(' ')).filter((name) => /^(?:(?:sl|sd)-[0-9a-f]+|sf-[a-z-]+)$/.test(name));
		expect(ruled.sort()).toEqual([...new Set(used)].sort());
	});

	test('has a Content-Security-Policy without unsafe-inline or unsafe-eval, that lets WebAssembly run', () => {
		const policy = html.match(/<meta http-equiv="content-security-policy" content="([^"]*)"/)?.[1] ?? '';
		const scriptSrc = policy.match(/script-src ([^;]*)/)?.[1] ?? '';
		const styleSrc = policy.match(/style-src ([^;]*)/)?.[1] ?? '';
		expect(scriptSrc).toContain("'self'");
		expect(scriptSrc).toContain("'wasm-unsafe-eval'");
		expect(`${scriptSrc} ${styleSrc}`).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
		expect(policy).toContain("object-src 'none'");
		expect(html).not.toMatch(/\sstyle="/);
	});

	test('allows exactly the inline scripts and styles the page holds (and its examples’ sandbox frame), by their hashes', () => {
		const policy = html.match(/<meta http-equiv="content-security-policy" content="([^"]*)"/)?.[1] ?? '';
		const listed = [...policy.matchAll(/'(sha256-[^']+)'/g)].map((match) => match[1]).sort();
		// A page that runs examples loads their controls (study and print pages show examples, and run none).
		const hasExamples = html.includes('/examples-controls.');
		const own = [...new Set([...inlineCode(html), ...(hasExamples ? [SANDBOX_SCRIPT] : [])].map(sha256Source))].sort();
		expect(own.length).toBeGreaterThan(0);
		expect(listed).toEqual(own);
		// The sandbox frame inherits this policy and makes its runner from a blob: URL; other pages make no worker but the offline one.
		expect(policy.match(/worker-src ([^;]*)/)?.[1]?.trim()).toBe(hasExamples ? "'self' blob:" : undefined);
	});
});

describe('the built colours', () => {
	const html = readFileSync(join(distDir, 'index.html'), 'utf8');
	test.each(Object.entries(THEME_COLOURS))('--sg-color-%s comes from src/styles/palette.ts', (name, [light, dark]) => {
		// The minifier shortens #ffffff to #fff.
		const short = (hex: string) => hex.replace(/^#(\w)\1(\w)\2(\w)\3$/, '#$1$2$3');
		expect(html).toContain(`--sg-color-${name}:light-dark(${short(light)},${short(dark)})`);
	});

	test('theme-color is the light accent', () => {
		expect(html).toContain(`<meta name="theme-color" content="${lightColour('accent')}">`);
	});
});

describe('the built scripts', () => {
	test('carry no Vite preload helper (src/integrations/plain-dynamic-imports.ts)', () => {
		const scripts = readdirSync(join(distDir, '_astro')).filter((file) => file.endsWith('.js'));
		expect(scripts.length).toBeGreaterThan(0);
		// The helper's chunk, an import of it, or its code (the rel it picks, its CSP nonce lookup).
		expect(scripts.filter((file) => /preload-helper/.test(file) || /preload-helper|modulepreload|csp-nonce/.test(readFileSync(join(distDir, '_astro', file), 'utf8')))).toEqual([]);
	});
});
