/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig(
	{
		test: {
			// unit/ and pipeline/ run before the build; site/ checks the built dist/ (npm test runs it after).
			include: ['tests/unit/**/*.test.ts', 'tests/pipeline/**/*.test.ts', 'tests/site/**/*.test.ts'],
			// pipeline/ builds whole sites; two at a time fill this machine's two cores.
			maxConcurrency: 2,
			testTimeout: 120_000,
		},
	},
	// Keeps rendered HTML free of the dev toolbar's data-astro-source-* attributes.
	{ devToolbar: { enabled: false } },
);
