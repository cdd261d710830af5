// html-validate (the standard preset and .htmlvalidate.json) reports no error on any built page.
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { distDir, readBuiltPages } from '../helpers/dist.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());
const pages = readBuiltPages();

describe('HTML of every built page', () => {
	test.each(pages.map((page) => [page.path, page.file]))('%s is valid', async (_, file) => {
		const report = await validator.validateFile(join(distDir, file));
		const messages = report.results.flatMap((result) =>
			result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
		);
		expect(messages).toEqual([]);
	});
});
