// The browser tests run against the site built at the root and, once more, under a base path
// (BASE_PATH=/guide/, see scripts/test.ts). Playwright's baseURL includes the base path.

/** The base path of the build under test: "/" or "/guide/". */
export const BASE = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

/**
 * A site path as the content names it ("/q/7/", "/?q=gil") made relative ("./q/7/"), so that
 * page.goto() and toHaveURL() resolve it under the base path of the build under test.
 */
export const at = (path: string) => `.${path}`;

/** A site path as links in the built pages write it: with the base path ("/guide/q/7/"). */
export const href = (path: string) => `${BASE}${path.replace(/^\//, '')}`;
