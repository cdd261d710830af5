// Values a build step works out and bundled code needs (an address named after a content hash, the
// runtimes' files): code imports each as a module, `virtual:build/<name>` (typed in src/env.d.ts),
// so it says where the value comes from, rather than reading a global the bundler substitutes. One
// plugin for each bundler: Vite's for page code, esbuild's for what it bundles apart (the examples'
// controls, see index.ts).
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

const PREFIX = 'virtual:build/';

/** A value, or a function that works it out when a module first imports it (values are JSON: never functions). */
export type BuildValues = Record<string, unknown>;

/** The module's text: the value as its default export, or an error naming what is missing. */
async function moduleText(values: BuildValues, id: string): Promise<string> {
	const name = id.slice(PREFIX.length);
	if (!(name in values)) throw new Error(`${id}: no build step gives this value (known: ${Object.keys(values).join(', ') || 'none'})`);
	const value = values[name];
	return `export default ${JSON.stringify(typeof value === 'function' ? await value() : value)};`;
}

/** For esbuild: `virtual:build/<name>` is `values[name]`. */
export function esbuildValues(values: BuildValues): EsbuildPlugin {
	return {
		name: 'build-values',
		setup(build) {
			build.onResolve({ filter: /^virtual:build\// }, (args) => ({ path: args.path, namespace: 'build-values' }));
			build.onLoad({ filter: /.*/, namespace: 'build-values' }, async (args) => ({ contents: await moduleText(values, args.path), loader: 'js' }));
		},
	};
}

/** For Vite: `virtual:build/<name>` is `values[name]`. */
export function viteValues(values: BuildValues): VitePlugin {
	return {
		name: 'build-values',
		resolveId: (id) => (id.startsWith(PREFIX) ? `\0${id}` : undefined),
		load: (id) => (id.startsWith(`\0${PREFIX}`) ? moduleText(values, id.slice(1)) : undefined),
	};
}
