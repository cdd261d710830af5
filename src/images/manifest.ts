// The web app manifest and the icons it names, so the guide can be added to a phone's home screen.
import { SITE_PATHS, iconPath, joinBase } from '../lib/links.ts';
import { lightColour } from '../styles/palette.ts';

/** The PNG icons the build draws (src/pages/icons/), besides the SVG favicon. */
export const SITE_ICONS = [
	{ name: 'icon-192', size: 192, maskable: false },
	{ name: 'icon-512', size: 512, maskable: false },
	// Full-bleed, its mark inside the safe zone: for launchers that crop icons to their own shape.
	{ name: 'maskable-512', size: 512, maskable: true },
	// iOS rounds the corners itself and shows transparency as black: full-bleed too.
	{ name: 'apple-touch-icon', size: 180, maskable: true },
] as const;

export type SiteIcon = (typeof SITE_ICONS)[number];

/** The manifest for a site served under `base` ("/" or "/guide/"). */
export function webManifest({ name, description, base }: { name: string; description: string; base: string }) {
	return {
		name,
		short_name: 'Interview Guide',
		description,
		lang: 'en',
		start_url: joinBase(base, SITE_PATHS.home),
		scope: joinBase(base, SITE_PATHS.home),
		display: 'standalone',
		background_color: lightColour('bg'),
		theme_color: lightColour('accent'),
		icons: [
			{ src: joinBase(base, SITE_PATHS.favicon), type: 'image/svg+xml', sizes: 'any', purpose: 'any' },
			...SITE_ICONS.filter((icon) => icon.name !== 'apple-touch-icon').map((icon) => ({
				src: joinBase(base, iconPath(icon)),
				type: 'image/png',
				sizes: `${icon.size}x${icon.size}`,
				purpose: icon.maskable ? 'maskable' : 'any',
			})),
		],
	};
}
