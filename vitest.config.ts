/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig(
	{
		test: {
			// unit/ runs before the build; site/ checks the built dist/ (npm test runs it after the build).
			include: ['tests/unit/**/*.test.ts', 'tests/site/**/*.test.ts'],
		},
	},
	// Keeps rendered HTML free of the dev toolbar's data-astro-source-* attributes.
	{ devToolbar: { enabled: false } },
);
