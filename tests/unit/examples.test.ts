// Every code example in content/ passes a real parser for its language. An example that is
// incomplete on purpose carries the `fragment` flag on its fence, and must then fail the strict
// check (a flag that is no longer needed fails too).
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	CHECKS,
	checkDockerfile,
	checkPython,
	checkShell,
	checkSql,
	checkYaml,
	findExamples,
	FRAGMENT_FLAG,
} from '../helpers/examples.ts';
import { contentDir } from '../helpers/content.ts';

const examples = readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
	.filter((name) => name.endsWith('.md') && !name.startsWith('source/'))
	.sort()
	.flatMap((name) => {
		const text = readFileSync(join(contentDir, name), 'utf8');
		const { content } = parseFrontmatter(text);
		return findExamples(`content/${name}`, content, text.split('\n').length - content.split('\n').length);
	});

describe('the examples in content/', () => {
	test('are there, in the languages the checks know', () => {
		expect(examples.length).toBeGreaterThanOrEqual(60);
		const unknown = examples.filter((example) => !(example.lang in CHECKS)).map((e) => `${e.file}:${e.line}: ${e.lang || '(no language)'}`);
		expect(unknown).toEqual([]);
	});

	test.each(examples.filter((example) => CHECKS[example.lang]).map((example) => [`${example.file}:${example.line} (${example.lang})`, example] as const))(
		'%s',
		(_, example) => {
			const errors = CHECKS[example.lang]!(example.code);
			if (example.flags.includes(FRAGMENT_FLAG)) {
				expect(errors, 'marked as a fragment, but it is complete: remove the flag').not.toEqual([]);
			} else {
				expect(errors).toEqual([]);
			}
		},
	);
});

describe('findExamples', () => {
	test('reads each fence with its file line, language and flags, inside editor\'s notes too', () => {
		const body = ['Intro.', '', '```python fragment', 'except ValueError:', '    pass', '```', '', ':::editor-note[A note]', '```sql', 'SELECT 1;', '```', ':::'].join('\n');
		expect(findExamples('q.md', body, 6)).toEqual([
			{ file: 'q.md', line: 9, lang: 'python', flags: ['fragment'], code: 'except ValueError:\n    pass' },
			{ file: 'q.md', line: 15, lang: 'sql', flags: [], code: 'SELECT 1;' },
		]);
		// What the flag is for: a piece of a statement that cannot stand alone (a handler without its try).
		expect(checkPython('except ValueError:\n    pass')).not.toEqual([]);
	});
});

describe('the checks find what is wrong', () => {
	test('Python: an unclosed call, a missing colon', () => {
		expect(checkPython('print("ok")\nx = [i for i in range(3)]\n')).toEqual([]);
		expect(checkPython('print("never closed"\n')).not.toEqual([]);
		expect(checkPython('if ready\n    go()\n')).not.toEqual([]);
	});

	test('shell: an unclosed quote, an unknown command, a directory tree', () => {
		expect(checkShell('pip install -r requirements.txt\ndocker run -p 8000:8000 my_app | base64 --decode\n')).toEqual([]);
		expect(checkShell("kubectl get pods -o jsonpath='{.items\n")).not.toEqual([]);
		expect(checkShell('pyhton main.py\n')).toEqual(['line 1: "pyhton" is not a command the examples use (KNOWN_COMMANDS)']);
		expect(checkShell('my_project/\n├── main.py\n')).not.toEqual([]);
	});

	test('Dockerfile: FROM first, known instructions, JSON CMD, commands in RUN', () => {
		expect(checkDockerfile('FROM python:3.13-slim\nRUN pip install flask\nCMD ["python", "main.py"]\n')).toEqual([]);
		expect(checkDockerfile('RUN pip install flask\n')).toContain('the first instruction (after ARG) must be FROM');
		expect(checkDockerfile('FROM python:3.13-slim\nCOPPY . .\n')).toContain('line 2: unknown instruction "COPPY"');
		expect(checkDockerfile('FROM python:3.13-slim\nCMD ["python", main.py]\n')).toContain("line 2: CMD's JSON form must be a JSON array of strings");
		expect(checkDockerfile('FROM python:3.13-slim\nRUN pyhton main.py\n')).not.toEqual([]);
	});

	test('SQL and YAML', () => {
		expect(checkSql('SELECT name FROM users WHERE id = 1;')).toEqual([]);
		expect(checkSql('SELEC name FROM users;')).not.toEqual([]);
		expect(checkYaml('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n')).toEqual([]);
		expect(checkYaml('kind: Service\nmetadata: {}\n')).toEqual(['document 1: no apiVersion', 'document 1: no metadata.name']);
		expect(checkYaml('a: [1, 2\n')).not.toEqual([]);
	});
});
