// The sigma renderer: colours and highlight derived from the UI state through reducers.
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import {
  DIM_EDGE_COLOUR,
  DIM_NODE_COLOUR,
  edgeColour,
  EDGE_FOCUS_COLOUR,
  MEETING_COLOUR,
  PATH_COLOUR,
  SELECTED_EDGE_COLOUR,
  TYPE_COLOURS,
  communityColour,
} from './colours';
import {
  edgeShare,
  edgeSize,
  isMeeting,
  nodeSize,
  sizeScale,
  type EdgeAttrs,
  type NodeAttrs,
  type SizeScale,
  type ViewGraph,
} from './graph-model';
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
  // Right of the node, or left of it when the label would run off the canvas.
  const width = context.measureText(data.label).width;
  const canvasWidth = context.canvas.width / (window.devicePixelRatio || 1);
  const right = data.x + data.size + 3;
  const x = right + width > canvasWidth - 4 ? data.x - data.size - 3 - width : right;
  const y = data.y + size / 3;
  context.lineWidth = 3;
  context.lineJoin = 'round';
  context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  context.strokeText(data.label, x, y);
  context.fillStyle = '#1f2430';
  context.fillText(data.label, x, y);
}

/** The derived display of the selection: sets computed once per state change, never per frame. */
interface Highlight {
  focus?: string;
  focusNeighbours?: Set<string>;
  pathNodes?: Set<string>;
  pathEdges?: Set<string>;
  selectedEdge?: string;
  selectedNode?: string;
  edgeEnds?: Set<string>;
  colourBy: State['colourBy'];
  links: State['links'];
}

/** The hovered entity and its neighbours, drawn over the selection. */
interface Hover {
  node: string;
  neighbours: Set<string>;
  /** Incident links (refreshed on hover in and out). */
  edges: string[];
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

/** A meeting link's least width: a little more with each meeting (up to 5); wider than its pair's co-mention link in any case. */
const meetingSize = (meetings: number): number => 2.5 + 0.5 * Math.min(5, meetings);

/** Up to this many links, hovering hides the links of other entities too (a refresh of every link). */
const HOVER_HIDES_EDGES_MAX = 10_000;

export function createRenderer(
  container: HTMLElement,
  graph: ViewGraph,
  store: Store,
  events: RendererEvents,
): RendererHandle {
  let hl: Highlight = { colourBy: store.get().colourBy, links: store.get().links };
  let hover: Hover | undefined;
  let scale: SizeScale = sizeScale(graph);

  const computeHighlight = (state: State): Highlight => {
    const next: Highlight = {
      colourBy: state.colourBy,
      links: state.links,
      selectedEdge: state.selectedEdge,
      selectedNode: state.selectedNode,
    };
    if (state.selectedNode && graph.hasNode(state.selectedNode)) {
      next.focus = state.selectedNode;
      next.focusNeighbours = new Set(graph.neighbors(state.selectedNode));
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

  const computeHover = (node: string | undefined): Hover | undefined =>
    node && graph.hasNode(node)
      ? { node, neighbours: new Set(graph.neighbors(node)), edges: graph.edges(node) }
      : undefined;

  const nodeColour = (attrs: NodeAttrs): string =>
    hl.colourBy === 'community' ? communityColour(attrs.community) : (TYPE_COLOURS[attrs.kind] ?? '#888');

  const nodeReducer = (node: string, attrs: NodeAttrs): Partial<NodeDisplayData> => {
    const colour = nodeColour(attrs);
    const data: Partial<NodeDisplayData> = { ...attrs, size: nodeSize(attrs.weightedDegree, scale), color: colour };
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
      if (!hl.pathNodes.has(node)) {
        data.color = DIM_NODE_COLOUR;
        data.label = null;
      }
    }
    if (hl.pathNodes?.has(node)) {
      data.forceLabel = true;
      data.zIndex = Math.max(data.zIndex ?? 0, 2);
    }
    if (node === hl.selectedNode) data.highlighted = true;
    // Hover, over the selection (no zIndex: hover refreshes skip re-indexation).
    if (hover) {
      if (node === hover.node) {
        data.color = colour;
        data.label = attrs.label;
        data.highlighted = true;
        data.forceLabel = true;
      } else if (hover.neighbours.has(node)) {
        data.color = colour;
        data.label = attrs.label;
        if (hover.neighbours.size <= FORCE_LABEL_MAX_NEIGHBOURS) data.forceLabel = true;
      } else {
        data.color = DIM_NODE_COLOUR;
        data.label = null;
        data.forceLabel = false;
        data.highlighted = false;
      }
    }
    return data;
  };

  const edgeReducer = (edge: string, attrs: EdgeAttrs): Partial<EdgeDisplayData> => {
    const meeting = isMeeting(attrs);
    // The legend's choice of links: the other kind is not drawn (nor picked by a click).
    if (meeting ? hl.links === 'co-mentions' : hl.links === 'meetings') return { hidden: true };
    // A meeting link covers its pair's co-mention link (its key is `met:` and the pair's key), so it shows whole.
    const under = meeting && graph.hasEdge(edge.slice(4)) ? graph.getEdgeAttributes(edge.slice(4)).weight : 0;
    const size = meeting
      ? Math.max(meetingSize(attrs.meetings ?? 1), under > 0 ? edgeSize(under, scale) + 1 : 0)
      : edgeSize(attrs.weight, scale);
    // A meeting link over its pair's co-mention link: its own colour, a little wider, drawn above.
    const own = meeting ? MEETING_COLOUR : edgeColour(edgeShare(attrs.weight, scale));
    const data: Partial<EdgeDisplayData> = { size, color: own, zIndex: meeting ? 1 : 0 };
    const incident = (node: string): boolean => graph.source(edge) === node || graph.target(edge) === node;
    if (edge === hl.selectedEdge) {
      // A selected meeting keeps its colour (it says what the link is), wider.
      data.color = meeting ? own : SELECTED_EDGE_COLOUR;
      data.size = size + 2;
      data.zIndex = 3;
    } else if (hl.pathEdges?.has(edge)) {
      data.color = PATH_COLOUR;
      data.size = size + 2.5;
      data.zIndex = 2;
    } else if (hl.focus) {
      if (incident(hl.focus)) {
        data.color = meeting ? own : EDGE_FOCUS_COLOUR;
        data.zIndex = meeting ? 2 : 1;
      } else data.hidden = true;
    } else if (hl.pathNodes || hl.edgeEnds) data.color = DIM_EDGE_COLOUR;
    if (hover) {
      if (incident(hover.node)) {
        data.hidden = false;
        if (edge !== hl.selectedEdge && !hl.pathEdges?.has(edge)) data.color = meeting ? own : EDGE_FOCUS_COLOUR;
      } else if (graph.size <= HOVER_HIDES_EDGES_MAX) data.hidden = true;
    }
    return data;
  };

  /**
   * Hover in/out repaints every node (dimming) but only the links that change: the hovered
   * entity's (all of them in small graphs), without re-indexation — cheap on 50,000 links.
   */
  const refreshHover = (previous: Hover | undefined): void => {
    const edges =
      graph.size <= HOVER_HIDES_EDGES_MAX
        ? graph.edges()
        : [...new Set([...(previous?.edges ?? []), ...(hover?.edges ?? [])])];
    try {
      renderer.refresh({ partialGraph: { nodes: graph.nodes(), edges }, skipIndexation: true });
    } catch {
      // An item added since the last render is not indexed yet: a full refresh indexes it.
      renderer.refresh();
    }
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
    if (changed.has('hoveredNode')) {
      const previous = hover;
      hover = computeHover(state.hoveredNode);
      if (changed.size === 1) return refreshHover(previous);
    }
    if (
      !changed.has('selectedNode') &&
      !changed.has('selectedEdge') &&
      !changed.has('path') &&
      !changed.has('colourBy') &&
      !changed.has('links')
    )
      return;
    // Selections re-order by zIndex: a full refresh.
    hl = computeHighlight(state);
    renderer.refresh();
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
      hover = computeHover(store.get().hoveredNode);
      settingsForSize();
    },
    kill() {
      unsubscribe();
      renderer.kill();
    },
  };
}
