/** Test files that run alone, one after another (scripts/test-groups.mjs). */
export declare const SOLO_TEST_FILES: string[];
/** Test files, relative to `root`, that start no process. */
export declare function fastTestFiles(root: string): string[];
