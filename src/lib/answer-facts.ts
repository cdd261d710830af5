/**
 * What the pages need to know about an answer besides its HTML. Worked out while the answer renders
 * (answerFacts in src/markdown/remark-answer-facts.ts), so it is kept with the HTML between builds, not parsed again
 * for every page that asks.
 */
export interface AnswerFacts {
	/** The page's meta description: the answer's first sentence. */
	description: string;
	/** How many editor's notes the answer holds (its frontmatter must say the same). */
	editorNotes: number;
	/** How many of its examples a reader can run (the page then loads the controls). */
	runnableExamples: number;
}

/** The facts as rendering left them in an entry's metadata, or undefined when they are missing or malformed. */
export function readAnswerFacts(value: unknown): AnswerFacts | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const { description, editorNotes, runnableExamples } = value as Record<string, unknown>;
	if (typeof description !== 'string' || !Number.isInteger(editorNotes) || !Number.isInteger(runnableExamples)) return undefined;
	return { description, editorNotes: editorNotes as number, runnableExamples: runnableExamples as number };
}
