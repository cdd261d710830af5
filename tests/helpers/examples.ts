// Checks of the code examples in content/: each language read by a real parser from npm, so a
// broken example fails a test instead of teaching a reader a syntax error.
import { parser as pythonParser } from '@lezer/python';
import { DockerfileParser } from 'dockerfile-ast';
import type { Code } from 'mdast';
import shell from 'mvdan-sh';
import sqlParser from 'node-sql-parser';
import { visit } from 'unist-util-visit';
import { parseAllDocuments } from 'yaml';
import { parseAnswer } from '../../src/markdown/editor-notes.ts';

/** A fenced code block of a content file. */
export interface Example {
	file: string;
	/** 1-based line of the opening fence in the file. */
	line: number;
	lang: string;
	/** Words after the language on the fence line, such as `fragment`. */
	flags: string[];
	code: string;
}

/** Marks an example that is incomplete on purpose: it must fail the strict check, and says so. */
export const FRAGMENT_FLAG = 'fragment';

/** The fenced code blocks of a Markdown body; `lineOffset` is the number of lines before the body in its file. */
export function findExamples(file: string, markdown: string, lineOffset = 0): Example[] {
	const tree = parseAnswer(markdown);
	const examples: Example[] = [];
	visit(tree, 'code', (node: Code) => {
		examples.push({
			file,
			line: node.position!.start.line + lineOffset,
			lang: node.lang ?? '',
			flags: (node.meta ?? '').split(/\s+/).filter(Boolean),
			code: node.value,
		});
	});
	return examples;
}

/** Syntax errors in Python source, by the Lezer Python grammar: "line N: …" for each. */
export function checkPython(code: string): string[] {
	const errors: string[] = [];
	pythonParser.parse(code).iterate({
		enter(node) {
			if (!node.type.isError) return;
			const line = code.slice(0, node.from).split('\n').length;
			errors.push(`line ${line}: Python syntax error near "${code.slice(node.from, node.from + 20).split('\n')[0]}"`);
		},
	});
	return errors;
}

/**
 * The commands a shell example may name: the tools the guide and its notes use. A word outside
 * this list (a directory tree read as a command, a typo such as `pyhton`) fails the check.
 */
export const KNOWN_COMMANDS = new Set([
	'base64',
	'docker',
	'gunicorn',
	'kubectl',
	'pip',
	'pip-compile',
	'pip-sync',
	'python',
	'python3',
	'rm',
	'source',
	'useradd',
	'uvicorn',
]);

const { syntax } = shell;

/** Problems in a shell script: a parse error (mvdan/sh, bash dialect), or a command that is not in KNOWN_COMMANDS. */
export function checkShell(code: string): string[] {
	let file;
	try {
		file = syntax.NewParser().Parse(code, 'example.sh');
	} catch (error) {
		const message = (error as { Error?: () => string }).Error?.() ?? String(error);
		return [`shell syntax error: ${message}`];
	}
	const errors: string[] = [];
	syntax.Walk(file, (node) => {
		if (syntax.NodeType(node) === 'CallExpr' && node.Args.length > 0) {
			const name = node.Args[0]!.Lit();
			if (!KNOWN_COMMANDS.has(name)) errors.push(`line ${node.Pos().Line()}: "${name}" is not a command the examples use (KNOWN_COMMANDS)`);
		}
		return true;
	});
	return errors;
}

const DOCKERFILE_INSTRUCTIONS = new Set([
	'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'ONBUILD',
	'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/**
 * Problems in a Dockerfile (dockerfile-ast): unknown instructions, instructions without arguments,
 * a first instruction other than FROM (or ARG), CMD/ENTRYPOINT in JSON form that is not a JSON array
 * of strings, and RUN commands that fail checkShell.
 */
export function checkDockerfile(code: string): string[] {
	const errors: string[] = [];
	const instructions = DockerfileParser.parse(code).getInstructions();
	const first = instructions.find((instruction) => instruction.getKeyword() !== 'ARG');
	if (first?.getKeyword() !== 'FROM') errors.push('the first instruction (after ARG) must be FROM');
	for (const instruction of instructions) {
		const keyword = instruction.getKeyword();
		const line = instruction.getRange().start.line + 1;
		const argument = instruction.getArgumentsContent() ?? '';
		if (!DOCKERFILE_INSTRUCTIONS.has(keyword)) errors.push(`line ${line}: unknown instruction "${keyword}"`);
		if (argument.trim() === '') errors.push(`line ${line}: ${keyword} has no arguments`);
		if ((keyword === 'CMD' || keyword === 'ENTRYPOINT') && argument.trim().startsWith('[')) {
			let parsed: unknown;
			try {
				parsed = JSON.parse(argument);
			} catch {
				parsed = undefined;
			}
			if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
				errors.push(`line ${line}: ${keyword}'s JSON form must be a JSON array of strings`);
			}
		}
		if (keyword === 'RUN') errors.push(...checkShell(argument).map((error) => `line ${line}: RUN: ${error}`));
	}
	return errors;
}

const sql = new sqlParser.Parser();

/** Syntax errors in SQL, by node-sql-parser's PostgreSQL grammar. */
export function checkSql(code: string): string[] {
	try {
		sql.astify(code, { database: 'PostgreSQL' });
		return [];
	} catch (error) {
		return [`SQL syntax error: ${(error as Error).message}`];
	}
}

/** Problems in YAML (every document parses) and, for Kubernetes manifests, apiVersion, kind and metadata.name present. */
export function checkYaml(code: string): string[] {
	const errors: string[] = [];
	for (const [index, document] of parseAllDocuments(code).entries()) {
		for (const error of document.errors) errors.push(`document ${index + 1}: ${error.message}`);
		const value = document.toJS() as Record<string, any> | null;
		if (value && typeof value === 'object' && ('apiVersion' in value || 'kind' in value)) {
			for (const field of ['apiVersion', 'kind']) if (typeof value[field] !== 'string') errors.push(`document ${index + 1}: no ${field}`);
			if (typeof value['metadata']?.name !== 'string') errors.push(`document ${index + 1}: no metadata.name`);
		}
	}
	return errors;
}

/** The check for each language an example may use; plain text is not code and has none. */
export const CHECKS: Record<string, ((code: string) => string[]) | null> = {
	python: checkPython,
	bash: checkShell,
	sh: checkShell,
	shell: checkShell,
	dockerfile: checkDockerfile,
	sql: checkSql,
	yaml: checkYaml,
	text: null,
};
