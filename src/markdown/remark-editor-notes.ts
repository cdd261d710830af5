import type { Root } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { directiveLabel, EDITOR_NOTE, EDITOR_NOTE_LABEL, editorNoteId } from '../lib/editor-notes.ts';

type Directive = ContainerDirective | LeafDirective | TextDirective;

/**
 * Renders `:::editor-note[Title]` as an <aside> with a visible "Editor's note:" label, an id to
 * link to (editors-note-1, -2, …), and out of the search index (Pagefind), whose excerpts could not
 * tell a note from the guide. Fails the build, naming file and line, on a note without a title and
 * on any other directive, so that no text in `:name` form is silently dropped.
 */
export function remarkEditorNotes() {
	return (tree: Root, file: VFile) => {
		let count = 0;
		visit(tree, (node) => {
			if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
			const directive = node as Directive;
			const where = `${file.path}:${directive.position?.start.line ?? 0}`;
			if (directive.type !== 'containerDirective' || directive.name !== EDITOR_NOTE) {
				const written = directive.type === 'textDirective' ? `:${directive.name}` : directive.type === 'leafDirective' ? `::${directive.name}` : `:::${directive.name}`;
				file.fail(`${where}: unknown directive "${written}": the only one is ":::${EDITOR_NOTE}[Title]" (write "\\:" for a literal colon)`, directive);
			}
			const label = directiveLabel(directive as ContainerDirective);
			if (!label) file.fail(`${where}: an editor's note needs a title: ":::${EDITOR_NOTE}[Title]"`, directive);
			const id = editorNoteId(count++);
			directive.data = {
				hName: 'aside',
				hProperties: { className: ['editor-note'], id, ariaLabelledBy: [`${id}-title`], dataPagefindIgnore: 'all' },
			};
			label!.data = { ...label!.data, hName: 'p', hProperties: { className: ['editor-note-title'], id: `${id}-title` } };
			label!.children.unshift(
				{ type: 'strong', children: [{ type: 'text', value: `${EDITOR_NOTE_LABEL}:` }] },
				{ type: 'text', value: ' ' },
			);
		});
	};
}
