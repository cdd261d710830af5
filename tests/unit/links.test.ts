import { describe, expect, test } from 'vitest';
import { pathWithBase } from '../../src/lib/base.ts';
import { sectionLabel, SITE_ADDED_LABEL, siteAddedReason } from '../../src/lib/labels.ts';
import { iconPath, isShortPath, joinBase, questionPath, sectionPath, shortPath, SITE_PATHS, socialImageName, studyPath } from '../../src/lib/links.ts';

describe('links', () => {
	test('build each page’s root-relative path', () => {
		expect(questionPath({ section: 'sql-databases', slug: 'create-index-sql' })).toBe('/sql-databases/create-index-sql/');
		expect(sectionPath({ id: 'sql-databases' })).toBe('/sql-databases/');
		expect(shortPath({ number: 7 })).toBe('/q/7/');
		expect(isShortPath('/guide/q/7/')).toBe(true);
		expect(isShortPath('/q/')).toBe(false);
		expect(isShortPath('/sql-databases/q/')).toBe(false);
		expect(studyPath()).toBe('/study/');
		expect(studyPath({ id: 'sql-databases' })).toBe('/study/sql-databases/');
		expect(iconPath({ name: 'icon-192' })).toBe('/icons/icon-192.png');
		expect(socialImageName(SITE_PATHS.home)).toBe('site');
		expect(socialImageName('/sql-databases/create-index-sql/')).toBe('sql-databases/create-index-sql');
	});

	test('join a path to the base path, with or without its slashes', () => {
		expect(joinBase('/', '/q/7/')).toBe('/q/7/');
		expect(joinBase('/guide/', '/q/7/')).toBe('/guide/q/7/');
		expect(joinBase('/guide', 'q/7/')).toBe('/guide/q/7/');
		expect(joinBase('/guide/', SITE_PATHS.home)).toBe('/guide/');
	});

	test('pathWithBase uses the base the build is for ("/" in the unit tests)', () => {
		expect(import.meta.env.BASE_URL).toBe('/');
		expect(pathWithBase(studyPath())).toBe('/study/');
	});
});

describe('labels', () => {
	test('name a section with its number, and say why a question is the site’s', () => {
		expect(sectionLabel({ number: 3, title: 'Advanced Python & Concurrency' })).toBe('Section 3: Advanced Python & Concurrency');
		expect(`${SITE_ADDED_LABEL}: ${siteAddedReason(82)}`).toBe(
			'Added by this site: the source guide has no question 82, so this one was written to fill the gap.',
		);
	});
});
