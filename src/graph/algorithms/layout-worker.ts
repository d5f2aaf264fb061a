// Worker thread: one ForceAtlas2 layout job (see forceAtlas2LayoutAside), its node matrix sent back.
import { parentPort } from 'worker_threads';
import { runLayoutJob, type LayoutJob } from './layout';

parentPort!.once('message', (job: LayoutJob) => {
  try {
    runLayoutJob(job);
    parentPort!.postMessage({ nodes: job.nodes }, [job.nodes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
