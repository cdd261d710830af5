// The GitHub Pages workflow cannot run here; this checks that it builds the way the project does,
// with the address GitHub gives, and publishes what the build writes.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const workflow = parse(readFileSync(new URL('.github/workflows/deploy.yml', root), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const steps: { uses?: string; run?: string; id?: string; with?: Record<string, unknown>; env?: Record<string, string> }[] =
	workflow.jobs.build.steps;

describe('.github/workflows/deploy.yml', () => {
	test('runs on pushes to main with the permissions Pages deployment needs', () => {
		expect(workflow.on.push.branches).toEqual(['main']);
		expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
	});

	test('uses a Node that meets package.json engines', () => {
		const node = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		const [, major, minor] = /(\d+)\.(\d+)/.exec(pkg.engines.node)!.map(Number);
		expect(Number(node?.with?.['node-version'])).toBeGreaterThanOrEqual(major! + (minor! > 0 ? 1 : 0));
	});

	test('installs from the lock file and builds with the site URL and base path GitHub gives', () => {
		const pages = steps.find((step) => step.uses?.startsWith('actions/configure-pages@'));
		expect(steps.some((step) => step.run === 'npm ci')).toBe(true);
		const build = steps.find((step) => step.run === 'npm run build');
		expect(build?.env).toEqual({
			SITE_URL: `\${{ steps.${pages?.id}.outputs.origin }}`,
			BASE_PATH: `\${{ steps.${pages?.id}.outputs.base_path }}/`,
		});
		expect(steps.indexOf(build!)).toBeGreaterThan(steps.indexOf(pages!));
	});

	test('publishes the build folder, then deploys it', () => {
		const upload = steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
		expect(upload?.with?.['path']).toBe('dist');
		expect(workflow.jobs.deploy.needs).toBe('build');
		expect(workflow.jobs.deploy.steps.some((step: { uses?: string }) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
	});
});
