// The part of mvdan-sh (mvdan/sh compiled to JavaScript; it ships no types) that examples.ts uses.
declare module 'mvdan-sh' {
	interface ShellNode {
		Pos(): { Line(): number };
		/** A CallExpr's words: the command name, then its arguments. */
		Args: { Lit(): string }[];
	}
	const shell: {
		syntax: {
			NewParser(): { Parse(source: string, name: string): unknown };
			Walk(node: unknown, visit: (node: ShellNode) => boolean): void;
			NodeType(node: unknown): string;
		};
	};
	export default shell;
}
