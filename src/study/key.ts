/** The localStorage key progress is kept under; also the export file's `kind`. Apart from record.ts so
 * that a page can ask "any progress?" without loading the schema (question pages stay within budget). */
export const PROGRESS_KEY = 'sg-study-progress';
