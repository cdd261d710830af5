// The home page's standing (browser only), loaded by Standing.astro only when progress is stored,
// so that a first visit loads none of the scheduler or the schema.
import { dayOf, longDay, relativeDay } from './days.ts';
import { toStudyToday } from './pace.ts';
import { readSettings } from './settings.ts';
import { nextStep, STANDINGS, summarizeStanding, describeStanding } from './standing.ts';
import { readStoredProgress } from './study-store.ts';
import { pathWithBase } from '../lib/base.ts';
import { questionPath, studyPath } from '../lib/links.ts';

/** Sets a bar's segments to the counts (CSSOM, which the CSP allows, not style attributes). */
function fillBar(bar: Element, counts: Record<string, number>) {
	for (const segment of bar.querySelectorAll<HTMLElement>('[data-standing]')) {
		segment.style.flexGrow = String(counts[segment.dataset['standing']!] ?? 0);
	}
}

/** Fills the standing in `root` and the bars of the section cards; leaves the welcome when nothing is graded. */
export function showStanding(root: HTMLElement) {
	const progress = readStoredProgress();
	if (Object.keys(progress.cards).length === 0) return; // the welcome stays
	const now = new Date();
	const clock = { now, offset: -now.getTimezoneOffset() };
	const cards = [...document.querySelectorAll<HTMLElement>('[data-slugs][data-section]')];
	const sectionOf = new Map<string, string>();
	const slugs: string[] = [];
	for (const card of cards) {
		const own = card.dataset['slugs']!.split(' ');
		for (const slug of own) sectionOf.set(slug, card.dataset['section']!);
		slugs.push(...own);
		const counts = summarizeStanding(progress, own, clock);
		const box = card.querySelector<HTMLElement>('[data-section-progress]');
		if (!box || counts.new === own.length) continue;
		fillBar(box.querySelector('.bar')!, counts);
		box.querySelector('[data-section-text]')!.textContent = `${counts.known} of ${own.length} known · ${counts.due} due`;
		box.hidden = false;
	}
	const counts = summarizeStanding(progress, slugs, clock);
	fillBar(root.querySelector('.bar')!, counts);
	for (const standing of STANDINGS) root.querySelector(`[data-count="${standing}"]`)!.textContent = String(counts[standing]);
	root.querySelector('[data-known]')!.textContent = String(counts.known);
	root.querySelector('.legend')!.setAttribute('aria-label', `Your standing: ${describeStanding(counts)}`);
	const { next, missed } = nextStep(progress, slugs, clock);
	const go = root.querySelector<HTMLAnchorElement>('[data-continue]')!;
	if (next.kind === 'due') go.textContent = `Continue: ${next.count} due`;
	else if (next.kind === 'new') {
		// The guide's numbers run 1, 2, 3… in reading order (checked at build time). Continue tests the
		// reader on it (the section's study page, starting there); "Just read it" opens its page.
		const section = { id: sectionOf.get(next.slug)! };
		go.textContent = `Continue with question ${slugs.indexOf(next.slug) + 1}`;
		go.href = `${pathWithBase(studyPath(section))}?q=${next.slug}`;
		const read = root.querySelector<HTMLAnchorElement>('[data-read]')!;
		read.href = pathWithBase(questionPath({ section: section.id, slug: next.slug }));
		read.hidden = false;
	} else go.textContent = 'Study again';
	// The interview, when one is set: how far off, and today's share of the plan.
	const settings = readSettings();
	const today = dayOf(now, clock.offset);
	if (settings.interview && settings.interview > today) {
		const line = root.querySelector('[data-interview]')!;
		const interview = `Interview ${relativeDay(today, settings.interview)} (${longDay(settings.interview)})`;
		const byLimit = () => {
			line.textContent = `${interview} · ${toStudyToday(settings, progress, slugs, clock)} to study today`;
		};
		root.querySelector('[data-interview-link]')!.textContent = 'Change the date';
		// With minutes a day, today is the interview-day plan's (the scheduler comes only for it); the
		// date alone until it is in, the daily limit's count if it cannot be had (offline, a newer deploy).
		if (!settings.minutes) byLimit();
		else {
			line.textContent = interview;
			import('./day-plan.ts').then(({ planDay, planOptions }) => {
				const plan = planDay(progress, slugs, planOptions(settings, progress, clock)!);
				if (!plan) {
					byLimit();
					return;
				}
				line.textContent = `${interview} · ${plan.slugs.length} to study today in your plan, about ${plan.minutes} min`;
				// Continue is the plan's day, on the whole guide's study page, not FSRS's next card.
				go.textContent = plan.slugs.length > 0 ? `Continue: ${plan.slugs.length} in today’s plan` : 'Study again';
				go.href = pathWithBase(studyPath());
				root.querySelector<HTMLElement>('[data-read]')!.hidden = true;
			}, byLimit);
		}
	}
	const review = root.querySelector<HTMLAnchorElement>('[data-missed]')!;
	root.querySelector('[data-missed-count]')!.textContent = String(missed);
	review.hidden = missed === 0;
	root.querySelector<HTMLElement>('[data-welcome]')!.hidden = true;
	root.querySelector<HTMLElement>('[data-progress]')!.hidden = false;
}
