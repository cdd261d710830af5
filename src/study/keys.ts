// Storage keys, apart from the schema so that a page can look for progress without loading it.

/** The localStorage key progress is kept under; also the export file's `kind`. */
export const PROGRESS_KEY = 'sg-study-progress';
