// Export of the current view: GEXF from the server (POST /api/gexf), PNG composed from sigma's layers.
import { api } from './api';
import { TYPE_COLOURS } from './colours';
import type { ViewGraph } from './graph-model';
import type { Renderer } from './renderer';
import type { Filters } from './state';

/** GEXF 1.3 of the shown entities and the co-mention edges among them, under the current filters. */
export async function exportGexf(graph: ViewGraph, filters: Filters): Promise<Blob> {
  return api.gexf({
    nodes: graph.nodes(),
    minWeight: filters.minWeight > 1 ? filters.minWeight : undefined,
    since: filters.since || undefined,
    until: filters.until || undefined,
  });
}

/** Sigma's layers, bottom to top (the mouse layer is an empty event catcher). */
const LAYERS = ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes'];

/**
 * One PNG of what the canvas shows, with a caption and the type legend. sigma v3 draws on several
 * canvases (WebGL for edges and nodes, 2D for labels); the WebGL buffers are only valid right after
 * a render, so the render and the composition happen in the same task.
 */
export function exportPng(renderer: Renderer, caption: string): Promise<Blob> {
  renderer.refresh();
  const canvases = renderer.getCanvases();
  const base = canvases.nodes ?? Object.values(canvases)[0];
  if (!base) return Promise.reject(new Error('nothing is drawn'));
  const ratio = base.width / Math.max(1, renderer.getDimensions().width);
  const footer = Math.round(36 * ratio);
  const out = document.createElement('canvas');
  out.width = base.width;
  out.height = base.height + footer;
  const ctx = out.getContext('2d');
  if (!ctx) return Promise.reject(new Error('no 2D canvas'));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const layer of LAYERS) {
    const canvas = canvases[layer];
    if (canvas) ctx.drawImage(canvas, 0, 0, base.width, base.height);
  }
  // Footer: caption on the left, legend on the right.
  ctx.fillStyle = '#f4f5f7';
  ctx.fillRect(0, base.height, out.width, footer);
  ctx.fillStyle = '#dfe2e6';
  ctx.fillRect(0, base.height, out.width, Math.max(1, Math.round(ratio)));
  const fontSize = Math.round(12 * ratio);
  const middle = base.height + footer / 2;
  ctx.font = `500 ${fontSize}px Inter, "Segoe UI", system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#3b4150';
  ctx.fillText(caption, 12 * ratio, middle);
  let x = out.width - 12 * ratio;
  for (const [kind, colour] of Object.entries(TYPE_COLOURS).reverse()) {
    const width = ctx.measureText(kind).width;
    x -= width;
    ctx.fillStyle = '#3b4150';
    ctx.fillText(kind, x, middle);
    x -= 10 * ratio;
    ctx.fillStyle = colour;
    ctx.beginPath();
    ctx.arc(x, middle, 5 * ratio, 0, Math.PI * 2);
    ctx.fill();
    x -= 20 * ratio;
  }
  return new Promise((resolve, reject) =>
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
  );
}
