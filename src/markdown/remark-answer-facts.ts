import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { classifyExample } from '../examples/rules.ts';
import type { AnswerFacts } from '../lib/answer-facts.ts';
import { firstSentence } from '../lib/describe.ts';
import { EDITOR_NOTE } from '../lib/editor-notes.ts';

/** The facts of an answer's mdast tree, parsed as the site parses answers (GFM and directives). */
export function answerFacts(tree: Root): AnswerFacts {
	let editorNotes = 0;
	let runnableExamples = 0;
	visit(tree, (node) => {
		if (node.type === 'containerDirective' && node.name === EDITOR_NOTE) editorNotes++;
		if (node.type === 'code' && classifyExample(node.lang, node.meta, node.value)?.runnable) runnableExamples++;
	});
	return { description: firstSentence(tree), editorNotes, runnableExamples };
}

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
