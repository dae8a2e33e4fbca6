// Pull and push as jobs: start with "async": true, poll the job, show done of total, then the result.
import { api } from './api.js';

const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * Runs /sync/odoo/<what> as a job; onProgress(job) after each poll. Answers the finished job:
 * job.result is what the synchronous call answers, job.status its HTTP status.
 */
export async function runJob(what, body, onProgress) {
  const started = await api('/sync/odoo/' + what, { method: 'POST', body: { ...body, async: true } });
  let job = started.data;
  onProgress(job);
  while (job.state === 'running') {
    await sleep(400);
    job = (await api('/sync/jobs/' + encodeURIComponent(started.job_id))).data;
    onProgress(job);
  }
  return job;
}
