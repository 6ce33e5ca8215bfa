'use strict';
// Which share of a distributed run this worker runs (harness/engine/split-plan.ts). Artillery's
// AWS runners start N workers on the same files and give none of them an ordinal: a Fargate
// worker gets WORKER_ID = its ECS task id and IS_LEADER (true for one of them), a Lambda
// worker a random UUID (node_modules/artillery/lib/platform/aws-ecs/worker/loadgen-worker,
// aws-lambda/index.ts). So each worker process claims a share, 1 … N, exactly once:
//   SALEREADY_SHARE=k            given outright (a runner that numbers its workers, a rerun by hand)
//   SALEREADY_SHARE_CLAIMS=dir   the first share-<k> file this process creates with O_EXCL in a
//                                shared folder (several Artillery processes on one machine)
//   on an Artillery AWS worker   the first `test-runs/<test run id>/saleready-shares/<k>` object
//                                it creates in the run's own S3 bucket with a conditional write
//                                (If-None-Match: *, S3's create-only put): the bucket, its
//                                name (ARTILLERY_S3_BUCKET on Fargate, S3_BUCKET_PATH on Lambda),
//                                the test run id and the s3:PutObject permission come from
//                                Artillery itself; the SDK is Artillery's own copy.
//   N = 1                        share 1, nothing to claim.
// A claim is exact: exactly one process creates each name. Only one thread per process runs the
// crowd (the test's phases are all arrivalCount, which Artillery runs on its first worker thread
// and drops the others: lib/dist.ts), so a process claims once.
const { closeSync, mkdirSync, openSync, writeSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');

/** The n-th attempt's wait before a retry, ms (bounded). */
const RETRY_MS = [200, 500, 1000, 2000];

function shareFromEnvironment(shares, env) {
  const text = env.SALEREADY_SHARE;
  if (text === undefined || text === '') return null;
  const index = Number(text);
  if (!Number.isInteger(index) || index < 1 || index > shares) {
    throw new Error(`saleready engine: SALEREADY_SHARE is "${text}", but this test has shares 1 to ${shares}`);
  }
  return index;
}

function claimInFolder(shares, dir, worker) {
  mkdirSync(dir, { recursive: true });
  for (let index = 1; index <= shares; index++) {
    let fd;
    try {
      fd = openSync(join(dir, `share-${index}`), 'wx');
    } catch (error) {
      if (error.code === 'EEXIST') continue;
      throw error;
    }
    writeSync(fd, `${worker}\n`);
    closeSync(fd);
    return index;
  }
  throw new Error(`saleready engine: all ${shares} shares in ${dir} are taken: more workers than shares`);
}

/** Artillery's own AWS SDK for S3: resolved from Artillery's install (the worker thread's script is inside it). */
function loadS3(env) {
  const bases = [
    process.argv[1],
    ...(env.NODE_PATH || '')
      .split(':')
      .filter(Boolean)
      .map((dir) => join(dir, 'x.js')),
    __filename,
  ];
  for (const base of bases) {
    if (!base) continue;
    try {
      return createRequire(base)('@aws-sdk/client-s3');
    } catch {
      // try the next place
    }
  }
  throw new Error('saleready engine: @aws-sdk/client-s3 (part of Artillery) was not found to claim a share');
}

function cloudClaimPlace(env) {
  const bucket = env.ARTILLERY_S3_BUCKET || env.S3_BUCKET_PATH;
  const testRunId = env.ARTILLERY_TEST_RUN_ID;
  if (!env.WORKER_ID || !bucket || !testRunId) return null;
  return { bucket, testRunId, region: env.SQS_REGION || env.AWS_REGION || 'us-east-1', worker: env.WORKER_ID };
}

async function claimInBucket(shares, place, env, sleep) {
  const { S3Client, PutObjectCommand } = loadS3(env);
  const s3 = new S3Client({ region: place.region, followRegionRedirects: true });
  try {
    for (let index = 1; index <= shares; index++) {
      for (let attempt = 0; ; attempt++) {
        try {
          await s3.send(
            new PutObjectCommand({
              Bucket: place.bucket,
              Key: `test-runs/${place.testRunId}/saleready-shares/${index}`,
              Body: place.worker,
              IfNoneMatch: '*',
            }),
          );
          return index;
        } catch (error) {
          const status = error && error.$metadata && error.$metadata.httpStatusCode;
          if (status === 412) break; // taken: try the next share
          // 409: another conditional write of the same name is in flight; retry it
          if (status === 409 && attempt < RETRY_MS.length) {
            await sleep(RETRY_MS[attempt]);
            continue;
          }
          const where = `s3://${place.bucket}/test-runs/${place.testRunId}/saleready-shares/${index}`;
          throw new Error(
            `saleready engine: could not claim share ${index} at ${where}: ${(error && (error.code || error.name)) || ''} ${(error && error.message) || error}`,
          );
        }
      }
    }
    throw new Error(
      `saleready engine: all ${shares} shares of test run ${place.testRunId} are taken: more workers than shares`,
    );
  } finally {
    s3.destroy();
  }
}

/**
 * The share (1 … shares) this process runs. `options`: { env, sleep } (defaults: process.env,
 * a timer). Throws with a sentence when there is no way to know it.
 */
async function resolveShare(shares, options = {}) {
  const env = options.env || process.env;
  const sleep = options.sleep || ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  if (!Number.isInteger(shares) || shares < 1)
    throw new Error(`saleready engine: shares must be a whole number ≥ 1, got ${shares}`);
  const given = shareFromEnvironment(shares, env);
  if (given !== null) return { index: given, how: 'SALEREADY_SHARE' };
  if (env.SALEREADY_SHARE_CLAIMS) {
    return {
      index: claimInFolder(shares, env.SALEREADY_SHARE_CLAIMS, `${process.pid}`),
      how: `claimed in ${env.SALEREADY_SHARE_CLAIMS}`,
    };
  }
  const place = cloudClaimPlace(env);
  if (place) return { index: await claimInBucket(shares, place, env, sleep), how: `claimed in s3://${place.bucket}` };
  if (shares === 1) return { index: 1, how: 'the only share' };
  throw new Error(
    `saleready engine: this test is split into ${shares} shares, one per worker, and nothing says which this worker runs: ` +
      'set SALEREADY_SHARE=k, or SALEREADY_SHARE_CLAIMS=<shared folder> for several local processes',
  );
}

module.exports = { resolveShare };
