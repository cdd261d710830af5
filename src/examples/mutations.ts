// Small changes to an example's code that matter, for the wrong choices of a "What does this
// print?" card (issue 36): an off-by-one, `is` for `==`, `and` for `or`, a missing `await`, a
// decorator left out, str for repr, the other side of a merge winning, a LEFT JOIN for an INNER
// one. A change is only a candidate: predictions.ts runs it and offers its output only when the
// changed program really prints something else.
//
// Python is changed on its syntax tree, in Python itself (the `ast` module of the Pyodide the
// examples run in): the changed program is ast.unparse's, so it loses comments and layout but never
// its meaning. SQL is changed token by token (strings, quoted names and comments are never touched).
import type { PyodideAPI } from 'pyodide';

/** One changed program, and what changed, in words a reader can check against the code. */
export interface Mutant {
	/** The kind of mistake it stands for. */
	kind:
		| 'off-by-one'
		| 'comparison'
		| 'identity'
		| 'logic'
		| 'await'
		| 'method'
		| 'operator'
		| 'order'
		| 'decorator'
		| 'str-repr'
		| 'return'
		| 'join'
		| 'distinct'
		| 'transaction';
	/** "line 3: range(5) → range(6)". */
	change: string;
	code: string;
}

// Each site is found by its place in ast.walk's order, so the same walk of a fresh copy of the tree
// finds it again; each change is made on its own copy.
const PYTHON_MUTANTS = `
def _sg_mutants(source):
    import ast, copy
    tree = ast.parse(source)
    swaps = {ast.Eq: ast.Is, ast.Is: ast.Eq, ast.NotEq: ast.IsNot, ast.IsNot: ast.NotEq,
             ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
    kinds = {ast.Eq: "identity", ast.Is: "identity", ast.NotEq: "identity", ast.IsNot: "identity"}
    methods = {"append": "extend", "extend": "append", "copy": "deepcopy", "deepcopy": "copy",
               "pop": "popleft", "sort": "reverse", "items": "values", "keys": "values"}
    binops = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Add, ast.FloorDiv: ast.Div, ast.Div: ast.FloorDiv}

    def changes(node):
        # (kind, change to make on a copy of node): the change returns the new node, or None.
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in swaps:
                    def swap(n, i=i):
                        n.ops[i] = swaps[type(n.ops[i])]()
                        return n
                    yield kinds.get(type(op), "comparison"), swap
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range" and node.args:
            for delta in (1, -1):
                def stop(n, delta=delta):
                    i = 0 if len(n.args) == 1 else 1
                    n.args[i] = ast.BinOp(n.args[i], ast.Add() if delta > 0 else ast.Sub(), ast.Constant(1))
                    return n
                yield "off-by-one", stop
        if isinstance(node, ast.Slice):
            for part in ("lower", "upper"):
                if isinstance(getattr(node, part), ast.Constant) and type(getattr(node, part).value) is int:
                    for delta in (1, -1):
                        def bound(n, part=part, delta=delta):
                            setattr(n, part, ast.Constant(getattr(n, part).value + delta))
                            return n
                        yield "off-by-one", bound
        if isinstance(node, ast.BoolOp):
            def flip(n):
                n.op = ast.Or() if isinstance(n.op, ast.And) else ast.And()
                return n
            yield "logic", flip
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield "logic", lambda n: n.operand
        if isinstance(node, ast.Await):
            yield "await", lambda n: n.value
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in methods:
            def method(n):
                n.func.attr = methods[n.func.attr]
                return n
            yield "method", method
        if isinstance(node, ast.BinOp) and type(node.op) in binops:
            def operator(n):
                n.op = binops[type(n.op)]()
                return n
            yield "operator", operator
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitOr, ast.Add)):
            # Which side wins: a dict merge, a concatenation.
            def sides(n):
                n.left, n.right = n.right, n.left
                return n
            yield "order", sides
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for i, decorator in enumerate(node.decorator_list):
                def undecorate(n, i=i):
                    del n.decorator_list[i]
                    return n
                yield "decorator", undecorate, f"line {decorator.lineno}: @{ast.unparse(decorator)} left out"
        if isinstance(node, ast.FormattedValue):
            def conversion(n):
                n.conversion = -1 if n.conversion == ord("r") else ord("r")
                return n
            yield "str-repr", conversion
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print" and len(node.args) == 1 and isinstance(node.args[0], (ast.Name, ast.Attribute, ast.Subscript)):
            def as_repr(n):
                n.args[0] = ast.Call(ast.Name("repr", ast.Load()), [n.args[0]], [])
                return n
            yield "str-repr", as_repr
        if isinstance(node, ast.Return) and node.value is not None:
            def bare(n):
                n.value = None
                return n
            yield "return", bare, f"line {node.lineno}: {ast.unparse(node)} → return"

    class Replace(ast.NodeTransformer):
        def __init__(self, target, change):
            self.target, self.change, self.done = target, change, False
        def generic_visit(self, node):
            if node is self.target and not self.done:
                self.done = True
                return self.change(node)
            return super().generic_visit(node)

    originals = list(ast.walk(tree))
    found = []
    for index, node in enumerate(originals):
        for kind, change, *said in changes(node):
            copied = copy.deepcopy(tree)
            target = list(ast.walk(copied))[index]
            before = ast.unparse(target)
            changed = Replace(target, change).visit(copied)
            ast.fix_missing_locations(changed)
            try:
                code = ast.unparse(changed)
                after = ast.unparse(change(copy.deepcopy(node)))
            except Exception:
                continue
            line = getattr(node, "lineno", None)
            where = f"line {line}: " if line else ""
            found.append([kind, said[0] if said else f"{where}{before} → {after}", code])
    return found
`;

/** Every candidate change of a Python example (in a loaded Pyodide), in the order the code reads. */
export function pythonMutants(pyodide: PyodideAPI, source: string): Mutant[] {
	if (!pyodide.globals.has('_sg_mutants')) pyodide.runPython(PYTHON_MUTANTS);
	const found = pyodide.globals.get('_sg_mutants')(source);
	const list = found.toJs() as [Mutant['kind'], string, string][];
	found.destroy();
	return list.map(([kind, change, code]) => ({ kind, change, code }));
}

/** A token of SQL: what may change (a word, a symbol, a number), and what never does. */
interface Token {
	text: string;
	kind: 'word' | 'number' | 'symbol' | 'fixed';
}

/** Splits SQL into tokens; strings, quoted names, comments and spaces are kept whole and never changed. */
export function sqlTokens(sql: string): Token[] {
	const pattern = /(--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|\s+)|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|<>|!=|[<>=])|([\s\S])/g;
	const tokens: Token[] = [];
	for (const match of sql.matchAll(pattern)) {
		const [text, fixed, number, word, symbol] = match;
		tokens.push({ text, kind: fixed !== undefined ? 'fixed' : number !== undefined ? 'number' : word !== undefined ? 'word' : symbol !== undefined ? 'symbol' : 'fixed' });
	}
	return tokens;
}

const SQL_SYMBOLS: Record<string, string> = { '>': '>=', '>=': '>', '<': '<=', '<=': '<', '=': '<>', '<>': '=', '!=': '=' };
const SQL_WORDS: Record<string, [Mutant['kind'], string]> = {
	ASC: ['order', 'DESC'],
	DESC: ['order', 'ASC'],
	AND: ['logic', 'OR'],
	OR: ['logic', 'AND'],
	COMMIT: ['transaction', 'ROLLBACK'],
	ROLLBACK: ['transaction', 'COMMIT'],
};

/** Every candidate change of an SQL example: join kinds, comparisons, limits and counts by one, order, DISTINCT, AND/OR, COMMIT/ROLLBACK. */
export function sqlMutants(source: string): Mutant[] {
	const tokens = sqlTokens(source);
	const lineOf = (index: number) => tokens.slice(0, index).reduce((lines, token) => lines + (token.text.match(/\n/g)?.length ?? 0), 1);
	const words = tokens.map((token, index) => ({ token, index })).filter(({ token }) => token.kind !== 'fixed');
	const mutants: Mutant[] = [];
	const replace = (kind: Mutant['kind'], from: number, to: number, text: string) => {
		const before = tokens.slice(from, to + 1).map((token) => token.text).join('');
		const code = [...tokens.slice(0, from).map((token) => token.text), text, ...tokens.slice(to + 1).map((token) => token.text)].join('');
		mutants.push({ kind, change: `line ${lineOf(from)}: ${before.trim()} → ${text || '(removed)'}`, code });
	};
	for (const [position, { token, index }] of words.entries()) {
		const upper = token.text.toUpperCase();
		const previous = words[position - 1];
		if (token.kind === 'word' && upper === 'JOIN') {
			const kindWord = previous && ['LEFT', 'RIGHT', 'INNER', 'FULL'].includes(previous.token.text.toUpperCase()) ? previous : undefined;
			const from = kindWord?.index ?? index;
			const current = kindWord?.token.text.toUpperCase() ?? 'INNER';
			for (const other of ['INNER', 'LEFT'].filter((name) => name !== current)) replace('join', from, index, `${other} JOIN`);
		} else if (token.kind === 'word' && upper in SQL_WORDS) {
			const [kind, other] = SQL_WORDS[upper]!;
			replace(kind, index, index, other);
		} else if (token.kind === 'word' && upper === 'DISTINCT') {
			// With the space after it, so the statement reads as it would be written.
			const next = tokens[index + 1]?.kind === 'fixed' && /^\s+$/.test(tokens[index + 1]!.text) ? index + 1 : index;
			replace('distinct', index, next, '');
		} else if (token.kind === 'symbol' && token.text in SQL_SYMBOLS) {
			replace('comparison', index, index, SQL_SYMBOLS[token.text]!);
		} else if (token.kind === 'number' && /^\d+$/.test(token.text) && previous && /^(LIMIT|OFFSET|>|>=|<|<=|=)$/i.test(previous.token.text)) {
			for (const delta of [1, -1]) {
				const value = Number(token.text) + delta;
				if (value >= 0) replace('off-by-one', index, index, String(value));
			}
		}
	}
	return mutants;
}
