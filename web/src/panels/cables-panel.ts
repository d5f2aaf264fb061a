// The cables of a post, a tag, a signer or an entity (and any of them together, in a date range): the list, over time, and what they have in common — each value a link that narrows the list or opens its own page.
import type { CableRef } from '../../../src/model';
import {
  queryString,
  type CableFacets,
  type CableList,
  type CableQuery,
  type FacetCount,
  type FilterSubjects,
  type PostView,
} from '../browse-api';
import { TYPE_COLOURS } from '../colours';
import { cleanName, dateSpan, formatNumber, h, plural, replace } from '../dom';
import '../browse.css';
import type { PanelActions } from './actions';
import { cableLine, panelHeader } from './common';
import { timelineChart } from './timeline';

/** What the panel asks of the app: a new query (a new address), the next page. */
export interface CablesPanelHandlers {
  navigate(query: CableQuery): void;
  loadMore(offset: number): void;
}

export interface CablesPanel {
  element: HTMLElement;
  /** Appends the next page of cables. */
  append(page: CableList): void;
  /** Shows the facets when they arrive (or that they could not be loaded). */
  setFacets(facets: CableFacets | undefined): void;
}

type NodeKey = 'post' | 'from' | 'to' | 'tag' | 'signer' | 'entity';

const CONDITION: Record<NodeKey, string> = {
  post: 'Sent or received by',
  from: 'Sent by',
  to: 'Sent to',
  tag: 'Tagged',
  signer: 'Signed by',
  entity: 'Naming',
};

/** The page's subject: what its title names (a post first, then a signer, a tag, an entity). */
function title(subjects: FilterSubjects): { badge: string; name: string; colour?: string } {
  const post = subjects.post ?? subjects.from ?? subjects.to;
  if (post) return { badge: 'Post', name: post.name };
  if (subjects.signer) return { badge: 'Signer', name: cleanName(subjects.signer.name) };
  if (subjects.tag)
    return {
      badge: 'Tag',
      name: subjects.tag.label ? `${subjects.tag.code} — ${subjects.tag.label}` : subjects.tag.code,
    };
  if (subjects.entity)
    return {
      badge: subjects.entity.type,
      name: cleanName(subjects.entity.name),
      colour: TYPE_COLOURS[subjects.entity.type],
    };
  return { badge: 'Cables', name: 'Cables' };
}

function nameOf(key: NodeKey, subjects: FilterSubjects, query: CableQuery): string {
  if (key === 'tag')
    return subjects.tag
      ? subjects.tag.label
        ? `${subjects.tag.code} (${subjects.tag.label})`
        : subjects.tag.code
      : query.tag!;
  const found = subjects[key];
  return found ? cleanName(found.name) : String(query[key]);
}

function fact(label: string, value: string, testid?: string): HTMLElement {
  return h('div', {}, h('dt', {}, label), h('dd', testid ? { 'data-testid': testid } : {}, value));
}

/** Counts of the page's subject: a post's cables by role, a tag's, a signer's. */
function subjectFacts(subjects: FilterSubjects, actions: PanelActions): HTMLElement | null {
  const post: PostView | undefined = subjects.post ?? subjects.from ?? subjects.to;
  const facts: HTMLElement[] = [];
  if (post) {
    facts.push(
      fact('Cables', formatNumber(post.cables), 'post-cables'),
      fact('Sent', formatNumber(post.sent), 'post-sent'),
      fact('To', formatNumber(post.to), 'post-to'),
      fact('Info', formatNumber(post.info), 'post-info'),
    );
    facts.push(
      h(
        'div',
        { class: 'wide' },
        h('dt', {}, 'Dates'),
        h('dd', {}, dateSpan(post.firstDate, post.lastDate) || 'undated'),
      ),
    );
  } else if (subjects.signer) {
    const s = subjects.signer;
    facts.push(
      fact('Signed', formatNumber(s.signed), 'signer-signed'),
      fact('Classified', formatNumber(s.classified), 'signer-classified'),
    );
    facts.push(
      h('div', { class: 'wide' }, h('dt', {}, 'Dates'), h('dd', {}, dateSpan(s.firstDate, s.lastDate) || 'undated')),
    );
  } else if (subjects.tag) {
    const t = subjects.tag;
    facts.push(fact('Cables', formatNumber(t.cables), 'tag-cables'), fact('Kind', t.tagKind));
    facts.push(
      h('div', { class: 'wide' }, h('dt', {}, 'Dates'), h('dd', {}, dateSpan(t.firstDate, t.lastDate) || 'undated')),
    );
  } else if (subjects.entity) {
    facts.push(fact('Cables', formatNumber(subjects.entity.cableCount)));
  }
  const person = subjects.signer ?? subjects.entity;
  return h(
    'div',
    {},
    facts.length > 0 ? h('dl', { class: 'facts' }, ...facts) : null,
    person
      ? h(
          'div',
          { class: 'actions' },
          h(
            'button',
            { class: 'button', 'data-testid': 'cables-open-entity', onclick: () => actions.openEntity(person.id) },
            `Open ${cleanName(person.name)} and its co-mentions`,
          ),
        )
      : null,
  );
}

/** The conditions as chips, each removable; the post's three views (all, sent, received); the dates; the order. */
function controls(query: CableQuery, subjects: FilterSubjects, handlers: CablesPanelHandlers): HTMLElement {
  const keys = (['post', 'from', 'to', 'tag', 'signer', 'entity'] as const).filter((k) => query[k]);
  const chips = keys.map((key) =>
    h(
      'li',
      { class: 'chip filter-chip', 'data-testid': 'cables-condition', 'data-key': key },
      h('span', { class: 'muted' }, `${CONDITION[key]} `),
      nameOf(key, subjects, query),
      keys.length > 1
        ? h(
            'button',
            {
              class: 'chip-remove',
              title: 'Remove this condition',
              'aria-label': 'Remove',
              'data-testid': 'cables-condition-remove',
              onclick: () => handlers.navigate({ ...query, [key]: undefined }),
            },
            '×',
          )
        : null,
    ),
  );
  // A post alone: its cables in every role, those it sent, those it received.
  const post = query.post ?? query.from ?? query.to;
  const postOnly = post && [query.post, query.from, query.to].filter(Boolean).length === 1;
  const roles = postOnly
    ? h(
        'div',
        { class: 'segmented', role: 'group', 'aria-label': 'Which cables of the post', 'data-testid': 'cables-role' },
        ...(
          [
            ['post', 'All'],
            ['from', 'Sent'],
            ['to', 'Received'],
          ] as const
        ).map(([key, label]) =>
          h(
            'button',
            {
              class: `segment${query[key] ? ' active' : ''}`,
              'data-role': key,
              'aria-pressed': query[key] ? 'true' : 'false',
              onclick: () =>
                handlers.navigate({ ...query, post: undefined, from: undefined, to: undefined, [key]: post }),
            },
            label,
          ),
        ),
      )
    : null;
  const since = h('input', {
    type: 'text',
    class: 'date-input',
    placeholder: 'from (2007)',
    value: query.since ?? '',
    'data-testid': 'cables-since',
    'aria-label': 'From date',
  });
  const until = h('input', {
    type: 'text',
    class: 'date-input',
    placeholder: 'to (2008-06)',
    value: query.until ?? '',
    'data-testid': 'cables-until',
    'aria-label': 'To date',
  });
  const apply = (): void =>
    handlers.navigate({ ...query, since: since.value.trim() || undefined, until: until.value.trim() || undefined });
  for (const input of [since, until]) input.addEventListener('keydown', (event) => event.key === 'Enter' && apply());
  const order = h(
    'select',
    {
      class: 'select',
      'data-testid': 'cables-order',
      'aria-label': 'Order',
      onchange: (event: Event) =>
        handlers.navigate({
          ...query,
          order: (event.target as HTMLSelectElement).value === 'newest' ? 'newest' : undefined,
        }),
    },
    h('option', { value: 'oldest', selected: query.order !== 'newest' }, 'Oldest first'),
    h('option', { value: 'newest', selected: query.order === 'newest' }, 'Newest first'),
  );
  return h(
    'div',
    { class: 'cables-controls' },
    h('ul', { class: 'chips', 'data-testid': 'cables-conditions' }, ...chips),
    roles,
    h(
      'div',
      { class: 'cables-dates' },
      since,
      h('span', { class: 'muted' }, '–'),
      until,
      h('button', { class: 'button', 'data-testid': 'cables-dates-apply', onclick: apply }, 'Apply'),
      query.since || query.until
        ? h(
            'button',
            {
              class: 'link',
              'data-testid': 'cables-dates-clear',
              onclick: () => handlers.navigate({ ...query, since: undefined, until: undefined }),
            },
            'all dates',
          )
        : null,
      order,
    ),
  );
}

function cableItem(cable: CableRef, actions: PanelActions): HTMLElement {
  return h(
    'li',
    { class: 'cables-item', 'data-testid': 'cables-item', 'data-cable': cable.id },
    cableLine(cable, () => actions.openCable(cable.id)),
    cable.subject ? h('div', { class: 'text-hit-subject' }, cable.subject) : null,
  );
}

/**
 * One facet: its values with their counts; the name narrows the list to the value (replacing the
 * condition of the same kind), the chevron opens the value's own page (or the entity's panel).
 */
function facetBlock(
  testid: string,
  heading: string,
  values: Array<FacetCount & { type?: string }>,
  narrow: (v: FacetCount) => CableQuery,
  open: (v: FacetCount) => void,
  handlers: CablesPanelHandlers,
  hint: string,
): HTMLElement | null {
  if (values.length === 0) return null;
  const max = Math.max(1, ...values.map((v) => v.cables));
  return h(
    'div',
    { class: 'block facet', 'data-testid': testid },
    h('h3', {}, heading, h('span', { class: 'hint' }, hint)),
    h(
      'ul',
      { class: 'facet-list' },
      ...values.map((v) =>
        h(
          'li',
          { class: 'facet-item', 'data-testid': 'facet-item', 'data-id': v.id },
          v.type
            ? h('span', {
                class: 'dot',
                style: `background:${TYPE_COLOURS[v.type as keyof typeof TYPE_COLOURS] ?? '#999'}`,
              })
            : null,
          h(
            'button',
            {
              class: 'link facet-name',
              title: `Only the cables with ${cleanName(v.name)}`,
              'data-testid': 'facet-narrow',
              onclick: () => handlers.navigate(narrow(v)),
            },
            cleanName(v.name),
          ),
          h(
            'span',
            { class: 'weight-bar' },
            h('span', { style: `width:${Math.max(4, Math.round((100 * v.cables) / max))}%` }),
          ),
          h('span', { class: 'facet-count', 'data-testid': 'facet-count' }, formatNumber(v.cables)),
          h(
            'button',
            {
              class: 'icon-button facet-open',
              title: `Open ${cleanName(v.name)}`,
              'aria-label': `Open ${cleanName(v.name)}`,
              'data-testid': 'facet-open',
              onclick: () => open(v),
            },
            '›',
          ),
        ),
      ),
    ),
  );
}

/** Years with cables, as links narrowing the dates to one year. */
function years(months: CableFacets['months'], query: CableQuery, handlers: CablesPanelHandlers): HTMLElement | null {
  const counts = new Map<string, number>();
  for (const m of months) counts.set(m.month.slice(0, 4), (counts.get(m.month.slice(0, 4)) ?? 0) + m.cables);
  if (counts.size < 2) return null;
  return h(
    'ul',
    { class: 'chips years', 'data-testid': 'cables-years' },
    ...[...counts].map(([year, n]) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            class: 'chip',
            'data-testid': 'cables-year',
            'data-year': year,
            title: `Only ${year}`,
            onclick: () => handlers.navigate({ ...query, since: year, until: year }),
          },
          year,
          h('span', { class: 'chip-count' }, formatNumber(n)),
        ),
      ),
    ),
  );
}

function facetsView(
  facets: CableFacets,
  query: CableQuery,
  actions: PanelActions,
  handlers: CablesPanelHandlers,
): HTMLElement {
  const chart = timelineChart(facets.months, '#2e86ab');
  chart?.setAttribute('data-testid', 'cables-timeline');
  const page = (q: CableQuery) => () => handlers.navigate(q);
  return h(
    'div',
    { class: 'cables-facets', 'data-testid': 'cables-facets' },
    facets.total === 0
      ? h('p', { class: 'muted' }, 'No cable, nothing to count: take a condition or the dates back.')
      : null,
    chart ? h('div', { class: 'block' }, h('h3', {}, 'Over time'), chart, years(facets.months, query, handlers)) : null,
    facetBlock(
      'facet-signers',
      'Signed by',
      facets.signers,
      (v) => ({ ...query, signer: v.id }),
      (v) => page({ signer: v.id })(),
      handlers,
      'name: narrow · ›: their cables',
    ),
    facetBlock(
      'facet-entities',
      'Named most',
      facets.entities,
      (v) => ({ ...query, entity: v.id }),
      (v) => actions.openEntity(v.id),
      handlers,
      'cables naming it, not as signer',
    ),
    facetBlock(
      'facet-tags',
      'Tags',
      facets.tags,
      (v) => ({ ...query, tag: v.id }),
      (v) => page({ tag: v.id })(),
      handlers,
      'name: narrow · ›: the tag',
    ),
    facetBlock(
      'facet-origins',
      'Sent by',
      facets.origins,
      (v) => ({ ...query, post: query.post === v.id ? undefined : query.post, from: v.id }),
      (v) => page({ post: v.id })(),
      handlers,
      'name: narrow · ›: the post',
    ),
    facetBlock(
      'facet-recipients',
      'Sent to',
      facets.recipients,
      (v) => ({ ...query, post: query.post === v.id ? undefined : query.post, to: v.id }),
      (v) => page({ post: v.id })(),
      handlers,
      'to or info',
    ),
  );
}

/** The panel: `first` is the first page (with what the filter names); facets come later (setFacets). */
export function cablesPanel(
  query: CableQuery,
  first: CableList & { subjects: FilterSubjects },
  actions: PanelActions,
  handlers: CablesPanelHandlers,
): CablesPanel {
  const head = title(first.subjects);
  const list = h(
    'ol',
    { class: 'cables-list', 'data-testid': 'cables-list' },
    ...first.cables.map((c) => cableItem(c, actions)),
  );
  let shown = first.cables.length;
  const more = h(
    'button',
    { class: 'button more', 'data-testid': 'cables-more', onclick: () => handlers.loadMore(shown) },
    'More cables',
  );
  const footer = h('div', { class: 'text-search-footer' });
  const updateFooter = (): void =>
    replace(
      footer,
      shown < first.total ? more : null,
      h('span', { class: 'muted' }, ` ${formatNumber(shown)} of ${plural(first.total, 'cable')}`),
    );
  updateFooter();
  const facets = h(
    'div',
    { 'data-testid': 'cables-facets-slot' },
    h('p', { class: 'muted' }, 'Counting what these cables have in common…'),
  );
  const element = h(
    'section',
    { class: 'panel cables-panel', 'data-testid': 'panel-cables' },
    panelHeader(
      h('span', { class: 'type-badge', style: head.colour ? `--type:${head.colour}` : '' }, head.badge),
      h('h2', { 'data-testid': 'cables-title' }, head.name),
      actions,
    ),
    subjectFacts(first.subjects, actions),
    controls(query, first.subjects, handlers),
    h(
      'p',
      { class: 'cables-total', 'data-testid': 'cables-total', 'data-total': first.total },
      first.total === 0
        ? 'No cable matches.'
        : `${plural(first.total, 'cable')}, ${query.order === 'newest' ? 'newest' : 'oldest'} first`,
    ),
    first.total > 0
      ? h(
          'div',
          { class: 'takeaway', 'data-testid': 'takeaway-cables' },
          h('span', { class: 'muted small' }, 'Take away the list: '),
          h(
            'a',
            {
              class: 'link small',
              href: `api/cables/export?${queryString(query)}&format=csv`,
              download: '',
              'data-testid': 'takeaway-cables-csv',
              title: 'One row per cable, with links (spreadsheets)',
            },
            '⤓ CSV',
          ),
          ' · ',
          h(
            'a',
            {
              class: 'link small',
              href: `api/cables/export?${queryString(query)}&format=md`,
              download: '',
              'data-testid': 'takeaway-cables-md',
              title: 'One line per cable, linked (notes, articles)',
            },
            '⤓ Markdown',
          ),
        )
      : null,
    facets,
    h('div', { class: 'block' }, h('h3', {}, 'Cables'), list, footer),
  );
  return {
    element,
    append(page) {
      for (const c of page.cables) list.appendChild(cableItem(c, actions));
      shown += page.cables.length;
      updateFooter();
    },
    setFacets(result) {
      if (!result)
        replace(facets, h('p', { class: 'muted' }, 'What these cables have in common could not be counted.'));
      else replace(facets, facetsView(result, query, actions, handlers));
    },
  };
}
