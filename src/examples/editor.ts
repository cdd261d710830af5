// The examples' code editor: CodeMirror 6 with the Python or PostgreSQL parser, in a bundle of its
// own (runtimes.ts) that editing.ts imports on a first Edit, so a page nobody edits fetches none of
// it. A small setup, not CodeMirror's basicSetup: line numbers, undo, Tab and Shift+Tab indent,
// Ctrl/Cmd+Enter runs, Escape leaves (the caller moves the focus and says so), and the line a
// traceback points at marked until the next edit. Tokens get the classes Shiki gives a highlighted
// block (editor-highlight.ts), coloured as the code is; their rules come with this bundle, as a
// page's stylesheet keeps only those of its own code blocks.
//
// CodeMirror's own styles (and the rules below) go into a constructed stylesheet (adoptedStyleSheets),
// which the page's Content Security Policy, with no 'unsafe-inline', does not govern; its inline
// styles are set through the CSSOM, which the policy does not govern either (adoptStyles says how).
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { indentUnit, syntaxHighlighting, syntaxTree } from '@codemirror/language';
import { EditorState, Prec, RangeSet, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, keymap, lineNumberMarkers, lineNumbers, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
// The classes of each rule of editor-highlight.ts, resolved in the site's code themes by the build (editor-colours.ts).
import colours from 'virtual:build/editor-colours';
// Their colour rules: a page's stylesheet has only those of its own code blocks (src/middleware.ts).
import colourCss from 'virtual:build/editor-colour-css';
import { EDITOR_LANGUAGES, highlighterFor, textClassesFor, textRanges, type EditorLanguage, type TextClasses } from './editor-highlight.ts';

/** What the page gives an editor. */
export interface EditorOptions {
	code: string;
	language: EditorLanguage;
	/** The code's accessible name. */
	label: string;
	/** Ctrl/Cmd+Enter: does what the example's Run button does. */
	run(): void;
	/** Escape: the focus is to leave the editor. */
	leave(): void;
}

/** An example's editor, as the page's controls use it (the plain text box in editing.ts too). */
export interface CodeEditor {
	/** The element that takes the code block's place. */
	readonly dom: HTMLElement;
	/** The code as the reader has it now. */
	code(): string;
	focus(): void;
	/** Marks a line (from 1) as the one an error points at, until the code changes or clearMark; false if it cannot. */
	markLine(line: number): boolean;
	clearMark(): void;
	destroy(): void;
}

/**
 * The editor looks like the code block it replaces: the same box (.astro-code's), font, padding and
 * line height. A block's lines are as high as its font metrics make them, which differ between
 * systems; editing.ts measures them and sets --example-line-height.
 */
const theme = EditorView.theme({
	'&': { padding: '0', overflow: 'visible' },
	'&.cm-focused': { outline: 'var(--sg-focus-ring)', outlineOffset: '2px' },
	'.cm-scroller': { fontFamily: 'var(--sg-font-mono)', fontSize: '0.9em', lineHeight: 'var(--example-line-height, 1.5)' },
	'.cm-content': { padding: 'var(--sg-space-3) 0', caretColor: 'currentColor' },
	'.cm-line': { padding: '0 var(--sg-space-4) 0 var(--sg-space-3)' },
	'.cm-gutters': { backgroundColor: 'transparent', color: 'var(--sg-color-muted)', borderColor: 'var(--sg-color-border)' },
	'.cm-lineNumbers .cm-gutterElement': { padding: '0 var(--sg-space-2) 0 var(--sg-space-3)', minWidth: '0' },
	// A bar at the line's start and a wavy line under its code: a tint behind the code would take the
	// light theme's comments below a readable contrast (4.55:1 on white).
	'.example-failed-line': { boxShadow: 'inset 3px 0 var(--sg-color-danger)' },
	'.example-failed-code': { textDecoration: 'underline wavy var(--sg-color-danger) 1px', textUnderlineOffset: '0.25em', textDecorationSkipInk: 'none' },
	'.cm-gutterElement.example-failed-gutter': { color: 'var(--sg-color-danger)', fontWeight: '700' },
});

const setMark = StateEffect.define<number | null>();
const failedLine = Decoration.line({ class: 'example-failed-line' });
const failedCode = Decoration.mark({ class: 'example-failed-code' });
const failedNumber = new (class extends GutterMarker {
	override elementClass = 'example-failed-gutter';
})();

/** Where the marked line starts, or null: cleared by any change to the code. */
const markedLine = StateField.define<number | null>({
	create: () => null,
	update(value, transaction) {
		for (const effect of transaction.effects) if (effect.is(setMark)) value = effect.value;
		return transaction.docChanged ? null : value;
	},
	provide: (field) => [
		EditorView.decorations.compute([field], (state) => {
			const from = state.field(field);
			if (from === null) return Decoration.none;
			const line = state.doc.lineAt(from);
			const code = from + /^\s*/.exec(line.text)![0].length;
			return Decoration.set(code < line.to ? [failedLine.range(from), failedCode.range(code, line.to)] : [failedLine.range(from)]);
		}),
		lineNumberMarkers.from(field, (from) => (from === null ? RangeSet.empty : RangeSet.of(failedNumber.range(from)))),
	],
});

/** Colours what the parser leaves plain but Shiki colours by its text (print, ValueError, f"…"'s f), in the visible part. */
function textHighlights(rules: TextClasses) {
	const marks = new Map<string, Decoration>();
	const decorate = (view: EditorView): DecorationSet => {
		const builder = new RangeSetBuilder<Decoration>();
		let last = -1;
		for (const { from, to } of view.visibleRanges) {
			for (const [start, end, classes] of textRanges(syntaxTree(view.state), (a, b) => view.state.sliceDoc(a, b), rules, from, to)) {
				// A token across two visible ranges comes once.
				if (start <= last) continue;
				last = start;
				let mark = marks.get(classes);
				if (!mark) marks.set(classes, (mark = Decoration.mark({ class: classes })));
				builder.add(start, end, mark);
			}
		}
		return builder.finish();
	};
	return ViewPlugin.define(
		(view) => ({
			decorations: decorate(view),
			update(update: ViewUpdate) {
				if (update.docChanged || update.viewportChanged || syntaxTree(update.startState) !== syntaxTree(update.state)) this.decorations = decorate(update.view);
			},
		}),
		{ decorations: (plugin) => plugin.decorations },
	);
}

let stylesAdopted = false;

/**
 * CodeMirror's styles (style-mod) go into a <style> element for an editor in the document, which the
 * page's policy blocks (and reports), but into a constructed stylesheet for one in a shadow root, one
 * sheet for all the document's shadow roots. So a first, empty editor is made in a detached shadow
 * root, and the document is handed the style set style-mod made there (kept on the root under its
 * own symbol): every editor's styles then go into that one stylesheet. If style-mod ever keeps its
 * set otherwise, the <style> element and the policy's report come back, and the browser tests fail.
 * The colour classes' rules go into a constructed stylesheet of their own.
 */
function adoptStyles(): void {
	if (stylesAdopted) return;
	stylesAdopted = true;
	const colourSheet = new CSSStyleSheet();
	colourSheet.replaceSync(colourCss);
	document.adoptedStyleSheets.push(colourSheet);
	const shadow = document.createElement('div').attachShadow({ mode: 'open' });
	new EditorView({ parent: shadow }).destroy();
	const keyed = document as unknown as Record<symbol, unknown>;
	for (const key of Object.getOwnPropertySymbols(shadow)) keyed[key] ??= (shadow as unknown as Record<symbol, unknown>)[key];
}

/** An editor holding `code`, not yet in the page: the caller puts `dom` where the code block was. */
export function createEditor(options: EditorOptions): CodeEditor {
	adoptStyles();
	const view = new EditorView({
		doc: options.code,
		extensions: [
			lineNumbers(),
			history(),
			EDITOR_LANGUAGES[options.language],
			syntaxHighlighting(highlighterFor(colours, options.language)),
			// Above the syntax highlighting's precedence, so that its marks are drawn inside and win.
			Prec.highest(textHighlights(textClassesFor(colours, options.language))),
			indentUnit.of('    '),
			EditorState.tabSize.of(4),
			// Before the default keys, which give Mod-Enter and Escape other work.
			Prec.highest(
				keymap.of([
					{ key: 'Mod-Enter', run: () => (options.run(), true) },
					{ key: 'Escape', run: () => (options.leave(), true) },
				]),
			),
			keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
			markedLine,
			theme,
			EditorView.contentAttributes.of({ 'aria-label': options.label }),
			EditorView.editorAttributes.of({ class: 'astro-code example-code-editor' }),
		],
	});
	return {
		dom: view.dom,
		code: () => view.state.doc.toString(),
		focus: () => view.focus(),
		markLine(line) {
			const { doc } = view.state;
			if (line < 1 || line > doc.lines) return false;
			view.dispatch({ effects: setMark.of(doc.line(line).from) });
			return true;
		},
		clearMark: () => view.dispatch({ effects: setMark.of(null) }),
		destroy: () => view.destroy(),
	};
}
