import { describe, expect, test } from 'vitest';
import { inlineCode, keepOwnHashes, rewriteInlineStyles } from '../../src/lib/csp.ts';

const hashOf = (text: string) => `sha256-${text.length}`;
const page = (policy: string, body: string) => `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;

describe('inlineCode', () => {
	test('finds inline scripts and styles, not scripts loaded by src, and ends each at its own closing tag', () => {
		const html = '<style>a{}</style><script>x()</script><script type="module" src="/a.js"></script><script type="module">"</div>"</script><STYLE >b{}</STYLE >';
		expect(inlineCode(html)).toEqual(['a{}', 'x()', '"</div>"', 'b{}']);
	});

	test('leaves out data blocks, which are never run, and keeps every kind of script that is', () => {
		const html =
			'<script type="application/json">{"a":1}</script><script type=application/ld+json>{}</script>' +
			'<script type="text/javascript">a()</script><script type="MODULE">b()</script><script type="application/ecmascript">c()</script>';
		expect(inlineCode(html)).toEqual(['a()', 'b()', 'c()']);
	});
});

describe('keepOwnHashes', () => {
	test('keeps the hashes of the page’s own code and every other source, and drops the rest', () => {
		const html = page("default-src 'self'; script-src 'self' 'sha256-3' 'sha256-9'; style-src 'self' 'sha256-1' 'sha256-4'", '<script>x()</script><style>a{}</style>');
		expect(keepOwnHashes(html, hashOf, '/q/')).toBe(page("default-src 'self'; script-src 'self' 'sha256-3'; style-src 'self'", '<script>x()</script><style>a{}</style>'));
	});

	test('refuses a page whose inline code its policy does not allow, naming the page and the hash', () => {
		const html = page("script-src 'self' 'sha256-9'", '<script>x()</script>');
		expect(() => keepOwnHashes(html, hashOf, '/q/7/')).toThrow("/q/7/: inline code with hash sha256-3 is not allowed by the page's Content-Security-Policy");
	});

	test('leaves a page without a policy as it is', () => {
		expect(keepOwnHashes('<p>hi</p><script>x()</script>', hashOf, '/')).toBe('<p>hi</p><script>x()</script>');
	});

	test('keeps the hashes of the scripts of frames the page makes, which the page itself does not hold', () => {
		const html = page("script-src 'sha256-3' 'sha256-99' 'sha256-7'", '<script>x()</script>');
		expect(keepOwnHashes(html, hashOf, '/q/', ['sha256-99'])).toBe(page("script-src 'sha256-3' 'sha256-99'", '<script>x()</script>'));
	});
});

describe('rewriteInlineStyles', () => {
	const addRule = (css: string) => (css.startsWith('a') ? `${css}b{}` : css);

	test('puts a rewritten stylesheet’s hash where its old one was, and leaves everything else as it is', () => {
		const html = page("default-src 'self'; style-src 'self' 'sha256-3' 'sha256-9'", '<style>a{}</style><style>c{}</style>');
		expect(rewriteInlineStyles(html, hashOf, addRule)).toBe(page("default-src 'self'; style-src 'self' 'sha256-6' 'sha256-9'", '<style>a{}b{}</style><style>c{}</style>'));
	});

	test('allows no stylesheet the policy did not allow before', () => {
		const rewritten = rewriteInlineStyles(page("style-src 'self'", '<style>a{}</style>'), hashOf, addRule);
		expect(rewritten).toBe(page("style-src 'self'", '<style>a{}b{}</style>'));
		expect(() => keepOwnHashes(rewritten, hashOf, '/q/')).toThrow('inline code with hash sha256-6 is not allowed');
	});
});
