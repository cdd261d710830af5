/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig(
	{
		test: {
			// unit/ and pipeline/ run before the build; site/ checks the built dist/ (npm test runs it after).
			include: ['tests/unit/**/*.test.ts', 'tests/pipeline/**/*.test.ts', 'tests/site/**/*.test.ts'],
			// A test file per core at once: Vitest's own default leaves a core out, which on two cores ran
			// one file at a time (145 s, most of it pipeline/'s site builds, each on about one core).
			maxWorkers: '100%',
			// bad-content's builds run concurrently within their file: two at a time, beside the other file.
			maxConcurrency: 2,
			testTimeout: 120_000,
		},
	},
	// Keeps rendered HTML free of the dev toolbar's data-astro-source-* attributes.
	{ devToolbar: { enabled: false } },
);
