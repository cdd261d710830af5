// Astro's security.csp writes into every page's policy the hash of every inline script and style of
// the whole build (on a question page, 25 hashes where it holds 5: about 1 KB of its 10 KB). A page
// needs only its own, so the policy each page gets keeps the hashes of the code that page holds.

import { createHash } from 'node:crypto';

/** A CSP hash source of a text: `sha256-<base64>`, as Astro writes it (without the quotes). */
export type HashOf = (text: string) => string;

/** The SHA-256 hash source of an inline script's or stylesheet's text. */
export const sha256Source = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}` as const;

/** A <script> whose type is neither JavaScript nor a module (JSON data): never run, so no policy applies to it. */
function isDataBlock(attributes: string): boolean {
	const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
	return type !== undefined && type !== 'module' && !/^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(type);
}

/**
 * The contents of a page's inline scripts and styles (not a data block's: it is not run). Their elements hold raw text, which ends at
 * the first closing tag of the element (HTML's tokenizer rule), so they are found without a parser.
 */
export function inlineCode(html: string): string[] {
	const code: string[] = [];
	for (const [, name, attributes, text] of html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi)) {
		if (name!.toLowerCase() === 'script' && (/\ssrc\s*=/i.test(attributes!) || isDataBlock(attributes!))) continue;
		code.push(text!);
	}
	return code;
}

/**
 * The page with only its own hashes in its <meta> Content-Security-Policy (and `framed`: those of
 * the scripts of `srcdoc` frames the page makes, which inherit its policy): every other source of
 * the policy is kept as it is. Throws, naming the hash, when the page holds inline code the policy
 * did not allow, so that a page never ships a policy that blocks its own code.
 */
export function keepOwnHashes(html: string, hashOf: HashOf, page: string, framed: readonly string[] = []): string {
	const meta = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i.exec(html);
	if (!meta) return html;
	const own = new Set([...inlineCode(html).map(hashOf), ...framed]);
	const listed = new Set([...meta[2]!.matchAll(/'(sha(?:256|384|512)-[^']+)'/g)].map((match) => match[1]!));
	for (const hash of own) {
		if (!listed.has(hash)) throw new Error(`${page}: inline code with hash ${hash} is not allowed by the page's Content-Security-Policy`);
	}
	const policy = meta[2]!.replace(/\s*'(sha(?:256|384|512)-[^']+)'/g, (source, hash: string) => (own.has(hash) ? source : ''));
	return html.slice(0, meta.index) + meta[1] + policy + meta[3] + html.slice(meta.index + meta[0].length);
}

/**
 * The page with each inline stylesheet passed through `rewrite`, and in its <meta> policy the hash
 * of each stylesheet changed put where its old hash was. A stylesheet the policy did not allow stays
 * unallowed (keepOwnHashes then refuses the page): only what Astro hashed can be rewritten.
 */
export function rewriteInlineStyles(html: string, hashOf: HashOf, rewrite: (css: string) => string): string {
	const renamed = new Map<string, string>();
	const rewritten = html.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi, (element, open: string, css: string, close: string) => {
		const next = rewrite(css);
		if (next === css) return element;
		renamed.set(hashOf(css), hashOf(next));
		return open + next + close;
	});
	if (renamed.size === 0) return rewritten;
	return rewritten.replace(/(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i, (_, start: string, policy: string, end: string) =>
		start + policy.replace(/'(sha(?:256|384|512)-[^']+)'/g, (source, hash: string) => (renamed.has(hash) ? `'${renamed.get(hash)}'` : source)) + end,
	);
}
