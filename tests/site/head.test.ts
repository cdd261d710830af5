// What every built page's <head> must carry: the cascade-layer order first, and a strict CSP.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LAYER_ORDER_CSS } from '../../src/styles/layer-order.ts';
import { distDir, readBuiltPages } from '../helpers/dist.ts';

const pages = readBuiltPages().filter((page) => !page.path.startsWith('/q/'));

describe.each(pages.map((page) => [page.path, page.file]))('%s', (_, file) => {
	const html = readFileSync(join(distDir, file), 'utf8');

	test('declares the cascade layers before any other style', () => {
		expect(html.match(/<style>([^<]*)<\/style>/)?.[1]).toBe(LAYER_ORDER_CSS);
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
});
