import { expect, test, type Page } from '@playwright/test';
import { searchDialog, searchInput, searchResults } from '../helpers/browser.ts';
import { at } from '../helpers/site.ts';

/**
 * The primary actions a reader's thumb goes for: 44x44 CSS px (WCAG 2.5.5's size). Named by their
 * text or aria-label as a reader sees it ("Again 1 day", "Search /", "Study this section").
 */
const PRIMARY = /^(Again|Hard|Good|Easy)\b|^(Run|Edit|Copy code|Copy link|Search|Study|Show answer)\b/;

/** One control that is too small, as a failure names it. */
interface Miss {
	control: string;
	size: string;
	needs: string;
}

/**
 * Every visible control on the page, measured: a primary action is at least 44x44; any other is at
 * least 24x24, or spaced as WCAG 2.2 SC 2.5.8 allows (a 24 px circle centred on it meets no other
 * control and no other small control's circle). Exempt, as 2.5.8 exempts them: a link inside running
 * prose (it shows words and its block has words of its own: its size is set by the line of text it
 * sits in); a "#" link beside a heading is not in a sentence and is measured. With a
 * modal dialog open, only the dialog's controls can be tapped. The skip link waits above the page
 * until it is focused.
 */
async function tooSmall(page: Page): Promise<Miss[]> {
	return page.evaluate((primarySource) => {
		const primary = new RegExp(primarySource);
		const SELECTOR = 'a[href], button, select, input, textarea, summary, [tabindex]:not([tabindex="-1"])';
		const modal = document.querySelector('dialog:modal');
		const name = (el: Element) => (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
		/** Words a control shows (not its screen-reader text): a "#" beside a heading shows none. */
		const shownWords = (el: Element) => {
			const shown = el.cloneNode(true) as Element;
			for (const hidden of shown.querySelectorAll('.sr-only')) hidden.remove();
			return /\p{L}{2,}/u.test(shown.textContent ?? '');
		};
		/** A link inside a sentence: it shows words, and the nearest block around it holds words that are not a control's. */
		const inProse = (el: Element) => {
			if (getComputedStyle(el).display !== 'inline' || !shownWords(el)) return false;
			let block = el.parentElement!;
			while (/^(inline|contents)/.test(getComputedStyle(block).display)) block = block.parentElement!;
			const own = block.cloneNode(true) as Element;
			for (const control of own.querySelectorAll(SELECTOR)) control.remove();
			return /\p{L}{2,}/u.test(own.textContent ?? '');
		};
		const targets = [...document.querySelectorAll(SELECTOR)]
			.filter((el) => (modal ? modal.contains(el) : true))
			.filter((el) => el.checkVisibility({ visibilityProperty: true }))
			.map((el) => ({ el, box: el.getBoundingClientRect() }))
			.filter(({ box }) => box.width > 0 && box.height > 0 && box.bottom + scrollY > 0);
		const small = (box: DOMRect) => box.width < 24 || box.height < 24;
		const centre = (box: DOMRect) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
		/** Distance from a point to the nearest point of a box (0 inside it). */
		const toBox = (p: { x: number; y: number }, box: DOMRect) =>
			Math.hypot(Math.max(box.left - p.x, 0, p.x - box.right), Math.max(box.top - p.y, 0, p.y - box.bottom));
		const misses: Miss[] = [];
		for (const { el, box } of targets) {
			const control = `${el.tagName.toLowerCase()} "${name(el)}"`;
			const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
			if (primary.test(name(el))) {
				if (box.width < 44 || box.height < 44) misses.push({ control, size, needs: '44x44 (a primary action)' });
				continue;
			}
			if (!small(box) || inProse(el)) continue;
			const c = centre(box);
			const crowded = targets.some(
				(other) =>
					other.el !== el &&
					!other.el.contains(el) &&
					!el.contains(other.el) &&
					(toBox(c, other.box) < 12 || (small(other.box) && Math.hypot(c.x - centre(other.box).x, c.y - centre(other.box).y) < 24)),
			);
			if (crowded) misses.push({ control, size, needs: '24x24, or a 24 px circle clear of other controls (WCAG 2.5.8)' });
		}
		return misses;
	}, PRIMARY.source);
}

test.describe('on a 390x844 touch phone every control is big enough to tap', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	const pages: Record<string, string> = {
		home: '/',
		'a section page': '/sql-databases/',
		'question 7 (a runnable example)': '/python-fundamentals/global-interpreter-lock-gil/',
	};
	for (const [label, path] of Object.entries(pages)) {
		test(`${label}: ${path}`, async ({ page }) => {
			await page.goto(at(path));
			// The script's controls are in place (Copy code, Run, Copy link, the search button) before they are measured.
			await expect(page.locator('sg-theme-select')).toBeVisible();
			if (path.includes('global-interpreter-lock-gil')) {
				await expect(page.getByRole('button', { name: 'Run' })).toBeVisible();
				await expect(page.getByRole('button', { name: 'Copy code' })).toBeVisible();
				await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
			}
			expect(await tooSmall(page), `controls too small on ${path}`).toEqual([]);
		});
	}

	test('study: /study/ with the answer shown and the grade buttons out', async ({ page }) => {
		await page.goto(at('/study/'));
		// Show the answer.
		await page.getByRole('button', { name: 'Show answer' }).filter({ visible: true }).click();
		await expect(page.getByRole('button', { name: /^Good/ }).filter({ visible: true })).toBeVisible();
		expect(await tooSmall(page), 'controls too small on /study/ with the answer shown').toEqual([]);
	});

	test('search: the dialog open with results', async ({ page }) => {
		await page.goto(at('/python-fundamentals/global-interpreter-lock-gil/'));
		// Open the search and look for a word.
		await page.getByRole('button', { name: 'Search' }).click();
		await searchInput(page).fill('deadlock');
		await expect(searchResults(page).first()).toBeVisible();
		await expect(searchDialog(page)).toBeVisible();
		expect(await tooSmall(page), 'controls too small in the search dialog').toEqual([]);
	});
});
