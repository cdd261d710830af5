import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createStaticServer, resolveRequest } from '../../scripts/serve.ts';

// A tiny built site: home, a question folder, a stylesheet and the 404 page.
const root = mkdtempSync(join(tmpdir(), 'serve-'));
mkdirSync(join(root, 'q/7'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<p>home</p>');
writeFileSync(join(root, '404.html'), '<p>not here</p>');
writeFileSync(join(root, 'q/7/index.html'), '<p>question 7</p>');
writeFileSync(join(root, 'site.css'), 'body { color: black; }'.repeat(50));
writeFileSync(join(root, 'secret.txt'), 'outside the base');

describe('resolveRequest', () => {
	const site = { root };

	test('redirects a folder address without its trailing slash to the slashed one', () => {
		expect(resolveRequest('/q/7', site)).toEqual({ kind: 'redirect', location: '/q/7/' });
	});

	test('serves a folder’s index.html and a file as they are', () => {
		expect(resolveRequest('/q/7/', site)).toEqual({ kind: 'file', file: join(root, 'q/7/index.html'), status: 200 });
		expect(resolveRequest('/site.css', site)).toEqual({ kind: 'file', file: join(root, 'site.css'), status: 200 });
	});

	test('answers the 404 page for a missing path, a path that climbs out, or a protocol-relative one', () => {
		for (const path of ['/nope/', '/nope', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '//q/7', '/%E0%A4%A']) {
			expect(resolveRequest(path, site)).toEqual({ kind: 'file', file: join(root, '404.html'), status: 404 });
		}
	});

	test('serves only under the base path, and sends the bare base to the slashed one', () => {
		const underBase = { root, base: '/guide/' };
		expect(resolveRequest('/guide/q/7', underBase)).toEqual({ kind: 'redirect', location: '/guide/q/7/' });
		expect(resolveRequest('/guide', underBase)).toEqual({ kind: 'redirect', location: '/guide/' });
		expect(resolveRequest('/secret.txt', underBase)).toMatchObject({ status: 404 });
		expect(resolveRequest('/guide/secret.txt', underBase)).toMatchObject({ status: 200 });
	});
});

describe('createStaticServer', () => {
	const server = createStaticServer({ root });
	let origin = '';
	beforeAll(async () => {
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((done) => server.close(() => done())));

	test('answers 301 with the slashed address, keeping the query', async () => {
		const response = await fetch(`${origin}/q/7?from=share`, { redirect: 'manual' });
		expect(response.status).toBe(301);
		expect(response.headers.get('location')).toBe('/q/7/?from=share');
	});

	test('answers the 404 page with status 404', async () => {
		const response = await fetch(`${origin}/missing/`);
		expect(response.status).toBe(404);
		expect(await response.text()).toBe('<p>not here</p>');
	});

	test('gzips text when asked and names its type', async () => {
		const response = await fetch(`${origin}/site.css`, { headers: { 'accept-encoding': 'gzip' } });
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
		expect(await response.text()).toContain('body { color: black; }');
	});
});
