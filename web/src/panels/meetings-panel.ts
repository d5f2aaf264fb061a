// The meetings of a pair (a meeting link's click): who met whom, when, in which cable and paragraph, the passage quoted.
import { MEETING_COLOUR, TYPE_COLOURS } from '../colours';
import { cleanName, h, plural } from '../dom';
import type { PanelActions } from './actions';
import { panelHeader } from './common';
import { passage } from './relations';
import type { EntityKind, MeetingView, NodeRef, PairMeetings } from '../../../src/model';

const typeColour = (n: NodeRef): string => TYPE_COLOURS[n.kind as EntityKind] ?? '#888';

function meetingItem(m: MeetingView, actions: PanelActions): HTMLElement {
  const who = (n: NodeRef, role?: string): string => (role ? `${role} ${cleanName(n.name)}` : cleanName(n.name));
  return h(
    'li',
    {
      class: 'meeting-item',
      'data-testid': 'pair-meeting',
      'data-cable-id': m.cable,
      'data-date': m.date ?? '',
    },
    h(
      'p',
      { class: 'meeting-line' },
      h('strong', {}, who(m.a, m.role)),
      ` ${m.form.replace(/-/g, ' ')} `,
      h('strong', {}, cleanName(m.b.name)),
      h(
        'span',
        { class: 'relation-dates' },
        ' · ',
        m.date ?? 'undated',
        m.dateSource === 'cable' ? ' (the cable’s date)' : '',
      ),
    ),
    passage(m, actions, [cleanName(m.a.name), cleanName(m.b.name)]),
  );
}

/** The panel: both names (each opens its entity), the meetings oldest first, and a way to the cables naming both. */
export function meetingsPanel(pair: PairMeetings, actions: PanelActions): HTMLElement {
  const name = (n: NodeRef): HTMLElement =>
    h(
      'button',
      {
        class: 'link pair-name',
        style: `--type:${typeColour(n)}`,
        onclick: () => actions.openEntity(n.id),
        title: `Open ${cleanName(n.name)}`,
      },
      cleanName(n.name),
    );
  return h(
    'section',
    { class: 'panel', 'data-testid': 'panel-meetings', 'data-a': pair.a.id, 'data-b': pair.b.id },
    panelHeader(
      h('span', { class: 'type-badge meetings', style: `background:${MEETING_COLOUR}` }, 'Meetings'),
      h('h2', { class: 'pair-title' }, name(pair.a), h('span', { class: 'pair-sep' }, '↔'), name(pair.b)),
      actions,
    ),
    h(
      'p',
      { class: 'muted', 'data-testid': 'pair-meetings-total' },
      pair.meetings.length === 0
        ? 'The cables name no meeting of these two.'
        : `${plural(pair.meetings.length, 'meeting')}, as the cables tell them:`,
    ),
    h(
      'ol',
      { class: 'meetings-list', 'data-testid': 'pair-meetings' },
      ...pair.meetings.map((m) => meetingItem(m, actions)),
    ),
    h(
      'button',
      {
        class: 'link read-cable',
        'data-testid': 'meetings-co-mentions',
        onclick: () => actions.openPair(pair.a.id, pair.b.id),
      },
      'Every cable naming both ›',
    ),
  );
}
