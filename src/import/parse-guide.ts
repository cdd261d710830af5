import type { Code, Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { slugify } from '../lib/slugs.ts';
import { parseMarkdown } from '../markdown/index.ts';

/** One question as the guide writes it: its number, its title and its answer, as Markdown source. */
export interface GuideQuestion {
	/** The guide's own number. */
	number: number;
	/** The question, as inline Markdown (backticks kept), without the heading's bold wrapper. */
	title: string;
	/** The answer: the guide's Markdown, byte for byte, between the heading and the next `---`. */
	body: string;
	/** 1-based line of the question's heading in the guide. */
	line: number;
}

/** One "Section N: Questions a–b (Name)" of the guide. */
export interface GuideSection {
	number: number;
	title: string;
	slug: string;
	/** The question range the heading declares, such as [1, 10]. */
	range: [number, number];
	line: number;
	questions: GuideQuestion[];
}

/** A level-2 part of the guide that is not a section, such as "How to Use These Explanations". */
export interface GuidePage {
	title: string;
	slug: string;
	body: string;
	line: number;
}

export interface Guide {
	sections: GuideSection[];
	pages: GuidePage[];
}

/** A malformed guide: the message starts with the file and line it is about. */
export class GuideError extends Error {
	readonly file: string;
	readonly line: number;
	constructor(file: string, line: number, message: string) {
		super(`${file}:${line}: ${message}`);
		this.name = 'GuideError';
		this.file = file;
		this.line = line;
	}
}

const SECTION_HEADING = /^Section\s+(\d+):\s*Questions\s+(\d+)\s*[–—-]\s*(\d+)\s*\((.+)\)\s*$/;
const QUESTION_NUMBER = /^(\d+)\.\s+(\S[\s\S]*)$/;

/**
 * Parses a guide in the interview-guide format (level-2 section headings, level-3 numbered
 * question headings, `---` between questions) into sections, questions and extra pages.
 * Throws a GuideError naming the line for anything it cannot place.
 */
export function parseGuide(source: string, file = 'guide.md'): Guide {
	const tree = parseMarkdown(source, 'gfm');
	const fail = (line: number, message: string): never => {
		throw new GuideError(file, line, message);
	};
	const lineOf = (node: RootContent) => node.position!.start.line;
	const slice = (nodes: RootContent[]) => {
		const start = nodes[0]!.position!.start;
		const lineStart = start.offset! - (start.column - 1);
		return source.slice(lineStart, nodes.at(-1)!.position!.end.offset!);
	};

	const sections: GuideSection[] = [];
	const pages: GuidePage[] = [];
	const seen = new Map<number, number>();
	// What the following block nodes belong to.
	let section: GuideSection | undefined;
	let page: { title: string; line: number; nodes: RootContent[] } | undefined;
	let question: { heading: Heading; number: number; title: string; nodes: RootContent[] } | undefined;

	const closeQuestion = () => {
		if (!question || !section) return;
		const line = lineOf(question.heading);
		if (question.nodes.length === 0) fail(line, `question ${question.number} has no answer`);
		section.questions.push({
			number: question.number,
			title: question.title,
			body: slice(question.nodes),
			line,
		});
		question = undefined;
	};
	const closePage = () => {
		if (!page) return;
		if (page.nodes.length === 0) fail(page.line, `"${page.title}" has no text`);
		pages.push({ title: page.title, slug: slugify(page.title), body: slice(page.nodes), line: page.line });
		page = undefined;
	};

	for (const node of tree.children) {
		assertFencesClosed(node, source, fail);
		if (node.type === 'heading' && node.depth === 2) {
			closeQuestion();
			closePage();
			const text = toString(node).trim();
			const match = SECTION_HEADING.exec(text);
			if (match) {
				const [, number, first, last, title] = match;
				section = {
					number: Number(number),
					title: title!.trim(),
					slug: slugify(title!),
					range: [Number(first), Number(last)],
					line: lineOf(node),
					questions: [],
				};
				sections.push(section);
			} else {
				section = undefined;
				page = { title: text, line: lineOf(node), nodes: [] };
			}
		} else if (node.type === 'heading' && node.depth === 3) {
			closeQuestion();
			const line = lineOf(node);
			if (!section) fail(line, `question "${toString(node)}" is outside any section`);
			const title = inlineSource(node, source);
			const match = QUESTION_NUMBER.exec(title);
			if (!match) fail(line, `a question heading must start with its number, as "### **7. …**"`);
			const number = Number(match![1]);
			const earlier = seen.get(number);
			if (earlier !== undefined) fail(line, `question ${number} appears twice (first at line ${earlier})`);
			const [low, high] = section!.range;
			if (number < low || number > high) {
				fail(line, `question ${number} is outside its section's range ${low}–${high}`);
			}
			seen.set(number, line);
			question = { heading: node, number, title: match![2]!.trim(), nodes: [] };
		} else if (node.type === 'thematicBreak') {
			closeQuestion();
		} else if (question) {
			question.nodes.push(node);
		} else if (page) {
			page.nodes.push(node);
		} else {
			fail(lineOf(node), section ? 'text between questions belongs to no question' : 'text before the first section');
		}
	}
	closeQuestion();
	closePage();
	if (sections.length === 0) throw new GuideError(file, 1, 'no "## Section N: Questions a–b (Name)" heading found');
	return { sections, pages };
}

/** The heading's inline Markdown source, unwrapping a heading that is bold as a whole. */
function inlineSource(heading: Heading, source: string): string {
	const only = heading.children.length === 1 ? heading.children[0] : undefined;
	const inline = only?.type === 'strong' ? only.children : heading.children;
	if (inline.length === 0) return '';
	return source.slice(inline[0]!.position!.start.offset, inline.at(-1)!.position!.end.offset).trim();
}

/** Fails on a fenced code block that runs to the end of its container without a closing fence. */
function assertFencesClosed(node: RootContent, source: string, fail: (line: number, message: string) => never) {
	visit(node, 'code', (code: Code) => {
		const text = source.slice(code.position!.start.offset, code.position!.end.offset);
		const lines = text.split('\n');
		const fence = /^\s*(`{3,}|~{3,})/.exec(lines[0]!)?.[1];
		if (!fence) return; // an indented code block has no fence to close
		const closing = lines.length > 1 ? lines.at(-1)!.trim() : '';
		const closed = closing.length >= fence.length && [...closing].every((char) => char === fence[0]);
		if (!closed) fail(code.position!.start.line, `code fence ${fence} is never closed`);
	});
}
