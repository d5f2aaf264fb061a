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

/**
 * Iterations of the synchronous settle by graph size: about 100–150 ms on a laptop. Beyond 2,000
 * entities none: the build-time layout of the whole graph is close enough at that scale.
 */
function settleIterations(order: number): number {
  if (order <= 500) return 150;
  if (order <= 1000) return 30;
  if (order <= 2000) return 15;
  return 0;
}

/**
 * A short synchronous ForceAtlas2 over what is shown, so the view has a layout of its own (the
 * build-time positions come from the whole graph's layout, where a top-300 sits on a ring).
 * `share`: the part of the full settle to run (after adding a few entities, less).
 */
export function settle(graph: ViewGraph, share = 1): void {
  const iterations = Math.round(settleIterations(graph.order) * share);
  if (graph.order < 3 || iterations < 1) return;
  forceAtlas2.assign(graph, {
    iterations,
    // Gravity 1 (not the inferred 0.05): entities without a shown link stay near the rest.
    settings: { ...forceAtlas2.inferSettings(graph), gravity: 1, barnesHutOptimize: graph.order > 800 },
    getEdgeWeight: 'weight',
  });
}
