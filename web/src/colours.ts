// Colours: one per entity type (the legend's), a palette for communities, and the highlight colours.
import type { EntityKind } from '../../src/model';

export const TYPE_COLOURS: Record<EntityKind, string> = {
  Person: '#d1495b',
  Organization: '#2e86ab',
  Place: '#3f9c5a',
};

export const TYPE_LABELS: Record<EntityKind, string> = {
  Person: 'Person',
  Organization: 'Organization',
  Place: 'Place',
};

const COMMUNITY_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#5d6d7e',
  '#8cd17d',
  '#d37295',
];

export function communityColour(community: number): string {
  if (community < 0) return '#9aa0a6';
  return COMMUNITY_PALETTE[community % COMMUNITY_PALETTE.length];
}

export const EDGE_COLOUR = '#d3d8df';

/** Link colours by weight, light to dark: weak ties recede, strong ones carry the structure. */
const LIGHT = [233, 236, 240];
const DARK = [124, 134, 150];
export const EDGE_RAMP: readonly string[] = Array.from({ length: 16 }, (_, i) => {
  const t = i / 15;
  const [r, g, b] = LIGHT.map((c, k) => Math.round(c + (DARK[k] - c) * t));
  return `rgb(${r}, ${g}, ${b})`;
});

/** The ramp's colour for a share in [0, 1]. */
export function edgeColour(share: number): string {
  return EDGE_RAMP[Math.min(15, Math.max(0, Math.round(share * 15)))];
}
export const EDGE_FOCUS_COLOUR = '#8a94a6';
export const DIM_NODE_COLOUR = '#e4e6ea';
export const DIM_EDGE_COLOUR = '#eceef1';
export const PATH_COLOUR = '#f2a900';
export const SELECTED_EDGE_COLOUR = '#1d2330';
/** Meeting links (MET edges): a hue no entity type, community ramp or highlight uses for lines. */
export const MEETING_COLOUR = '#7b2cbf';
