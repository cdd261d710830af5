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
// for the same reason as the hash seed. A traceback leaves out this function's own frame, so it
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
        traceback.print_exception(type(error), error, None if isinstance(error, SyntaxError) else error.__traceback__.tb_next)
        sys.stderr.flush()
        return False
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return True
`;

/** A Pyodide ready to run examples: streams routed to `write`, no stdin (input() gets EOF). */
export function preparePython(pyodide: PyodideAPI, write: (chunk: StreamChunk) => void): (source: string) => Promise<boolean> {
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
	pyodide.setStdin({ error: true });
	pyodide.runPython(RUNNER);
	const run = pyodide.globals.get('_sg_run');
	// callPromising lets asyncio.run() switch stacks (JSPI) while the example waits on the event loop.
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
