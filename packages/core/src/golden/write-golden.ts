/**
 * Regenerates golden.json from the requests in requests.ts:
 *   cd packages/core && npx tsx src/golden/write-golden.ts            (every entry)
 *   cd packages/core && npx tsx src/golden/write-golden.ts NAME ...   (only the named entries)
 * A change to golden.json is a change to what the planner outputs: review the diff, and name the
 * entries an intended change touches rather than rewriting all of them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeGoldenOutputs, type GoldenOutputs } from './compute-golden.js';

const out = fileURLToPath(new URL('./golden.json', import.meta.url));
const names = process.argv.slice(2);
const fresh = computeGoldenOutputs();
let golden: GoldenOutputs = fresh;
if (names.length > 0) {
  if (!existsSync(out)) throw new Error(`${out} does not exist yet: run without names first`);
  const stored = JSON.parse(readFileSync(out, 'utf8')) as GoldenOutputs;
  for (const name of names) {
    const section = (Object.keys(fresh) as (keyof GoldenOutputs)[]).find((s) => name in fresh[s]);
    if (!section) throw new Error(`no golden request named ${name}`);
    stored[section][name] = fresh[section][name];
  }
  golden = stored;
}
writeFileSync(out, `${JSON.stringify(golden, null, 2)}\n`);
console.log(`wrote ${out}${names.length > 0 ? ` (${names.join(', ')})` : ''}`);
