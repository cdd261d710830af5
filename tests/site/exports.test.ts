// The exports of the build: /anki.tsv's answers come from the HTML its content sync kept with each
// rendered answer (remarkExportHtml), so they must be what rendering the answer now gives, with
// links to the site's full address as this build serves it, and its key points after it.
import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { keyPointsHtml, SITE_ADDED_NOTE } from '../../src/markdown/exports.ts';
import { renderMarkdown } from '../../src/markdown/index.ts';
import { DEFAULT_SITE_URL } from '../../src/site.config.ts';
import { readContent } from '../helpers/content.ts';
import { distDir } from '../helpers/dist.ts';
import { BASE } from '../helpers/site.ts';

const { questions } = readContent();
const siteUrl = new URL(BASE, process.env.SITE_URL ?? DEFAULT_SITE_URL).href;
const tsv = readFileSync(join(distDir, 'anki.tsv'), 'utf8');
const rows: string[][] = parseCsv(tsv, { delimiter: '\t', from_line: tsv.split('\n').findIndex((line) => !line.startsWith('#')) + 1 });

describe('/anki.tsv', () => {
	test('holds each answer as rendering it gives now, its links to the site at this build’s address', () => {
		expect(rows).toHaveLength(questions.length);
		const byNumber = new Map(questions.map((question) => [question.number, question]));
		for (const [, front, back] of rows) {
			const question = byNumber.get(Number(front!.split('.')[0]))!;
			const note = question.origin === 'site' ? renderMarkdown(SITE_ADDED_NOTE(question.number), { siteUrl }) : '';
			expect(back, `question ${question.number}`).toBe(note + renderMarkdown(question.body, { siteUrl }) + keyPointsHtml(question.keyPoints!));
		}
		expect(rows.map((row) => row[2]).join('\n')).toContain(`href="${siteUrl}python-fundamentals/global-interpreter-lock-gil/#editors-note-1"`);
	});
});
