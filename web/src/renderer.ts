// The sigma renderer: colours and highlight derived from the UI state through reducers.
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import {
  DIM_EDGE_COLOUR,
  DIM_NODE_COLOUR,
  EDGE_COLOUR,
  EDGE_FOCUS_COLOUR,
  PATH_COLOUR,
  SELECTED_EDGE_COLOUR,
  TYPE_COLOURS,
  communityColour,
} from './colours';
import { edgeSize, nodeSize, sizeScale, type EdgeAttrs, type NodeAttrs, type SizeScale, type ViewGraph } from './graph-model';
import type { State, Store } from './state';

export type Renderer = Sigma<NodeAttrs, EdgeAttrs>;

/** Edge picking draws every edge a second time: above this many edges, pairs open from the panel. */
const EDGE_EVENTS_MAX_EDGES = 20_000;
/** Above this many edges, edges are hidden while the camera moves. */
const HIDE_EDGES_ON_MOVE_MIN_EDGES = 8_000;
/** A focused node with more neighbours than this labels only the heaviest ones (by the label grid). */
const FORCE_LABEL_MAX_NEIGHBOURS = 30;

type LabelData = { x: number; y: number; size: number; label: string | null; color: string };

/** Labels with a white halo: readable over edges. */
function drawLabel(context: CanvasRenderingContext2D, data: LabelData, settings: Settings<NodeAttrs, EdgeAttrs>): void {
  if (!data.label) return;
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const x = data.x + data.size + 3;
  const y = data.y + size / 3;
  context.lineWidth = 3;
  context.lineJoin = 'round';
  context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  context.strokeText(data.label, x, y);
  context.fillStyle = '#1f2430';
  context.fillText(data.label, x, y);
}

/** The derived display state: sets computed once per state change, never per frame. */
interface Highlight {
  focus?: string;
  focusNeighbours?: Set<string>;
  pathNodes?: Set<string>;
  pathEdges?: Set<string>;
  selectedEdge?: string;
  selectedNode?: string;
  edgeEnds?: Set<string>;
  colourBy: State['colourBy'];
}

export interface RendererHandle {
  renderer: Renderer;
  /** Recomputes sizes and highlight after the graph changed (nodes added or dropped). */
  graphChanged(): void;
  kill(): void;
}

export interface RendererEvents {
  clickNode(node: string): void;
  clickEdge(edge: string): void;
  clickStage(): void;
}

export function createRenderer(container: HTMLElement, graph: ViewGraph, store: Store, events: RendererEvents): RendererHandle {
  let hl: Highlight = { colourBy: store.get().colourBy };
  let scale: SizeScale = sizeScale(graph);

  const computeHighlight = (state: State): Highlight => {
    const next: Highlight = { colourBy: state.colourBy, selectedEdge: state.selectedEdge, selectedNode: state.selectedNode };
    const focus = state.hoveredNode ?? state.selectedNode;
    if (focus && graph.hasNode(focus)) {
      next.focus = focus;
      next.focusNeighbours = new Set(graph.neighbors(focus));
    } else if (state.selectedEdge && graph.hasEdge(state.selectedEdge)) {
      // A selected link: its two ends stand out, the rest steps back.
      next.edgeEnds = new Set(graph.extremities(state.selectedEdge));
    }
    if (state.path && state.path.nodes.length > 0) {
      next.pathNodes = new Set(state.path.nodes);
      next.pathEdges = new Set(state.path.edges);
    }
    return next;
  };

  const nodeColour = (attrs: NodeAttrs): string =>
    hl.colourBy === 'community' ? communityColour(attrs.community) : TYPE_COLOURS[attrs.kind] ?? '#888';

  const nodeReducer = (node: string, attrs: NodeAttrs): Partial<NodeDisplayData> => {
    const data: Partial<NodeDisplayData> = { ...attrs, size: nodeSize(attrs.weightedDegree, scale), color: nodeColour(attrs) };
    if (hl.focus) {
      if (node === hl.focus) {
        data.highlighted = true;
        data.forceLabel = true;
        data.zIndex = 3;
      } else if (hl.focusNeighbours?.has(node)) {
        data.zIndex = 2;
        if ((hl.focusNeighbours?.size ?? 0) <= FORCE_LABEL_MAX_NEIGHBOURS) data.forceLabel = true;
      } else if (!hl.pathNodes?.has(node)) {
        data.color = DIM_NODE_COLOUR;
        data.label = null;
        data.zIndex = 0;
      }
    } else if (hl.edgeEnds) {
      if (hl.edgeEnds.has(node)) {
        data.forceLabel = true;
        data.highlighted = true;
        data.zIndex = 2;
      } else if (!hl.pathNodes?.has(node)) {
        data.color = DIM_NODE_COLOUR;
        data.label = null;
      }
    } else if (hl.pathNodes) {
      if (hl.pathNodes.has(node)) {
        data.forceLabel = true;
        data.zIndex = 2;
      } else {
        data.color = DIM_NODE_COLOUR;
        data.label = null;
      }
    }
    if (hl.pathNodes?.has(node)) {
      data.forceLabel = true;
      data.zIndex = Math.max(data.zIndex ?? 0, 2);
    }
    if (node === hl.selectedNode) data.highlighted = true;
    return data;
  };

  const edgeReducer = (edge: string, attrs: EdgeAttrs): Partial<EdgeDisplayData> => {
    const size = edgeSize(attrs.weight, scale);
    const data: Partial<EdgeDisplayData> = { size, color: EDGE_COLOUR };
    if (edge === hl.selectedEdge) {
      data.color = SELECTED_EDGE_COLOUR;
      data.size = size + 2;
      data.zIndex = 3;
      return data;
    }
    if (hl.pathEdges?.has(edge)) {
      data.color = PATH_COLOUR;
      data.size = size + 2.5;
      data.zIndex = 2;
      return data;
    }
    if (hl.focus) {
      if (graph.source(edge) === hl.focus || graph.target(edge) === hl.focus) {
        data.color = EDGE_FOCUS_COLOUR;
        data.zIndex = 1;
      } else data.hidden = true;
    } else if (hl.pathNodes || hl.edgeEnds) data.color = DIM_EDGE_COLOUR;
    return data;
  };

  const renderer: Renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
    nodeReducer,
    edgeReducer,
    zIndex: true,
    renderEdgeLabels: false,
    enableEdgeEvents: graph.size <= EDGE_EVENTS_MAX_EDGES,
    hideEdgesOnMove: graph.size >= HIDE_EDGES_ON_MOVE_MIN_EDGES,
    labelFont: 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif',
    labelSize: 12,
    labelWeight: '500',
    labelDensity: 0.8,
    labelGridCellSize: 70,
    labelRenderedSizeThreshold: 6,
    defaultDrawNodeLabel: drawLabel,
    minCameraRatio: 0.02,
    maxCameraRatio: 8,
    stagePadding: 40,
    zoomToSizeRatioFunction: (ratio) => Math.sqrt(ratio),
  });

  const settingsForSize = (): void => {
    renderer.setSetting('enableEdgeEvents', graph.size <= EDGE_EVENTS_MAX_EDGES);
    renderer.setSetting('hideEdgesOnMove', graph.size >= HIDE_EDGES_ON_MOVE_MIN_EDGES);
  };

  const unsubscribe = store.subscribe((state, changed) => {
    if (!changed.has('hoveredNode') && !changed.has('selectedNode') && !changed.has('selectedEdge') && !changed.has('path') && !changed.has('colourBy')) return;
    hl = computeHighlight(state);
    // Hover only changes colours: no re-indexation. Selections re-order by zIndex.
    const onlyHover = changed.size === 1 && changed.has('hoveredNode');
    renderer.refresh({ skipIndexation: onlyHover });
  });

  renderer.on('enterNode', ({ node }) => {
    container.style.cursor = 'pointer';
    store.set({ hoveredNode: node });
  });
  renderer.on('leaveNode', () => {
    container.style.cursor = '';
    store.set({ hoveredNode: undefined });
  });
  renderer.on('enterEdge', () => {
    container.style.cursor = 'pointer';
  });
  renderer.on('leaveEdge', () => {
    container.style.cursor = '';
  });
  renderer.on('clickNode', ({ node }) => events.clickNode(node));
  renderer.on('clickEdge', ({ edge }) => events.clickEdge(edge));
  renderer.on('clickStage', () => events.clickStage());

  return {
    renderer,
    graphChanged() {
      scale = sizeScale(graph);
      hl = computeHighlight(store.get());
      settingsForSize();
    },
    kill() {
      unsubscribe();
      renderer.kill();
    },
  };
}
