// The question cards, drawn while content syncs: rendered-glob.ts hands each question's data here as
// Astro reads its file, before rendering it. The sync keeps the build's main thread busy and leaves
// the other core mostly idle; the card route (src/pages/[...card].ts) then finds its cards drawn or
// being drawn, where it would have started them once the pages render. A head start only: the route
// still asks for every card it serves (a card drawn here from other text is not used, and one that
// failed is drawn again there, which reports the error), and only in a build (previewImagesAhead).
import type { LoaderContext } from 'astro/loaders';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { sectionSchema, type SectionData } from '../lib/schema.ts';
import { cardImage, questionCardText } from './social-card.ts';
import { siteConfig } from '../site.config.ts';
import { previewImagesAhead } from './preview-images.ts';

/** What rendered-glob.ts calls with each question's checked data; `sectionsFile` is the sections collection's file, from the project's root. */
export function questionCardsAhead(sectionsFile: string) {
	let sections: Map<string, SectionData> | undefined;
	return (data: Record<string, unknown>, file: string, { config }: LoaderContext) => {
		const images = previewImagesAhead();
		if (!images) return;
		sections ??= readSections(new URL(sectionsFile, config.root));
		const { number, title, section } = data as { number: number; title: string; section: { id: string } };
		const sectionData = sections.get(section.id);
		// A section the list lacks fails the build later (src/lib/guide.ts), where it is named.
		if (!sectionData) return;
		const text = questionCardText({ number, title }, sectionData, siteConfig.title);
		images.drawAhead('og', [cardImage(text, relative(fileURLToPath(config.root), file))]);
	};
}

/** The sections by id, as the sections collection checks them; none when the file does not pass (the collection reports why). */
function readSections(file: URL): Map<string, SectionData> {
	try {
		return new Map(sectionSchema.array().parse(parse(readFileSync(file, 'utf8'))).map((section) => [section.id, section]));
	} catch {
		return new Map();
	}
}
