// npm run bench -- --cards 200: times drawing preview cards as builds did before the image cache
// (the whole card: resvg's PNG, then a palette PNG) and as they do now (the frame once, then each
// card's band), one at a time and through the build's drawing threads.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { keepFreedImageMemory } from '../../src/images/integration.ts';
import { readContent } from '../../tests/helpers/content.ts';

/**
 * Draws `count` question cards one at a time in this thread, as builds did before (the whole card,
 * resvg's PNG, then a palette PNG) and as they do now (the frame once, then each card's band), then
 * all at once through the build's thread pool: CPU ms a card, file size.
 */
async function measureCards(count: number) {
	// As the build's integration does, before resvg is loaded: its allocator keeps what it frees.
	keepFreedImageMemory();
	const { Resvg } = await import('@resvg/resvg-js');
	const { renderSvg, renderPng } = await import('../../src/images/render.ts');
	const { PreviewImages } = await import('../../src/images/preview-images.ts');
	const { socialCard, layeredSocialCard, questionCardText, CARD_SIZE } = await import('../../src/images/social-card.ts');
	const { questions } = readContent();
	const texts = Array.from({ length: count }, (_, i) => {
		const question = questions[i % questions.length]!;
		return questionCardText({ number: i + 1, title: question.title }, { number: 3, title: 'Advanced Python & Concurrency' }, 'Python & Backend Interview Guide');
	});
	const cards = texts.map(socialCard);
	const layered = texts.map(layeredSocialCard);
	const cpu = () => {
		const { user, system } = process.cpuUsage();
		return (user + system) / 1000;
	};
	await renderPng(cards[0]!, CARD_SIZE, 'warm-up');
	await renderPng(layered[0]!, CARD_SIZE, 'warm-up');
	const rows: Record<string, Record<string, number>> = {};
	const time = async <T>(name: string, images: T[], draw: (image: T) => Promise<Uint8Array>) => {
		let bytes = 0;
		const [startCpu, start] = [cpu(), performance.now()];
		for (const image of images) {
			bytes += (await draw(image)).length;
			// Back to the event loop between cards, as the build's threads are: resvg's pixmaps are freed
			// there, and without it memory (and the time the system spends giving it out) grows with each card.
			await setImmediate();
		}
		rows[name] = { 'CPU ms a card': Number(((cpu() - startCpu) / count).toFixed(1)), 'wall ms a card': Number(((performance.now() - start) / count).toFixed(1)), 'KB a card': Number((bytes / count / 1024).toFixed(1)) };
	};
	await time('Satori (layout, text to outlines), whole card', cards, async (card) => new TextEncoder().encode(await renderSvg(card, CARD_SIZE, 'bench')));
	await time('before: Satori + resvg PNG', cards, async (card) => new Resvg(await renderSvg(card, CARD_SIZE, 'bench'), { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render().asPng());
	await time('before: Satori + resvg + palette PNG, whole card', cards, (card) => renderPng(card, CARD_SIZE, 'bench'));
	await time('now: the band only, into the frame', layered, (card) => renderPng(card, CARD_SIZE, 'bench'));
	const cacheDir = mkdtempSync(join(tmpdir(), 'cards-'));
	try {
		const images = new PreviewImages({ cacheDir, worker: new URL('../../src/images/worker.ts', import.meta.url).pathname });
		const requests = layered.map((node) => ({ node, size: CARD_SIZE, source: 'bench' }));
		const [startCpu, start] = [cpu(), performance.now()];
		images.prepare('og', requests);
		let bytes = 0;
		for (const request of requests) bytes += (await images.png('og', request)).length;
		rows[`now, ${availableParallelism()} threads (build's pool)`] = {
			'CPU ms a card': Number(((cpu() - startCpu) / count).toFixed(1)),
			'wall ms a card': Number(((performance.now() - start) / count).toFixed(1)),
			'KB a card': Number((bytes / count / 1024).toFixed(1)),
		};
	} finally {
		rmSync(cacheDir, { recursive: true, force: true });
	}
	return rows;
}

/** Draws `count` cards each way and prints CPU and wall ms a card and KB a card. */
export async function benchCards(count: number) {
	const rows = await measureCards(count);
	console.log(`\nPreview cards: ${count} question cards drawn (${availableParallelism()} cores; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')})`);
	console.table(rows);
}
