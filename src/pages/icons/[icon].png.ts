import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { previewImages } from '../../images/site-images.ts';
import { SITE_ICONS, type SiteIcon } from '../../images/manifest.ts';
import { siteIcon } from '../../images/social-card.ts';

const image = (icon: SiteIcon) => ({
	node: siteIcon(icon.size, { safeZone: icon.maskable }),
	size: { width: icon.size, height: icon.size },
	source: 'src/images/social-card.ts',
});

// The home-screen icons the manifest and the apple-touch-icon link name, drawn at build time.
export const getStaticPaths = (() => {
	previewImages.prepare('icons', SITE_ICONS.map(image));
	return SITE_ICONS.map((icon) => ({ params: { icon: icon.name }, props: { icon } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { icon } }) =>
	new Response(await previewImages.png('icons', image(icon)), { headers: { 'Content-Type': 'image/png' } });
