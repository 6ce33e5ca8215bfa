// Preloaded into Artillery (NODE_OPTIONS=--require …) to make it start several worker threads
// on a small machine. Artillery 2.0.34 runs `os.cpus().length − 1` worker threads locally
// (lib/platform/local/index.ts) and honours no flag or variable for it (WORKERS sets a count
// that the local platform ignores), so this makes os.cpus() report SALEREADY_TEST_CPUS CPUs
// (the real ones, repeated). Test aid only: the threads share the machine's real cores.
'use strict';
const os = require('node:os');

const wanted = Number(process.env.SALEREADY_TEST_CPUS);
if (Number.isInteger(wanted) && wanted > 0) {
  const real = os.cpus();
  os.cpus = () => Array.from({ length: wanted }, (_, i) => real[i % real.length]);
}
