import { describe, expect, test } from 'vitest';
import { renderPng, renderSvg } from '../../src/images/render.ts';
import { SITE_ICONS, webManifest } from '../../src/images/manifest.ts';
import { CARD_SIZE, cardAlt, layeredSocialCard, questionCardText, sectionCardText, siteIcon, socialCard, titleSize, type CardText } from '../../src/images/social-card.ts';
import { socialImagePath } from '../../src/lib/links.ts';

const section = { number: 1, title: 'Python Fundamentals', first: 1, last: 10 };

describe('card text', () => {
	test('a question card names the question, its number and section, as plain text', () => {
		const text = questionCardText({ number: 6, title: 'What is the `__init__.py` file?' }, section, 'Guide');
		expect(text).toEqual({ kicker: 'Question 6 · Section 1: Python Fundamentals', title: 'What is the __init__.py file?', footer: 'Guide' });
		expect(cardAlt(text)).toBe('Question 6 · Section 1: Python Fundamentals: What is the __init__.py file?');
	});

	test('a section card names its range', () => {
		expect(sectionCardText(section, 'Guide').kicker).toBe('Section 1 · Questions 1–10');
	});

	test('longer titles get smaller type', () => {
		const sizes = [20, 60, 110].map((length) => titleSize('x'.repeat(length)));
		expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
		expect(new Set(sizes).size).toBe(3);
	});
});

describe('socialImagePath', () => {
	test('names the image after the page', () => {
		expect(socialImagePath('/python-fundamentals/what-is-gil/')).toBe('/og/python-fundamentals/what-is-gil.png');
		expect(socialImagePath('/python-fundamentals/')).toBe('/og/python-fundamentals.png');
		expect(socialImagePath('/')).toBe('/og/site.png');
	});
});

describe('rendering', () => {
	test('draws a card as a PNG of its size', async () => {
		const png = await renderPng(socialCard(questionCardText({ number: 7, title: 'What is the GIL?' }, section, 'Guide')), { width: 1200, height: 630 }, 'test');
		const view = Buffer.from(png);
		expect(view.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect([view.readUInt32BE(16), view.readUInt32BE(20)]).toEqual([1200, 630]);
	});

	test('draws a card in layers with the same pixels as the whole card, whatever card the thread drew before', async () => {
		const site = 'Python & Backend Interview Guide';
		const texts: CardText[] = [
			// The tallest band first: every later card must write over all of it.
			questionCardText({ number: 96, title: 'How would you design a rate limiter for an API that serves millions of users across many regions?' }, { number: 10, title: 'Additional Scenarios: Advanced Real-World Questions' }, site),
			questionCardText({ number: 7, title: 'What is the GIL?' }, section, site),
			questionCardText({ number: 26, title: 'What is the difference between multithreading and multiprocessing in Python?' }, { number: 3, title: 'Advanced Python & Concurrency' }, site),
			sectionCardText({ number: 4, title: 'FastAPI', first: 31, last: 40 }, site),
			{ kicker: '100 questions in 10 sections', title: site, footer: 'Read, search and study every answer' },
		];
		for (const text of texts) {
			const [whole, layered] = await Promise.all([renderPng(socialCard(text), CARD_SIZE, 'test'), renderPng(layeredSocialCard(text), CARD_SIZE, 'test')]);
			expect(Buffer.compare(layered, whole), text.title).toBe(0);
		}
	});

	test('a frame that cannot be drawn fails each card that needs it, naming that card', async () => {
		const card = layeredSocialCard({ kicker: 'Question 1', title: 'What is the GIL?', footer: '指南' });
		for (const source of ['content/questions/a.md', 'content/questions/b.md']) {
			await expect(renderPng(card, CARD_SIZE, source)).rejects.toThrow(`${source}: the preview image's font`);
		}
	});

	test('turns text into outlines, so the SVG needs no font', async () => {
		const svg = await renderSvg(siteIcon(32), { width: 32, height: 32 }, 'test');
		expect(svg).toMatch(/^<svg /);
		expect(svg).not.toContain('<text');
	});

	test('fails naming the source when the font cannot draw a character', async () => {
		const card = socialCard({ kicker: 'Question 1', title: '什么是 GIL?', footer: 'Guide' });
		await expect(renderSvg(card, { width: 1200, height: 630 }, 'content/questions/x.md')).rejects.toThrow(
			/content\/questions\/x\.md: the preview image's font .* cannot draw/,
		);
	});
});

describe('webManifest', () => {
	test('starts and scopes at the base path, and lists every icon but the apple-touch one', () => {
		const manifest = webManifest({ name: 'Guide', description: 'd', base: '/guide/' });
		expect(manifest.start_url).toBe('/guide/');
		expect(manifest.scope).toBe('/guide/');
		expect(manifest.icons.map((icon) => icon.src)).toEqual([
			'/guide/favicon.svg',
			...SITE_ICONS.filter((icon) => icon.name !== 'apple-touch-icon').map((icon) => `/guide/icons/${icon.name}.png`),
		]);
	});
});
