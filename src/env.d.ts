/** Colour classes for Shiki tokens, made by codeColorsPlugin (src/markdown/shiki-classes.ts). */
declare module 'virtual:code-colors.css';

/** Pyodide's Emscripten module, bundled into the Python runner (src/examples/python.runner.ts). */
declare module 'pyodide/pyodide.asm.mjs' {
	const createPyodideModule: (settings: object) => Promise<unknown>;
	export default createPyodideModule;
}

/** Values the build works out for bundled code (src/data/build-values.ts). */
declare module 'virtual:build/examples-controls' {
	/** The examples' controls bundle's address, base path included (src/examples/runtimes.ts). */
	const address: string;
	export default address;
}
declare module 'virtual:build/examples-editor' {
	/** The examples' editor bundle's address, base path included (src/examples/runtimes.ts). */
	const address: string;
	export default address;
}
declare module 'virtual:build/editor-colours' {
	/** The editor's classes for each rule of src/examples/editor-highlight.ts, by language (editor-colours.ts). */
	const colours: import('./examples/editor-highlight.ts').EditorColours;
	export default colours;
}
declare module 'virtual:build/editor-colour-css' {
	/** The rules of the colour classes the editor gives (src/examples/editor-colours.ts), which a page's stylesheet may not have. */
	const css: string;
	export default css;
}
declare module 'virtual:build/examples' {
	/** Each runtime's runner and files, and the sandbox's document (src/examples/runtimes.ts). */
	const info: import('./examples/runtimes.ts').ExamplesBuildInfo;
	export default info;
}
