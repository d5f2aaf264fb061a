// Worker thread: one ForceAtlas2 layout job (see runLayoutJobAside), its node matrix sent back.
import * as v8 from 'v8';
import * as vm from 'vm';
import { parentPort } from 'worker_threads';
import { runLayoutJob, type LayoutWorkerMessage } from './layout';

/** V8's full collection of this thread's heap (the flag is read when a context is made). */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

parentPort!.once('message', ({ job, collect }: LayoutWorkerMessage) => {
  try {
    const gc = collect ? collector() : undefined;
    runLayoutJob(job, gc);
    // The last tree too: the build's thread may take its time to read the reply (it is sending
    // the co-mentions) and this heap lives until then.
    gc?.();
    parentPort!.postMessage({ nodes: job.nodes }, [job.nodes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
