import { fileURLToPath } from 'node:url';

/** The saleready checkout this code runs from (for its ready scenarios and default reports folder). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
