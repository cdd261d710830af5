// Runs one Python example in a loaded Pyodide: the same code in the sandbox's runner and in Node
// (the recorder and the tests), so what a test checks is what a reader's Run does.
import type { PyodideAPI } from 'pyodide';
import type { StreamChunk } from './rules.ts';

/** Pyodide's package version and the Python it carries (the loading message names it). */
export const PYODIDE_VERSION = '314.0.7';
export const PYTHON_VERSION = '3.14';

/**
 * Options for loadPyodide. A fixed hash seed makes set and dict-of-str orders the same on every run,
 * so a recorded output stays true; Pyodide fetches no packages (the examples use the standard library).
 */
export const PYODIDE_ENV = { PYTHONHASHSEED: '0' } as const;

/**
 * The name a runner asks for the started Python by: a gzipped memory snapshot the build makes
 * (make-python-snapshot.ts), restored in a fraction of a second where starting Python takes seconds.
 */
export const PYTHON_SNAPSHOT = 'python.snapshot.gz';

// The example runs as __main__ in fresh globals, so runs never share variables. `random` is seeded
// for the same reason as the hash seed. A traceback leaves out this file's frames, so it
// starts at the reader's code ("example.py") as python would print it, each frame with its line of
// the reader's code: the source is in linecache, as a file's would be. Streams are flushed before
// the traceback so stdout and stderr arrive in the order they were written.
const RUNNER = `
def _sg_run(source):
    import linecache, random, sys, traceback
    random.seed(0)
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    linecache.cache["example.py"] = (len(source), None, source.splitlines(True), "example.py")
    try:
        code = compile(source, "example.py", "exec", dont_inherit=True)
        exec(code, namespace)
    except SystemExit as error:
        sys.stdout.flush()
        if error.code not in (None, 0):
            if not isinstance(error.code, int):
                print(error.code, file=sys.stderr)
            sys.stderr.flush()
            return False
        return True
    except BaseException as error:
        sys.stdout.flush()
        shown = None if isinstance(error, SyntaxError) else error.__traceback__.tb_next
        # input() is defined here, not in the reader's code: its frame is cut, as the built-in has none.
        frame = shown
        while frame is not None and frame.tb_next is not None:
            if frame.tb_next.tb_frame.f_code.co_filename == "<exec>":
                frame.tb_next = None
            frame = frame.tb_next
        traceback.print_exception(type(error), error, shown)
        sys.stderr.flush()
        return False
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return True
`;

// input() as CPython's reads a line when stdin is not a terminal: the prompt goes to stdout, the
// line comes back without its newline, EOFError at the end of input. The line is echoed after the
// prompt, as a terminal shows what was typed, so a recorded run reads as the session it was. `ask`
// answers at once (the recorder's given lines) or with a promise (the page's prompt), which Python
// waits on through JSPI: the run was started with callPromising.
const INPUT = `
def _sg_install_input(ask):
    import builtins, sys
    from pyodide.ffi import can_run_sync, run_sync
    def input(prompt=""):
        prompt = str(prompt)
        sys.stdout.write(prompt)
        sys.stdout.flush()
        line = ask(prompt)
        if line is not None and not isinstance(line, str):
            if not can_run_sync():
                raise OSError("input() cannot wait for an answer here")
            line = run_sync(line)
        if line is None:
            raise EOFError("EOF when reading a line")
        sys.stdout.write(line + "\\n")
        sys.stdout.flush()
        return line
    builtins.input = input
`;

/** Gives input() its next line: at once, or when the reader sends it; undefined is the end of input. */
export type Ask = (prompt: string) => string | undefined | Promise<string | undefined>;

/** A Pyodide ready to run examples: streams routed to `write`, input() answered by `ask` (EOF if none). */
export function preparePython(pyodide: PyodideAPI, write: (chunk: StreamChunk) => void, ask: Ask = () => undefined): (source: string) => Promise<boolean> {
	const stream = (name: StreamChunk['stream']) => {
		const decoder = new TextDecoder();
		return {
			write(buffer: Uint8Array) {
				write({ stream: name, text: decoder.decode(buffer, { stream: true }) });
				return buffer.length;
			},
			isatty: false,
		};
	};
	pyodide.setStdout(stream('stdout'));
	pyodide.setStderr(stream('stderr'));
	// sys.stdin is not a source of lines: only input() asks.
	pyodide.setStdin({ error: true });
	pyodide.runPython(RUNNER);
	pyodide.runPython(INPUT);
	const install = pyodide.globals.get('_sg_install_input');
	install(ask);
	install.destroy();
	const run = pyodide.globals.get('_sg_run');
	// callPromising lets asyncio.run() and input() switch stacks (JSPI) while the example waits.
	return async (source: string) => Boolean(await run.callPromising(source));
}

// For checking what an example's comments say it prints: each write to stdout is credited to the
// line of the example's top-level statement running at the time (the outermost "example.py" frame).
const ATTRIBUTE = `
def _sg_output_by_line(source):
    import io, random, sys
    random.seed(0)
    lines = {}
    class ByLine(io.TextIOBase):
        def write(self, text):
            frame, line = sys._getframe(1), None
            while frame is not None:
                if frame.f_code.co_filename == "example.py":
                    line = frame.f_lineno
                frame = frame.f_back
            lines[line] = lines.get(line, "") + text
            return len(text)
    saved, sys.stdout = sys.stdout, ByLine()
    try:
        exec(compile(source, "example.py", "exec", dont_inherit=True), {"__name__": "__main__"})
    except BaseException:
        pass
    finally:
        sys.stdout = saved
    return [[line, text] for line, text in lines.items() if line is not None]
`;

/** What each top-level line of an example printed: [line (from 1), text] pairs. */
export async function outputByLine(pyodide: PyodideAPI, source: string): Promise<[number, string][]> {
	if (!pyodide.globals.has('_sg_output_by_line')) pyodide.runPython(ATTRIBUTE);
	const result = await pyodide.globals.get('_sg_output_by_line').callPromising(source);
	const pairs = result.toJs() as [number, string][];
	result.destroy();
	return pairs;
}

/**
 * The line of the reader's code a Python error ends at, from its traceback (stderr): the last
 * `File "example.py", line N` frame, the one that raised (for a SyntaxError, its only one).
 */
export function failedLine(stderr: string): number | undefined {
	const frames = [...stderr.matchAll(/^ {2}File "example\.py", line (\d+)/gm)];
	const line = frames.length > 0 ? Number(frames.at(-1)![1]) : undefined;
	return line !== undefined && line > 0 ? line : undefined;
}
