// A "what does this print?" card's form (issue 36), shared by a question page ("Predict, then run",
// from controls.ts) and the study pages (session.ts): the reader picks one of the outputs or types
// one, then sees it against what the program printed, line by line. Browser only; the comparison
// itself is src/lib/prediction.ts.
import { comparePrediction, orderedChoices, type Choice, type PredictionCard } from '../lib/prediction.ts';
import predictionStyles from './prediction.css?inline';

let styled = false;
let forms = 0;
/** The form's look comes with this code: the pages that never show a card carry none of it. */
function adoptStyles() {
	if (styled) return;
	styled = true;
	const sheet = new CSSStyleSheet();
	sheet.replaceSync(predictionStyles);
	document.adoptedStyleSheets.push(sheet);
}

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
	const made = document.createElement(tag);
	if (className) made.className = className;
	if (text !== undefined) made.textContent = text;
	return made;
};

export interface PredictionForm {
	form: HTMLFormElement;
	/** The first field, to give the focus to. */
	first: HTMLElement;
	/** Shows the prediction against what was printed; the form's fields are then read-only. Returns whether it was right. */
	check(printed: string): boolean;
}

/**
 * The form for `card`. `onSubmit` is called once something is chosen or typed (the form asks for it
 * until then); `submitLabel` names what checking does here ("Run and check" on a question page).
 * `titled`: the form asks "What does this print?" itself (a study card's heading asks it there).
 */
export function predictionForm(
	card: PredictionCard,
	{ submitLabel, onSubmit, titled = true, round = 0 }: { submitLabel: string; onSubmit: () => void; titled?: boolean; round?: number },
): PredictionForm {
	adoptStyles();
	const form = element('form', 'predict');
	form.noValidate = true;
	// One id per form: a study page may show a card's form and, in an answer, the same example's.
	const fieldId = `predict-${++forms}`;
	const heading = element('p', 'predict-prompt');
	if (titled) heading.append(element('strong', undefined, 'What does this print?'), ' ');
	heading.append('Predict it before you see it.');
	heading.id = `${fieldId}-prompt`;
	form.setAttribute('aria-labelledby', heading.id);
	form.append(heading);

	const choices = card.wrong.length > 0 ? orderedChoices(card, round) : [];
	let prediction: () => { text: string; choice?: Choice } | undefined;
	let first: HTMLElement;
	const fields: (HTMLInputElement | HTMLTextAreaElement)[] = [];
	if (choices.length > 0) {
		const group = element('fieldset', 'predict-choices');
		group.append(element('legend', 'sr-only', 'Your prediction'));
		for (const [index, choice] of choices.entries()) {
			const label = element('label', 'predict-choice');
			const radio = element('input');
			radio.type = 'radio';
			radio.name = fieldId;
			radio.value = String(index);
			fields.push(radio);
			label.append(radio, element('pre', undefined, choice.output.replace(/\n$/, '')));
			group.append(label);
		}
		form.append(group);
		first = fields[0]!;
		prediction = () => {
			const picked = fields.find((field) => (field as HTMLInputElement).checked);
			if (!picked) return undefined;
			const choice = choices[Number(picked.value)]!;
			return { text: choice.output, choice };
		};
	} else {
		const label = element('label', 'predict-label', 'Your prediction: what it prints, line by line');
		label.htmlFor = fieldId;
		const area = element('textarea', 'predict-typed');
		area.id = fieldId;
		// As many lines whatever the answer's: the field's size must not tell it.
		area.rows = 4;
		area.spellcheck = false;
		area.autocomplete = 'off';
		area.setAttribute('autocapitalize', 'off');
		fields.push(area);
		form.append(label, area);
		first = area;
		prediction = () => (area.value.trim() === '' ? undefined : { text: area.value });
	}

	const actions = element('div', 'predict-actions');
	const submit = element('button', undefined, submitLabel);
	submit.type = 'submit';
	const said = element('p', 'predict-said');
	said.setAttribute('role', 'status');
	actions.append(submit, said);
	const result = element('div', 'predict-result');
	result.hidden = true;
	form.append(actions, result);

	let given: { text: string; choice?: Choice } | undefined;
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		if (given) return;
		given = prediction();
		if (!given) {
			said.textContent = choices.length > 0 ? 'Choose an output first.' : 'Type what you think it prints first.';
			first.focus();
			return;
		}
		said.textContent = '';
		submit.disabled = true;
		for (const field of fields) {
			if (field instanceof HTMLTextAreaElement) field.readOnly = true;
			else field.disabled = !field.checked;
		}
		onSubmit();
	});

	const check = (printed: string): boolean => {
		const { right, lines } = comparePrediction(given!.text, printed);
		const verdict = element('p', `predict-verdict ${right ? 'right' : 'wrong'}`);
		verdict.append(element('strong', undefined, right ? 'Right.' : 'Not quite.'), ' ');
		if (right) verdict.append(choices.length > 0 ? 'That is what it prints.' : 'That is what it prints, line for line.');
		else if (given!.choice?.change) verdict.append(`That output is what it would print with one change: ${given!.choice.change}.`);
		else verdict.append('The lines that differ are marked below.');
		result.replaceChildren(verdict);
		if (!right) {
			const legend = element('p', 'predict-legend');
			legend.append(element('span', 'predict-mark predicted', '−'), ' your prediction ', element('span', 'predict-mark printed', '+'), ' what it printed');
			legend.setAttribute('aria-hidden', 'true');
			const diff = element('pre', 'predict-diff');
			diff.tabIndex = 0;
			diff.setAttribute('role', 'group');
			diff.setAttribute('aria-label', 'Your prediction against the output');
			for (const line of lines) {
				const row = element('span', `predict-line ${line.kind}`);
				if (line.kind !== 'same') row.append(element('span', 'sr-only', line.kind === 'predicted' ? 'You predicted: ' : 'It printed: '));
				row.append(line.text === '' ? ' ' : line.text);
				diff.append(row);
			}
			result.append(legend, diff);
		}
		result.hidden = false;
		// Said for screen readers; the verdict shows it to the eye.
		said.textContent = right ? 'Right.' : 'Not quite: compare below.';
		said.classList.add('sr-only');
		return right;
	};
	return { form, first, check };
}
