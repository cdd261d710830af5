import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { answerFacts } from '../lib/answer-facts.ts';

/**
 * Leaves the answer's facts (description, editor's notes, runnable examples) in data.astro.frontmatter,
 * which Astro keeps with the rendered HTML (remarkPluginFrontmatter): src/data/content.ts reads them
 * there. Last in the list, so that a plugin before it has failed on a broken note or example first.
 */
export function remarkAnswerFacts() {
	return (tree: Root, file: VFile) => {
		const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
		(astro.frontmatter ??= {})['facts'] = answerFacts(tree);
	};
}
