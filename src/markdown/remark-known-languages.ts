import type { Code, Root } from 'mdast';
import { bundledLanguages, bundledLanguagesAlias } from 'shiki';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** Names Shiki treats as plain text on purpose. */
const PLAIN_TEXT = new Set(['plaintext', 'plain', 'text', 'txt']);

/** True when Shiki can highlight `lang` (or it names plain text). */
export function isKnownLanguage(lang: string): boolean {
	return PLAIN_TEXT.has(lang) || lang in bundledLanguages || lang in bundledLanguagesAlias;
}

/**
 * Fails the build on a code fence whose language Shiki does not know: left alone, Shiki would
 * only warn and show the block as plain text.
 */
export function remarkKnownLanguages() {
	return (tree: Root, file: VFile) => {
		visit(tree, 'code', (node: Code) => {
			if (!node.lang || isKnownLanguage(node.lang)) return;
			const line = node.position?.start.line ?? 0;
			file.fail(`${file.path}:${line}: unknown code language "${node.lang}" (use a Shiki language id, such as python, bash or dockerfile)`, node);
		});
	};
}
