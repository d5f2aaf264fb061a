// ForceAtlas2 in a web worker, started and stopped by the user; settings inferred from the graph.
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ViewGraph } from './graph-model';

export interface Layout {
  isRunning(): boolean;
  start(): void;
  stop(): void;
  kill(): void;
}

export function createLayout(graph: ViewGraph, onChange: (running: boolean) => void): Layout {
  // The worker is spawned on the first start, not at load: most sessions never run the layout.
  let supervisor: FA2Layout | undefined;

  const layout: Layout = {
    isRunning: () => supervisor?.isRunning() ?? false,
    start() {
      if (graph.order === 0 || layout.isRunning()) return;
      supervisor?.kill();
      supervisor = new FA2Layout(graph, {
        settings: { ...forceAtlas2.inferSettings(graph), adjustSizes: false, barnesHutOptimize: graph.order > 500 },
        getEdgeWeight: 'weight',
      });
      supervisor.start();
      onChange(true);
    },
    stop() {
      if (!layout.isRunning()) return;
      supervisor?.stop();
      onChange(false);
    },
    kill() {
      supervisor?.kill();
      supervisor = undefined;
    },
  };
  return layout;
}
