// The entity panel's relations: roles as a timeline (bars from first to last cable), meetings as a list, filterable; a passage on click.
import type { EntityRelations, MeetingView, NodeRef, RoleView, StatementView } from '../../../src/model';
import { fetchRelations, fetchStatements } from '../api';
import { cleanName, h, plural } from '../dom';
import type { PanelActions } from './actions';

const svgNs = 'http://www.w3.org/2000/svg';
const svg = (tag: string, attrs: Record<string, string | number>): SVGElement => {
  const el = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
};

/** Days since 1970 of an ISO date (years and months allowed), for the timeline's scale. */
const day = (date: string): number =>
  Date.parse(`${date.slice(0, 10)}${date.length === 4 ? '-01-01' : date.length === 7 ? '-01' : ''}T00:00:00Z`) /
  86_400_000;

/** The passage of a statement: its cable (opening it at the paragraph) and the sentence. */
export function passage(
  s: Pick<StatementView, 'cable' | 'date' | 'paragraph' | 'evidence'>,
  actions: PanelActions,
  emphasis: string[],
): HTMLElement {
  return h(
    'blockquote',
    { class: 'relation-passage', 'data-testid': 'relation-passage' },
    h('p', {}, s.evidence),
    h(
      'footer',
      {},
      h(
        'a',
        {
          href: `#/cable/${encodeURIComponent(s.cable)}`,
          'data-testid': 'relation-cable',
          onclick: (e: Event) => (e.preventDefault(), actions.openCable(s.cable, emphasis, s.paragraph || undefined)),
        },
        s.cable,
      ),
      s.date ? ` · ${s.date}` : '',
      s.paragraph ? ` · ¶${s.paragraph}` : '',
    ),
  );
}

/** Statements fetched per click of "more". */
const STATEMENT_PAGE = 50;

/**
 * A role's passages. A capped edge lists its first ⌈n/2⌉ and last ⌊n/2⌋ statements of
 * statementCount: "n of M statements" sits between them, with "more" fetching the middle ones a
 * page at a time (GET /api/statements) until none is missing.
 */
function statementList(r: RoleView, actions: PanelActions): HTMLElement {
  const emphasis = [cleanName(r.person.name)];
  const shown = r.statements.length;
  const head = r.evidenceTruncated ? Math.ceil(shown / 2) : shown;
  const details = h(
    'div',
    { class: 'relation-details', hidden: true },
    ...r.statements.slice(0, head).map((s) => passage(s, actions, emphasis)),
  );
  const tail = r.statements.slice(head).map((s) => passage(s, actions, emphasis));
  if (!r.evidenceTruncated || r.statementCount <= shown) {
    details.append(...tail);
    return details;
  }
  const missing = r.statementCount - shown;
  let loaded = 0;
  const count = h('span', { 'data-testid': 'statements-count' });
  const more = h('button', { class: 'link', 'data-testid': 'statements-more', type: 'button' }, 'more');
  const action = h('span', {}, ' · ', more);
  const gap = h('p', { class: 'statements-gap muted', 'data-testid': 'statements-gap' }, count, action);
  const label = (): void => {
    count.textContent = `${(shown + loaded).toLocaleString('en')} of ${r.statementCount.toLocaleString('en')} statements`;
  };
  label();
  more.addEventListener('click', () => {
    more.setAttribute('disabled', '');
    const edge = { type: 'HOLDS_ROLE' as const, person: r.person.id, owner: r.owner.id, title: r.title };
    fetchStatements(edge, head + loaded, Math.min(STATEMENT_PAGE, missing - loaded))
      .then((page) => {
        gap.before(...page.statements.map((s) => passage(s, actions, emphasis)));
        loaded += page.statements.length;
        label();
        // All listed: the list is whole, no gap left to mark. A short answer (the edge changed
        // since): the count says what is listed, with nothing more to ask for.
        if (loaded >= missing) gap.remove();
        else if (page.statements.length === 0) action.remove();
        else more.removeAttribute('disabled');
      })
      .catch(() => {
        more.removeAttribute('disabled');
        more.textContent = 'more (failed: try again)';
      });
  });
  details.append(gap, ...tail);
  return details;
}

/** Who the row is about from the panel's entity: the owner when it is the person's panel, else the person. */
const otherEnd = (r: RoleView, id: string): NodeRef => (r.person.id === id ? r.owner : r.person);

function roleRow(r: RoleView, id: string, span: [number, number], actions: PanelActions): HTMLElement {
  const other = otherEnd(r, id);
  const [from, to] = span;
  const width = 240;
  const x = (d: string | undefined, fallback: number): number =>
    d ? ((day(d) - from) / Math.max(1, to - from)) * width : fallback;
  const bar = svg('svg', {
    viewBox: `0 0 ${width} 8`,
    class: 'role-bar',
    role: 'img',
    'aria-label': `${r.firstDate ?? 'undated'} to ${r.lastDate ?? 'undated'}`,
  });
  const x1 = x(r.firstDate, 0);
  const x2 = Math.max(x1 + 3, x(r.lastDate, width));
  bar.appendChild(svg('rect', { x: 0, y: 3, width, height: 2, class: 'role-track' }));
  bar.appendChild(svg('rect', { x: x1, y: 0, width: x2 - x1, height: 8, rx: 2, class: 'role-span' }));
  const details = statementList(r, actions);
  const label = r.person.id === id ? `${r.title}, ${cleanName(other.name)}` : `${cleanName(other.name)}, ${r.title}`;
  return h(
    'li',
    {
      class: 'relation role',
      'data-testid': 'role-item',
      'data-title': r.title,
      'data-other': other.name,
      'data-text': `${r.title} ${other.name} ${r.organization ?? ''}`.toLowerCase(),
    },
    h(
      'button',
      {
        class: 'link relation-open',
        'data-testid': 'role-open',
        title: 'The passages that say so',
        onclick: () => (details.hidden = !details.hidden),
      },
      h('span', { class: 'relation-label' }, label, r.former ? ' (former)' : ''),
      h(
        'span',
        { class: 'relation-dates' },
        r.firstDate ? (r.firstDate === r.lastDate ? r.firstDate : `${r.firstDate} – ${r.lastDate}`) : 'undated',
        ' · ',
        plural(r.cableCount, 'cable'),
      ),
      bar,
    ),
    h(
      'button',
      {
        class: 'link relation-entity',
        'data-testid': 'role-entity',
        title: `Open ${cleanName(other.name)}`,
        onclick: () => actions.openEntity(other.id),
      },
      '›',
    ),
    details,
  );
}

function meetingRow(m: MeetingView, id: string, actions: PanelActions): HTMLElement {
  const other = m.a.id === id ? m.b : m.a;
  const who = other.kind === 'Post' ? `${m.role ?? 'Officer'} (${other.name})` : cleanName(other.name);
  const mine = m.a.id === id && m.role ? ` as ${m.role}` : '';
  const details = h('div', { class: 'relation-details', hidden: true }, passage(m, actions, [cleanName(other.name)]));
  return h(
    'li',
    {
      class: 'relation meeting',
      'data-testid': 'meeting-item',
      'data-other': other.name,
      'data-text': `${who} ${m.form} ${m.date ?? ''}`.toLowerCase(),
    },
    h(
      'button',
      {
        class: 'link relation-open',
        'data-testid': 'meeting-open',
        title: 'The passage',
        onclick: () => (details.hidden = !details.hidden),
      },
      h('span', { class: 'meeting-edge', 'aria-hidden': 'true' }),
      h('span', { class: 'relation-label' }, who, mine),
      h(
        'span',
        { class: 'relation-dates' },
        m.date ?? 'undated',
        m.dateSource === 'cable' ? ' (cable date)' : '',
        ' · ',
        m.form,
      ),
    ),
    other.kind === 'Post'
      ? null
      : h(
          'button',
          {
            class: 'link relation-entity',
            title: `Open ${cleanName(other.name)}`,
            onclick: () => actions.openEntity(other.id),
          },
          '›',
        ),
    details,
  );
}

/** The relations block of an entity (or post): filled once the answer comes, empty (hidden) when there are none. */
export function relationsBlock(entityId: string, actions: PanelActions): HTMLElement {
  const block = h('div', { class: 'block relations', 'data-testid': 'entity-relations', 'data-state': 'loading' });
  fetchRelations(entityId)
    .then((relations) => fill(block, relations, entityId, actions))
    .catch(() => {
      block.dataset.state = 'error';
      block.append(h('p', { class: 'muted' }, 'Roles and meetings could not be read.'));
    });
  return block;
}

function fill(block: HTMLElement, relations: EntityRelations, id: string, actions: PanelActions): void {
  block.dataset.state = 'ready';
  const { roles, meetings } = relations;
  if (roles.length === 0 && meetings.length === 0) {
    block.hidden = true;
    return;
  }
  const dates = [...roles.flatMap((r) => [r.firstDate, r.lastDate]), ...meetings.map((m) => m.date)]
    .filter((d): d is string => !!d)
    .map(day);
  const span: [number, number] = dates.length > 0 ? [Math.min(...dates), Math.max(...dates)] : [0, 1];
  const roleList = h(
    'ul',
    { class: 'relations-list', 'data-testid': 'role-list' },
    ...roles.map((r) => roleRow(r, id, span, actions)),
  );
  const meetingList = h(
    'ul',
    { class: 'relations-list', 'data-testid': 'meeting-list' },
    ...meetings.map((m) => meetingRow(m, id, actions)),
  );
  const filter = h('input', {
    type: 'search',
    class: 'relations-filter',
    placeholder: 'Filter roles and meetings',
    'data-testid': 'relations-filter',
    'aria-label': 'Filter roles and meetings',
  });
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const li of block.querySelectorAll<HTMLElement>('li.relation'))
      li.hidden = q !== '' && !(li.dataset.text ?? '').includes(q);
  });
  block.append(h('h3', {}, 'Roles and meetings', h('span', { class: 'hint' }, 'click: the passage')), filter);
  if (roles.length > 0) block.append(h('h4', {}, plural(roles.length, 'role')), roleList);
  if (meetings.length > 0) block.append(h('h4', {}, plural(meetings.length, 'meeting')), meetingList);
}
