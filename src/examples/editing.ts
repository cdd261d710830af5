// What Edit does under an example: the code block gives way to an editor (editor.ts: CodeMirror, a
// bundle of its own, imported on a page's first Edit), or, when that cannot be had (offline with it
// never kept, a newer deploy), to a plain text box that says why, with the same code. The block
// stays where it is while the editor loads, and the editor takes its place at its size. Run runs what
// the reader has there, and a run that fails marks the line its error names, until Reset puts the
// code block back. Part of the controls' bundle (controls.ts).
import editorUrl from 'virtual:build/examples-editor';
import type { CodeEditor, EditorOptions } from './editor.ts';
import { failedLine } from './python-run.ts';
import type { Runtime } from './rules.ts';
import { failedSqlLine } from './sql-run.ts';

/** The parts of an example that Edit works with. */
export interface EditParts {
	runtime: Runtime;
	/** The code block (Shiki's <pre>) that the editor replaces. */
	block: HTMLElement;
	code: string;
	status: HTMLElement;
	button(action: 'run' | 'edit' | 'reset' | 'stop'): HTMLButtonElement;
}

/** An example being edited: its editor once there, where "Left the editor" is said, and what to undo on Reset. */
interface Editing {
	runtime: Runtime;
	editor?: CodeEditor;
	live?: HTMLElement;
	undo?: (() => void) | undefined;
}
const editing = new WeakMap<HTMLElement, Editing>();
let editorModule: Promise<typeof import('./editor.ts')> | undefined;

const modKey = () => (/Mac|iPhone|iPad/.test(navigator.platform) ? 'Cmd' : 'Ctrl');

/** Edit: opens the editor on the example's code, and puts the focus in it. */
export async function openEditor(example: HTMLElement, parts: EditParts): Promise<void> {
	if (editing.has(example)) return;
	const state: Editing = { runtime: parts.runtime };
	editing.set(example, state);
	const edit = parts.button('edit');
	// What the status line says now: a Run pressed while the editor loads says something newer.
	const said = parts.status.textContent;
	// While the editor loads the code stays put; the button says what is happening.
	edit.textContent = 'Opening…';
	edit.setAttribute('aria-disabled', 'true');
	const options: EditorOptions = {
		code: parts.code,
		language: parts.runtime,
		label: `Code of the example (${parts.runtime === 'python' ? 'Python' : 'SQL'}), editable`,
		// Ctrl/Cmd+Enter presses Run: nothing while a run is on, as the button is disabled.
		run: () => parts.button('run').click(),
		leave: () => {
			const run = parts.button('run');
			(run.disabled ? parts.button('stop') : run).focus();
			if (state.live) state.live.textContent = 'Left the editor.';
		},
	};
	let editor: CodeEditor;
	let why: string | undefined;
	try {
		editor = (await (editorModule ??= import(/* @vite-ignore */ editorUrl) as Promise<typeof import('./editor.ts')>)).createEditor(options);
	} catch {
		// Tried again on the next Edit.
		editorModule = undefined;
		editor = plainEditor(options);
		why = navigator.onLine
			? 'The code editor could not be loaded, so this is a plain text box.'
			: 'Offline: the code editor was not saved for offline use, so this is a plain text box.';
	}
	restoreEditButton(edit);
	// Reset pressed while it loaded: the example stays as written.
	if (editing.get(example) !== state) return editor.destroy();
	state.editor = editor;
	state.live = document.createElement('p');
	state.live.className = 'sr-only';
	state.live.setAttribute('aria-live', 'polite');
	editor.dom.addEventListener('focusin', () => (state.live!.textContent = ''));
	// In the code block's place, at its size, so nothing around it moves.
	const block = getComputedStyle(parts.block);
	Object.assign(editor.dom.style, { marginBlockStart: block.marginBlockStart, borderStartEndRadius: block.borderStartEndRadius, justifySelf: 'stretch' });
	const lineHeight = lineHeightOf(parts.block);
	if (lineHeight) editor.dom.style.setProperty('--example-line-height', `${lineHeight}px`);
	parts.block.after(editor.dom, state.live);
	parts.block.hidden = true;
	state.undo = copyEditedCode(parts.block, editor);
	edit.hidden = true;
	parts.button('reset').hidden = false;
	if (parts.status.textContent === said) parts.status.textContent = why ?? `Tab indents, ${modKey()}+Enter runs, Esc leaves.`;
	editor.focus();
}

/**
 * How far apart a code block's lines are: more than its line-height says, since the block's own
 * font (the strut) and its code's monospace font share each line; undefined for one line.
 */
function lineHeightOf(block: HTMLElement): number | undefined {
	const lines = block.querySelectorAll('.line');
	if (lines.length < 2) return undefined;
	return (lines[lines.length - 1]!.getBoundingClientRect().top - lines[0]!.getBoundingClientRect().top) / (lines.length - 1);
}

function restoreEditButton(edit: HTMLButtonElement): void {
	edit.textContent = 'Edit';
	edit.removeAttribute('aria-disabled');
}

/**
 * While the editor is open, the block's "Copy code" button (components/code-copy.ts, a tab above
 * the code) copies the code as edited, not as written. Returns what undoes it.
 */
function copyEditedCode(block: HTMLElement, editor: CodeEditor): (() => void) | undefined {
	const wrapper = block.parentElement;
	if (!wrapper?.matches('.code-block')) return undefined;
	const copy = (event: Event) => {
		const button = event.target;
		if (!(button instanceof HTMLButtonElement) || button.parentElement !== wrapper) return;
		// Before the button's own listener, which would copy the code as written.
		event.stopPropagation();
		const say = (text: string) => {
			button.textContent = text;
			setTimeout(() => (button.textContent = 'Copy code'), 2000);
		};
		// No clipboard (a page not served over HTTPS) is a refusal too.
		Promise.resolve()
			.then(() => navigator.clipboard.writeText(editor.code()))
			.then(() => say('Copied'), () => say('Copy blocked'));
	};
	wrapper.addEventListener('click', copy, { capture: true });
	return () => wrapper.removeEventListener('click', copy, { capture: true });
}

/** Reset: the editor removed and the code block back in its place. */
export function closeEditor(example: HTMLElement, parts: Pick<EditParts, 'block' | 'button'>): void {
	const state = editing.get(example);
	editing.delete(example);
	state?.editor?.destroy();
	state?.editor?.dom.remove();
	state?.live?.remove();
	state?.undo?.();
	restoreEditButton(parts.button('edit'));
	parts.block.hidden = false;
}

/** The code a Run runs, if the example is being edited: the reader's. The last run's marked line is cleared. */
export function codeForRun(example: HTMLElement): string | undefined {
	const editor = editing.get(example)?.editor;
	editor?.clearMark();
	return editor?.code();
}

/**
 * After a run that failed: the line of the reader's code the error points at is marked in the
 * editor, and the status line says which. Python's: where its traceback ends; PostgreSQL's: the
 * line of the position it gives (sql-run.ts), which some errors have not (a division by zero).
 */
export function markFailedLine(example: HTMLElement, output: HTMLElement, status: HTMLElement): void {
	const state = editing.get(example);
	const errors = [...output.querySelectorAll('.example-stderr')].map((element) => element.textContent).join('');
	const line = state?.runtime === 'sql' ? failedSqlLine(errors) : failedLine(errors);
	if (state?.editor && line !== undefined && state.editor.markLine(line)) status.append(` Line ${line} is marked in the code.`);
}

/** The editor when CodeMirror cannot be had: a text box with the same name, keys for Run and leaving, and no marks. */
function plainEditor(options: EditorOptions): CodeEditor {
	const textarea = document.createElement('textarea');
	textarea.className = 'example-editor';
	textarea.value = options.code;
	textarea.rows = Math.min(30, options.code.split('\n').length + 1);
	textarea.spellcheck = false;
	textarea.setAttribute('aria-label', options.label);
	textarea.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) options.run();
		else if (event.key === 'Escape') options.leave();
		else return;
		event.preventDefault();
	});
	return { dom: textarea, code: () => textarea.value, focus: () => textarea.focus(), markLine: () => false, clearMark() {}, destroy() {} };
}
