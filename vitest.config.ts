/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig(
	{
		test: {
			include: ['tests/unit/**/*.test.ts'],
		},
	},
	// Keeps rendered HTML free of the dev toolbar's data-astro-source-* attributes.
	{ devToolbar: { enabled: false } },
);
