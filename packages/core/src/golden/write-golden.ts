/**
 * Regenerates golden.json from the requests in requests.ts:
 *   cd packages/core && npx tsx src/golden/write-golden.ts
 * A change to golden.json is a change to what the planner outputs: review the diff.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeGoldenOutputs } from './compute-golden.js';

const out = fileURLToPath(new URL('./golden.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(computeGoldenOutputs(), null, 2)}\n`);
console.log(`wrote ${out}`);
