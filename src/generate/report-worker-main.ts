import { runReportWorker } from './report-worker.js';

// The entry of a report worker thread when running from the compiled modules (see reportPool).
runReportWorker();
