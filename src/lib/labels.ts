// Words the site puts around the guide's text in more than one place, written once.

/** A section's name with its number: "Section 3: Advanced Python & Concurrency". */
export const sectionLabel = (section: { number: number; title: string }) => `Section ${section.number}: ${section.title}`;

/** How a question the site wrote itself is marked, on its page, in print and in the exports. */
export const SITE_ADDED_LABEL = 'Added by this site';

/** Why a question is the site's own (after SITE_ADDED_LABEL and a colon). */
export const siteAddedReason = (number: number) =>
	`the source guide has no question ${number}, so this one was written to fill the gap.`;
