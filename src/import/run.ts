// The importer's file side: reads the guide and what the output folder holds, plans the files
// (content-files.ts), prints what it will add, change, remove and keep, and writes (unless --dry-run).
// Every path it writes or deletes is resolved and refused outside the output folder.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { parse } from 'yaml';
import { findEditorNotes } from '../markdown/editor-notes.ts';
import { describeIssues, questionSchema } from '../lib/schema.ts';
import { ImportError, planContent, type ContentPlan, type ExistingContent, type ExistingQuestion } from './content-files.ts';
import { decodeGuide, GuideError, parseGuide } from './parse-guide.ts';

export const USAGE = 'Usage: npm run import -- <guide.md> [--out content] [--dry-run] [--prune]';

/** "1 page", "2 pages". */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The absolute path of `path` inside `root`; refuses anything that resolves outside it. */
export function resolveInside(root: string, path: string): string {
	const target = resolve(root, path);
	const from = relative(root, target);
	if (from === '' || from.startsWith('..') || isAbsolute(from)) {
		throw new ImportError(`refusing to touch ${target}: it is outside the output folder ${root}`);
	}
	return target;
}

/** A file's frontmatter, or an error naming the file and the YAML's line. */
function readFrontmatter(text: string, path: string) {
	try {
		return parseFrontmatter(text);
	} catch (error) {
		const { mark, reason, message } = error as { mark?: { line: number }; reason?: string; message: string };
		// The frontmatter starts on the file's second line, after the opening "---".
		const where = mark ? `${path}:${mark.line + 2}` : path;
		throw new ImportError(`${where}: the frontmatter is not valid YAML: ${reason ?? message.split('\n')[0]}`);
	}
}

async function readExisting(out: string): Promise<ExistingContent> {
	const questions: ExistingQuestion[] = [];
	const questionsDir = join(out, 'questions');
	const files = await readdir(questionsDir, { recursive: true }).catch(() => [] as string[]);
	for (const file of files.filter((name) => name.endsWith('.md')).sort()) {
		const path = relative(out, join(questionsDir, file)).split('\\').join('/');
		const text = await readFile(join(questionsDir, file), 'utf8');
		const { frontmatter, content } = readFrontmatter(text, path);
		// A slug or number that is not what the schema allows would end up in a path or a URL.
		const checked = questionSchema.safeParse(frontmatter);
		if (!checked.success) throw new ImportError(describeIssues(path, checked.error).join('\n'));
		const { number, slug, origin, section, keyPoints } = checked.data;
		questions.push({ path, number, slug, origin, section, editorNotes: findEditorNotes(content).map((note) => note.source), ...(keyPoints ? { keyPoints } : {}) });
	}
	const sectionsPath = join(out, 'sections.yaml');
	const sectionsYaml = await readFile(sectionsPath, 'utf8').catch(() => '[]');
	let sections: { id: string; description?: string }[];
	try {
		sections = (parse(sectionsYaml) ?? []) as typeof sections;
	} catch (error) {
		throw new ImportError(`${relative(out, sectionsPath)}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
	}
	const sectionDescriptions = new Map(sections.filter((s) => s.description).map((s) => [s.id, s.description!]));
	return { questions, sectionDescriptions };
}

/** What the plan does to each file, against what is on disk: the lines the importer prints. */
async function describePlan(out: string, plan: ContentPlan) {
	const added: string[] = [];
	const changed: string[] = [];
	let unchanged = 0;
	for (const [path, text] of plan.write) {
		const before = await readFile(resolveInside(out, path), 'utf8').catch(() => undefined);
		if (before === undefined) added.push(path);
		else if (before !== text) changed.push(path);
		else unchanged++;
	}
	const lines = [
		...added.map((path) => `  add     ${path}`),
		...changed.map((path) => `  change  ${path}`),
		...plan.remove.map((path) => `  remove  ${path}`),
		...plan.keep.map(({ path, reason }) => `  keep    ${path} (${reason}; --prune removes it)`),
	];
	const summary = `${added.length} added, ${changed.length} changed, ${plan.remove.length} removed, ${unchanged} unchanged${plan.keep.length > 0 ? `, ${plan.keep.length} kept` : ''}`;
	return { lines, summary };
}

/**
 * Runs the importer. `cwd` is where the command was run (npm gives it as INIT_CWD): relative paths
 * on the command line are resolved from there. `out` defaults to the project's content folder.
 * Returns the exit code; all output goes through `log` and `error`.
 */
export async function runImport(
	args: string[],
	{ cwd, projectRoot, log, error }: { cwd: string; projectRoot: string; log: (line: string) => void; error: (line: string) => void },
): Promise<number> {
	let values: { out?: string; 'dry-run'?: boolean; prune?: boolean };
	let positionals: string[];
	try {
		({ values, positionals } = parseArgs({
			args,
			options: { out: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, prune: { type: 'boolean', default: false } },
			allowPositionals: true,
		}));
	} catch (problem) {
		error(`${(problem as Error).message}\n${USAGE}`);
		return 2;
	}
	const [guideArg] = positionals;
	if (!guideArg || positionals.length > 1) {
		error(USAGE);
		return 2;
	}
	const out = values.out === undefined ? join(projectRoot, 'content') : resolve(cwd, values.out);
	const guidePath = resolve(cwd, guideArg);
	try {
		let bytes: Uint8Array;
		try {
			bytes = await readFile(guidePath);
		} catch (problem) {
			const code = (problem as NodeJS.ErrnoException).code;
			const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : (problem as Error).message;
			throw new ImportError(`cannot read the guide "${guideArg}" (looked for ${guidePath}): ${why}`);
		}
		const guide = parseGuide(decodeGuide(bytes, guideArg), guideArg);
		const plan = planContent(guide, await readExisting(out), { prune: values.prune === true });
		const fromCwd = relative(cwd, out);
		const shownOut = fromCwd.startsWith('..') || isAbsolute(fromCwd) ? out : fromCwd || '.';
		const { lines, summary } = await describePlan(out, plan);
		for (const line of lines) log(line);
		const count = guide.sections.reduce((sum, s) => sum + s.questions.length, 0);
		const what = `${plural(count, 'question')} in ${plural(guide.sections.length, 'section')} and ${plural(guide.pages.length, 'page')}`;
		if (values['dry-run']) {
			log(`Dry run: importing ${what} into ${shownOut}/ would give ${summary}. Nothing was written.`);
			return 0;
		}
		// Every target is checked before the first change, so a bad path stops the import untouched.
		const removals = plan.remove.map((path) => resolveInside(out, path));
		const writes = [...plan.write].map(([path, text]) => [resolveInside(out, path), text] as const);
		for (const target of removals) await rm(target);
		for (const [target, text] of writes) {
			await mkdir(dirname(target), { recursive: true });
			await writeFile(target, text);
		}
		log(`Imported ${what} into ${shownOut}/: ${summary}.`);
		return 0;
	} catch (problem) {
		if (problem instanceof GuideError || problem instanceof ImportError) {
			error(`Import failed: ${problem.message}`);
			return 1;
		}
		throw problem;
	}
}
