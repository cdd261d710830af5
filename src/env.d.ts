/** Colour classes for Shiki tokens, made by codeColorsPlugin (src/markdown/shiki-classes.ts). */
declare module 'virtual:code-colors.css';

/** Pyodide's Emscripten module, bundled into the Python runner (src/examples/python.runner.ts). */
declare module 'pyodide/pyodide.asm.mjs' {
	const createPyodideModule: (settings: object) => Promise<unknown>;
	export default createPyodideModule;
}
