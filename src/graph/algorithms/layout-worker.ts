// Worker thread: one ForceAtlas2 layout job (see runLayoutJobAside), its node matrix sent back.
import { parentPort } from 'worker_threads';
import { fullCollection } from '../../common/collect';
import { runLayoutJob, type LayoutWorkerMessage } from './layout';

parentPort!.once('message', ({ job, collect }: LayoutWorkerMessage) => {
  try {
    const gc = collect ? fullCollection : undefined;
    runLayoutJob(job, gc);
    // The last tree too: the build's thread may take its time to read the reply (it is sending
    // the co-mentions) and this heap lives until then.
    gc?.();
    parentPort!.postMessage({ nodes: job.nodes }, [job.nodes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
