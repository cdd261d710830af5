// What the site's generated images show, as element trees for Satori (src/images/render.ts draws
// them): a link preview card per page, and the site's icon. Pure data, so the layout is testable.
import { toPlainText } from '../markdown/inline.ts';
import { sectionLabel } from '../lib/labels.ts';
import { lightColour } from '../styles/palette.ts';

/** A Satori element: the shape of a React element, without React. */
export interface CardNode {
	type: string;
	props: { style?: Record<string, string | number>; children?: (CardNode | string)[] | CardNode | string | undefined };
}

const el = (type: string, style: Record<string, string | number>, children?: CardNode['props']['children']): CardNode => ({
	type,
	props: { style, children },
});

/** The card's colours: the site's light theme. */
export const CARD_COLOURS = {
	paper: lightColour('bg'),
	ink: lightColour('text'),
	muted: lightColour('muted'),
	accent: lightColour('accent'),
	soft: lightColour('accent-soft'),
};

/** Open Graph's recommended size, which chat apps and social sites crop least. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

export interface CardText {
	/** The small line above the title: "Question 26 · Section 3: Advanced Python & Concurrency". */
	kicker: string;
	/** The large text: the question, or the page's title. Plain text. */
	title: string;
	/** The line at the foot of the card, beside the icon: the site's name. */
	footer: string;
}

/** A size for the title that keeps even the longest question within three or four lines. */
export function titleSize(title: string): number {
	if (title.length <= 45) return 76;
	if (title.length <= 75) return 64;
	return 54;
}

/** The height of the accent rule along the card's foot. */
const ACCENT_RULE = 16;
/**
 * The card's padding. The bottom one makes room for the accent rule, drawn as a bar of its own: a
 * border would come out of Satori as three nested clip paths, a quarter of the card's rasterising time.
 */
const PADDING = { top: 64, side: 72, bottom: 64 + ACCENT_RULE };
/** The footer's height: its icon's, the tallest thing in it. */
const FOOTER_HEIGHT = 56;

/** The card's box: a column with the kicker at the top, the footer at the foot, the title between. */
const cardStyle = (): Record<string, string | number> => ({
	width: '100%',
	height: '100%',
	boxSizing: 'border-box',
	display: 'flex',
	flexDirection: 'column',
	justifyContent: 'space-between',
	padding: `${PADDING.top}px ${PADDING.side}px ${PADDING.bottom}px`,
	position: 'relative',
	backgroundColor: CARD_COLOURS.paper,
	fontFamily: 'Inter',
	color: CARD_COLOURS.ink,
});

const kickerLine = (kicker: string) => el('div', { display: 'flex', fontSize: 30, fontWeight: 700, color: CARD_COLOURS.accent }, kicker);
const titleBlock = (title: string) => el('div', { display: 'flex', fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.15 }, title);

/** A link preview card: kicker, title and site name on white, with the site's icon and an accent rule. */
export function socialCard({ kicker, title, footer }: CardText): CardNode {
	const { muted, accent } = CARD_COLOURS;
	return el('div', cardStyle(), [
		kickerLine(kicker),
		titleBlock(title),
		el('div', { display: 'flex', alignItems: 'center', gap: 20, fontSize: 30, color: muted }, [siteIcon(FOOTER_HEIGHT), el('div', { display: 'flex' }, footer)]),
		el('div', { position: 'absolute', left: 0, right: 0, bottom: 0, height: ACCENT_RULE, backgroundColor: accent }),
	]);
}

/**
 * A card in two layers, as src/images/render.ts draws it: the frame, which every card with the same
 * footer shares (paper, icon, site name, accent rule: the card without kicker or title), and the band
 * of rows from the top padding to the footer, which holds the card's own text. The band is laid out
 * as in the whole card (the same width, and the footer's place kept by an empty line at its foot, so
 * space-between puts the title where it was), so the drawn pixels are the whole card's, byte for
 * byte (tests/unit/social-card.test.ts); drawing a frame once and then only bands takes a third less
 * time a card.
 */
export interface LayeredCard {
	frame: CardNode;
	band: { node: CardNode; top: number; height: number };
}

/** A link preview card (socialCard) in its two layers. */
export function layeredSocialCard({ kicker, title, footer }: CardText): LayeredCard {
	const height = CARD_SIZE.height - PADDING.top - PADDING.bottom - FOOTER_HEIGHT;
	const spacer = el('div', { display: 'flex', height: 0 });
	return {
		frame: socialCard({ kicker: '', title: '', footer }),
		band: {
			node: el('div', { ...cardStyle(), height, padding: `0 ${PADDING.side}px` }, [kickerLine(kicker), titleBlock(title), spacer]),
			top: PADDING.top,
			height,
		},
	};
}

/**
 * The site's icon: "Q?" on the accent colour. `safeZone` shrinks the rounded square into the middle
 * 80 % of a full-bleed square, for "maskable" icons that a phone crops to its own shape.
 */
export function siteIcon(size: number, { safeZone = false } = {}): CardNode {
	const { accent, paper } = CARD_COLOURS;
	const inner = safeZone ? Math.round(size * 0.8) : size;
	const mark = el(
		'div',
		{
			width: inner,
			height: inner,
			display: 'flex',
			alignItems: 'center',
			justifyContent: 'center',
			borderRadius: safeZone ? 0 : Math.round(size * 0.19),
			backgroundColor: accent,
			color: paper,
			fontFamily: 'Inter',
			fontWeight: 700,
			fontSize: Math.round(inner * 0.5),
			letterSpacing: -Math.round(inner * 0.02),
		},
		'Q?',
	);
	return safeZone
		? el('div', { width: size, height: size, display: 'flex', alignItems: 'center', justifyContent: 'center', backgroundColor: accent }, [mark])
		: mark;
}

/**
 * A card as the build draws it (src/images/): in layers, at Open Graph's size, with the file its text
 * comes from to name in errors. The card route and the content sync's head start (cards-ahead.ts)
 * both ask for this, so that they ask for the same image.
 */
export const cardImage = (text: CardText, source: string) => ({ node: layeredSocialCard(text), size: CARD_SIZE, source });

/** The card of a question (its title in Markdown): number and section above, the question itself large. */
export function questionCardText(
	question: { number: number; title: string },
	section: { number: number; title: string },
	site: string,
): CardText {
	return {
		kicker: `Question ${question.number} · ${sectionLabel(section)}`,
		title: toPlainText(question.title),
		footer: site,
	};
}

/** The card of a section: its number and question range above, its name large. */
export function sectionCardText(section: { number: number; title: string; first: number; last: number }, site: string): CardText {
	return { kicker: `Section ${section.number} · Questions ${section.first}–${section.last}`, title: section.title, footer: site };
}

/** What a card says in words, for og:image:alt. */
export const cardAlt = ({ kicker, title }: CardText) => `${kicker}: ${title}`;
