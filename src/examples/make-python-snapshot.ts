// Run by made-files.ts in a process of its own: starts Python in Pyodide as the runner does and
// writes a gzipped memory snapshot of it to the path given, so that a Run restores a started Python
// (a fraction of a second) instead of starting one (seconds). Byte for byte the same on every build
// (fixed-clock.ts).
import './fixed-clock.ts';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadPyodide } from 'pyodide';
import { PYODIDE_ENV } from './python-run.ts';

const [output] = process.argv.slice(2);
if (!output) throw new Error('usage: node make-python-snapshot.ts <output file>');

// Python's sys.executable is the program's path, in Node this script's: the one a browser gives, so
// where the checkout lies leaves no trace in the snapshot.
const pyodide = await loadPyodide({ env: { ...PYODIDE_ENV }, _sysExecutable: './this.program', _makeSnapshot: true });
writeFileSync(output, gzipSync(pyodide.makeMemorySnapshot(), { level: 9 }));
