import { runRangeWorker } from './range-worker.js';

// The entry of a range worker thread (see readRanges); scripts/bundle.js bundles it as range-worker.cjs.
runRangeWorker();
