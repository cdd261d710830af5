// Usage: npm run import -- <guide.md> [--out content]
// Parses the guide (see parse-guide.ts) and writes sections.yaml, one Markdown file per question and
// the guide's extra pages into the output folder. Stops with file:line on a malformed guide.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { parse } from 'yaml';
import { findEditorNotes } from '../lib/editor-notes.ts';
import { planContent, type ExistingContent, type ExistingQuestion } from './content-files.ts';
import { GuideError, parseGuide } from './parse-guide.ts';

async function readExisting(out: string): Promise<ExistingContent> {
	const questions: ExistingQuestion[] = [];
	const questionsDir = join(out, 'questions');
	const files = await readdir(questionsDir, { recursive: true }).catch(() => [] as string[]);
	for (const file of files.filter((name) => name.endsWith('.md')).sort()) {
		const text = await readFile(join(questionsDir, file), 'utf8');
		const { frontmatter, content } = parseFrontmatter(text);
		questions.push({
			path: relative(out, join(questionsDir, file)).split('\\').join('/'),
			number: frontmatter.number,
			slug: frontmatter.slug,
			origin: frontmatter.origin,
			editorNotes: findEditorNotes(content).map((note) => note.source),
		});
	}
	const sectionsYaml = await readFile(join(out, 'sections.yaml'), 'utf8').catch(() => '[]');
	const sections = (parse(sectionsYaml) ?? []) as { id: string; description?: string }[];
	const sectionDescriptions = new Map(
		sections.filter((s) => s.description).map((s) => [s.id, s.description!]),
	);
	return { questions, sectionDescriptions };
}

async function main(args: string[]) {
	const { values, positionals } = parseArgs({
		args,
		options: { out: { type: 'string', default: 'content' } },
		allowPositionals: true,
	});
	const out = values.out;
	const [guidePath] = positionals;
	if (!guidePath || positionals.length > 1) {
		console.error('Usage: npm run import -- <guide.md> [--out content]');
		process.exit(2);
	}
	const guide = parseGuide(await readFile(guidePath, 'utf8'), guidePath);
	const plan = planContent(guide, await readExisting(out));
	for (const path of plan.remove) await rm(join(out, path));
	for (const [path, text] of plan.write) {
		await mkdir(dirname(join(out, path)), { recursive: true });
		await writeFile(join(out, path), text);
	}
	const count = guide.sections.reduce((sum, s) => sum + s.questions.length, 0);
	console.log(`Imported ${count} questions in ${guide.sections.length} sections and ${guide.pages.length} pages into ${out}/`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
	console.error(error instanceof GuideError ? `Import failed: ${error.message}` : error);
	process.exit(1);
});
