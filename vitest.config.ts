/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { getViteConfig } from 'astro/config';

export default getViteConfig(
	{
		test: {
			// unit/ and pipeline/ run before the build; site/ checks the built dist/ (npm test runs it after).
			include: ['tests/unit/**/*.test.ts', 'tests/pipeline/**/*.test.ts', 'tests/site/**/*.test.ts'],
			// A test file per core and one more: Vitest's own default leaves a core out (on two cores, one
			// file at a time), and a pipeline test's build leaves its core partly idle while it waits on
			// its child processes and the disk (tests/unit and tests/pipeline on two cores: 310 s with two
			// files at a time, 271 s with three).
			maxWorkers: availableParallelism() + 1,
			// bad-content's builds run concurrently within their file: two at a time, beside the other file.
			maxConcurrency: 2,
			// A pipeline test runs up to three builds; beside the other lane, two took over 120 s.
			testTimeout: 300_000,
			// A hook that deletes a built copy of the project took over Vitest's 10 s while builds ran beside it.
			hookTimeout: 60_000,
		},
	},
	// Keeps rendered HTML free of the dev toolbar's data-astro-source-* attributes.
	{ devToolbar: { enabled: false } },
);
