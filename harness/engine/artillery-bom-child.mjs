// Artillery's own bill of materials for a test, printed as JSON: the manifest that
// `artillery run-fargate` / `run-lambda` build before uploading a test to S3 (createBOM in
// node_modules/artillery/lib/platform/aws-ecs/legacy/bom.ts, used by both runners), called
// with the arguments those runners pass. Plain Node (Artillery's ESM build), run by
// harness/engine/artillery-bom.ts in the test's folder, so relative paths resolve as they
// would for Artillery. No network: the BOM reads files only.
//   node artillery-bom-child.mjs <artillery package dir> <absolute test path> <flags JSON>
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [artilleryDir, testPath, flagsJson] = process.argv.slice(2);
const { createBOM } = await import(
  pathToFileURL(join(artilleryDir, 'dist', 'lib', 'platform', 'aws-ecs', 'legacy', 'bom.js')).href
);
createBOM(testPath, [], { flags: JSON.parse(flagsJson), scenarioPath: testPath }, (error, bom) => {
  if (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify(bom)}\n`, () => process.exit(0));
});
