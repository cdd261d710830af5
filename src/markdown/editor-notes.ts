// An answer's editor's notes read from its Markdown: parsed as the site parses answers, then walked
// by the pure rules of src/lib/editor-notes.ts.
import type { Root } from 'mdast';
import { editorNotesOf, type EditorNote } from '../lib/editor-notes.ts';
import { parseMarkdown } from './index.ts';

/** An answer's Markdown as the site reads it, GFM and directives included: its mdast tree. */
export function parseAnswer(markdown: string): Root {
	return parseMarkdown(markdown, 'site');
}

/** The editor's notes of an answer, in order. */
export function findEditorNotes(markdown: string): EditorNote[] {
	return editorNotesOf(parseAnswer(markdown), markdown);
}
