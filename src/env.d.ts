/** Colour classes for Shiki tokens, made by codeColorsPlugin (src/markdown/shiki-classes.ts). */
declare module 'virtual:code-colors.css';
