// The canvas legend's links block: co-mention and meeting lines, and which of them are drawn (radios: keyboard and mouse).
import { MEETING_COLOUR } from './colours';
import { formatNumber, h } from './dom';
import { LINK_KINDS, type LinkKinds } from './state';

export interface LinkKindsControl {
  element: HTMLElement;
  set(kinds: LinkKinds): void;
  /** Meeting links among the shown entities (drawn or not). */
  setMeetings(count: number): void;
}

export function createLinkKinds(initial: LinkKinds, onChange: (kinds: LinkKinds) => void): LinkKindsControl {
  const radios = LINK_KINDS.map(({ value, label }) => {
    const input = h('input', {
      type: 'radio',
      name: 'link-kinds',
      value,
      checked: value === initial,
      'data-testid': `links-${value}`,
    });
    input.addEventListener('change', () => input.checked && onChange(value));
    return { value, input, label: h('label', {}, input, label) };
  });
  const meetings = h('span', { class: 'legend-count', 'data-testid': 'legend-meetings', 'data-count': 0 }, '0');
  const element = h(
    'fieldset',
    { class: 'legend-links', 'data-testid': 'link-kinds' },
    h('legend', {}, 'Links'),
    h('div', { class: 'legend-row' }, h('span', { class: 'line co-mention', 'aria-hidden': 'true' }), 'co-mention'),
    h(
      'div',
      { class: 'legend-row', title: 'People the cables say met (MET edges); click one for its passages' },
      h('span', { class: 'line meeting', style: `border-top-color:${MEETING_COLOUR}`, 'aria-hidden': 'true' }),
      'meeting',
      meetings,
    ),
    h(
      'div',
      { class: 'legend-colour', role: 'radiogroup', 'aria-label': 'Links drawn' },
      'Draw',
      ...radios.map((r) => r.label),
    ),
  );
  return {
    element,
    set(kinds) {
      for (const r of radios) r.input.checked = r.value === kinds;
    },
    setMeetings(count) {
      meetings.dataset.count = String(count);
      meetings.textContent = formatNumber(count);
    },
  };
}
