// The only module that queries content collections: pages ask it for plain, checked data.
import { getCollection, type CollectionEntry } from 'astro:content';
import { existsSync, readFileSync } from 'node:fs';
import { CONFUSABLE_FILE, parseConfusable } from '../mock/confusable.ts';
import type { ConfusableGroup } from '../mock/rules.ts';
import { readAnswerFacts } from '../lib/answer-facts.ts';
import { readPredictionCards, type PredictionCard } from '../lib/prediction.ts';
import { checkGuide, groupBySection, sortByNumber, type QuestionInfo, type SectionGroup, type SectionInfo } from '../lib/guide.ts';

/** A question with its collection entry, ready to render. */
export interface Question extends QuestionInfo {
	entry: CollectionEntry<'questions'>;
	/** The answer as plain HTML for other apps, its links to the site absolute (remarkExportHtml). */
	exportHtml: string;
	/** Its examples' "what does this print?" cards (remarkRunnableExamples). */
	predictions: PredictionCard[];
}

/** The whole guide, checked and in reading order. */
export interface GuideContent {
	sections: SectionInfo[];
	questions: Question[];
	groups: SectionGroup<Question>[];
}

let guide: Promise<GuideContent> | undefined;

async function loadGuide(): Promise<GuideContent> {
	const sections = sortByNumber((await getCollection('sections')).map(({ data }) => data));
	const questions = sortByNumber(
		(await getCollection('questions')).map((entry) => {
			const file = entry.filePath ?? entry.id;
			// Rendered at sync (src/data/rendered-glob.ts), with the facts remarkAnswerFacts found and the
			// export's HTML remarkExportHtml made.
			const rendered = entry.rendered?.metadata?.frontmatter as Record<string, unknown> | undefined;
			const facts = readAnswerFacts(rendered?.['facts']);
			if (!facts) throw new Error(`${file}: rendering left no facts about the answer (src/markdown/remark-answer-facts.ts)`);
			const exportHtml = rendered?.['exportHtml'];
			if (typeof exportHtml !== 'string') throw new Error(`${file}: rendering left no HTML for the exports (remarkExportHtml in src/markdown/index.ts)`);
			const made = rendered?.['predictions'] ?? [];
			const predictions = readPredictionCards(made);
			if (!predictions || predictions.length !== (made as unknown[]).length)
				throw new Error(`${file}: rendering left malformed "what does this print?" cards (src/markdown/remark-runnable-examples.ts)`);
			return {
				...entry.data,
				// The collection resolves `section` to a reference; the pages and the checks use its id.
				section: entry.data.section.id,
				file,
				body: entry.body ?? '',
				facts,
				exportHtml,
				predictions,
				entry,
			};
		}),
	);
	const problems = checkGuide(sections, questions);
	if (problems.length > 0) {
		throw new Error(`The guide's content breaks ${problems.length} rule(s):\n- ${problems.join('\n- ')}`);
	}
	return { sections, questions, groups: groupBySection(sections, questions) };
}

/** Loads every section and question once per build, and fails the build if the guide is inconsistent. */
export function getGuide(): Promise<GuideContent> {
	guide ??= loadGuide();
	return guide;
}

/** The guide's extra pages (such as its study advice), sorted by title. */
export async function getGuidePages(): Promise<CollectionEntry<'pages'>[]> {
	return (await getCollection('pages')).sort((a, b) => a.data.title.localeCompare(b.data.title));
}

let confusable: Promise<ConfusableGroup[]> | undefined;

/** The topics candidates confuse (content/confusable.yaml, optional), checked against the guide's questions. */
export function getConfusableGroups(): Promise<ConfusableGroup[]> {
	confusable ??= (async () => {
		if (!existsSync(CONFUSABLE_FILE)) return [];
		const { questions } = await getGuide();
		return parseConfusable(readFileSync(CONFUSABLE_FILE, 'utf8'), CONFUSABLE_FILE, new Set(questions.map((q) => q.slug)));
	})();
	return confusable;
}
