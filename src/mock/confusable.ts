// The topics candidates confuse (content/confusable.yaml), read and checked: a mock interview draws
// two questions of one group into the same interview. Pure; src/data/content.ts reads the file.
import { z } from 'astro/zod';
import { isSlug } from '../lib/slugs.ts';
import { yamlList } from '../lib/yaml-list.ts';
import type { ConfusableGroup } from './rules.ts';

/** The file, relative to the project's root; a guide without it has interviews without pairs. */
export const CONFUSABLE_FILE = 'content/confusable.yaml';

const groupSchema = z.strictObject({
	/** Names the group in messages. */
	id: z.string().refine(isSlug, 'must be lower-case ASCII words joined by hyphens'),
	/** What is confused, as the interview names it: "threads, asyncio and processes". */
	topic: z.string().trim().min(1).max(100),
	/** The slugs of the questions about it. */
	questions: z.array(z.string()).min(2),
});

/**
 * The groups of `text`, every problem listed naming the file, the group and the field, so that none
 * is silently dropped; `slugs` are the guide's questions.
 */
export function parseConfusable(text: string, file: string, slugs: ReadonlySet<string>): ConfusableGroup[] {
	const data = yamlList(text, file, 'groups (- id: …)');
	const problems: string[] = [];
	const groups: ConfusableGroup[] = [];
	const ids = new Set<string>();
	for (const [index, raw] of data.entries()) {
		const id = (raw as { id?: unknown } | null)?.id;
		const where = `${file}: group ${index + 1}${typeof id === 'string' ? ` (${id})` : ''}`;
		const result = groupSchema.safeParse(raw);
		if (!result.success) {
			for (const issue of result.error.issues) problems.push(`${where}: ${issue.path.join('.') || '(group)'}: ${issue.message}`);
			continue;
		}
		const group = result.data;
		if (ids.has(group.id)) problems.push(`${where}: id: "${group.id}" is already the id of another group`);
		ids.add(group.id);
		for (const slug of group.questions) if (!slugs.has(slug)) problems.push(`${where}: questions: "${slug}" is not the slug of a question`);
		if (new Set(group.questions).size !== group.questions.length) problems.push(`${where}: questions: lists a question twice`);
		groups.push({ topic: group.topic, questions: group.questions });
	}
	if (problems.length > 0) throw new Error(`${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.join('\n')}`);
	return groups;
}
