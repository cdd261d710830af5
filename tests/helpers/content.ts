// Reads content/ from disk through the same schemas the collections use (getCollection() returns
// nothing under Vitest), so the unit tests see exactly what the build would.
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { answerFacts } from '../../src/markdown/remark-answer-facts.ts';
import { parseAnswer } from '../../src/markdown/editor-notes.ts';
import type { QuestionInfo, SectionInfo } from '../../src/lib/guide.ts';
import { describeIssues, questionSchema, sectionSchema } from '../../src/lib/schema.ts';

export const contentDir = new URL('../../content/', import.meta.url).pathname;

/** Every section and question in content/, plus the schema problems found on the way. */
export function readContent(dir = contentDir): { sections: SectionInfo[]; questions: QuestionInfo[]; problems: string[] } {
	const problems: string[] = [];
	const sections: SectionInfo[] = [];
	for (const [index, entry] of (parse(readFileSync(join(dir, 'sections.yaml'), 'utf8')) as unknown[]).entries()) {
		const result = sectionSchema.safeParse(entry);
		if (result.success) sections.push(result.data);
		else problems.push(...describeIssues(`content/sections.yaml[${index}]`, result.error));
	}
	const questions: QuestionInfo[] = [];
	const files = readdirSync(join(dir, 'questions'), { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.md') && !name.split('/').at(-1)!.startsWith('_'))
		.sort();
	for (const name of files) {
		const file = `content/questions/${name}`;
		const { frontmatter, content } = parseFrontmatter(readFileSync(join(dir, 'questions', name), 'utf8'));
		const result = questionSchema.safeParse(frontmatter);
		if (result.success) questions.push({ ...result.data, file, body: content, facts: answerFacts(parseAnswer(content)) });
		else problems.push(...describeIssues(file, result.error));
	}
	return { sections, questions, problems };
}
