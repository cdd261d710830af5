// Editor's notes: what the site says beside the guide's text where the guide is wrong, unsafe,
// dated or thin. In Markdown, a container directive with a title:
//
//   :::editor-note[Nothing ever puts the sentinel]
//   The consumer stops only when it takes `None` from the queue, …
//   :::
//
// The entry's frontmatter counts them (editorNotes), so a note is never added or lost unmarked.
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/** The directive's name: `:::editor-note[Title]`. */
export const EDITOR_NOTE = 'editor-note';

/** What a note is called wherever it is shown. */
export const EDITOR_NOTE_LABEL = 'Editor’s note';

/** The id of a page's n-th note (from 0), the target of links from the additions page. */
export const editorNoteId = (index: number) => `editors-note-${index + 1}`;

export interface EditorNote {
	id: string;
	/** The note's title as plain text ('' when it has none). */
	title: string;
	/** The note's title as inline Markdown, backticks kept. */
	titleMarkdown: string;
	/** 1-based line of the note's opening `:::editor-note` in the Markdown. */
	line: number;
	/** The note's Markdown source, from `:::editor-note` to its closing `:::`. */
	source: string;
}

/** The label paragraph of a container directive (`:::name[label]`), if it has one. */
export function directiveLabel(node: ContainerDirective) {
	const first = node.children[0];
	return first?.type === 'paragraph' && first.data && 'directiveLabel' in first.data && first.data.directiveLabel ? first : undefined;
}

/** The editor's notes of an answer, in order, from its tree (parsed from `markdown`, whose text they quote). */
export function editorNotesOf(tree: Root, markdown: string): EditorNote[] {
	const notes: EditorNote[] = [];
	visit(tree, 'containerDirective', (node) => {
		if (node.name !== EDITOR_NOTE) return;
		const label = directiveLabel(node);
		notes.push({
			id: editorNoteId(notes.length),
			title: label ? toString(label) : '',
			titleMarkdown:
				label && label.children.length > 0
					? markdown.slice(label.children[0]!.position!.start.offset, label.children.at(-1)!.position!.end.offset)
					: '',
			line: node.position!.start.line,
			source: markdown.slice(node.position!.start.offset, node.position!.end.offset),
		});
	});
	return notes;
}
