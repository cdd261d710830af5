import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { renderPng } from '../../images/render.ts';
import { SITE_ICONS } from '../../lib/manifest.ts';
import { siteIcon } from '../../lib/social-card.ts';

// The home-screen icons the manifest and the apple-touch-icon link name, drawn at build time.
export const getStaticPaths = (() => SITE_ICONS.map((icon) => ({ params: { icon: icon.name }, props: { icon } }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { icon } }) =>
	new Response(
		await renderPng(siteIcon(icon.size, { safeZone: icon.maskable }), { width: icon.size, height: icon.size }, 'src/lib/social-card.ts'),
		{ headers: { 'Content-Type': 'image/png' } },
	);
