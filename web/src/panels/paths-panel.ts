// The paths between two entities: each path as a chain, each link with the cables behind it.
import { TYPE_COLOURS } from '../colours';
import { cleanName, formatNumber, h, plural } from '../dom';
import type { PanelActions } from './actions';
import { panelHeader } from './common';
import type { EntityPath, NodeView, PathsResult } from '../../../src/model';

function nodeChip(node: NodeView, actions: PanelActions): HTMLElement {
  return h(
    'button',
    {
      class: 'chip path-node',
      style: `--type:${TYPE_COLOURS[node.type]}`,
      'data-testid': 'path-node',
      'data-id': node.id,
      onclick: () => actions.openEntity(node.id),
    },
    h('span', { class: 'dot', style: `background:${TYPE_COLOURS[node.type]}` }),
    cleanName(node.name),
  );
}

function pathItem(path: EntityPath, index: number, actions: PanelActions): HTMLElement {
  const steps: HTMLElement[] = [];
  path.nodes.forEach((node, i) => {
    steps.push(h('li', { class: 'path-stop' }, nodeChip(node, actions)));
    const edge = path.edges[i];
    const next = path.nodes[i + 1];
    if (!edge || !next) return;
    steps.push(
      h(
        'li',
        { class: 'path-link' },
        h(
          'button',
          {
            class: 'link path-evidence',
            'data-testid': 'path-link',
            onclick: () => actions.openPair(node.id, next.id),
            title: 'Read the cables naming both',
          },
          `${plural(edge.cableCount, 'cable')} · weight ${formatNumber(edge.weight)}`,
        ),
        edge.cables.length > 0
          ? h(
              'span',
              { class: 'path-cables' },
              ...edge.cables.map((c) =>
                h(
                  'a',
                  { class: 'cable-ref', href: `#/cable/${encodeURIComponent(c.id)}`, title: c.subject ?? c.id },
                  c.id,
                ),
              ),
            )
          : null,
      ),
    );
  });
  return h(
    'li',
    { class: 'path', 'data-testid': 'path-result' },
    h('div', { class: 'path-index' }, `Path ${index + 1}`),
    h('ol', { class: 'path-steps' }, ...steps),
    actions.exportLinks({ kind: 'path', ids: path.nodes.map((n) => n.id) }, 'the cables behind this path'),
  );
}

export function pathsPanel(result: PathsResult, actions: PanelActions): HTMLElement {
  const summary =
    result.paths.length === 0
      ? `No connection within the hop limit.`
      : `${plural(result.paths.length, 'shortest path')} of ${plural(result.hops ?? 0, 'hop')}`;
  return h(
    'section',
    { class: 'panel', 'data-testid': 'panel-paths' },
    panelHeader(
      h('span', { class: 'type-badge neutral' }, 'Paths'),
      h(
        'h2',
        { class: 'pair-title' },
        cleanName(result.from.name),
        h('span', { class: 'pair-sep' }, '→'),
        cleanName(result.to.name),
      ),
      actions,
    ),
    h('p', { class: 'summary-line', 'data-testid': 'paths-summary' }, summary),
    h('ol', { class: 'paths' }, ...result.paths.map((p, i) => pathItem(p, i, actions))),
  );
}
