// Usage: npm run import -- <guide.md> [--out content] [--dry-run] [--prune]
// Parses the guide (parse-guide.ts), plans the files (content-files.ts) and writes them (run.ts).
// Stops with file:line on a malformed guide, and prints what it adds, changes, removes and keeps.
import { fileURLToPath } from 'node:url';
import { runImport } from './run.ts';

// npm runs scripts from the project root (scripts/with-node.sh too); INIT_CWD is where the reader typed the command.
const cwd = process.env['INIT_CWD'] ?? process.cwd();
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

process.exitCode = await runImport(process.argv.slice(2), {
	cwd,
	projectRoot,
	log: (line) => console.log(line),
	error: (line) => console.error(line),
});
