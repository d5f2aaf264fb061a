// The filter controls: entity types, minimum co-mention weight, date range, community, sizes.
import { TYPE_COLOURS } from './colours';
import { debounce, formatNumber, h, replace } from './dom';
import { DEFAULT_FILTERS, type Filters, OVERVIEW_LINKS, type OverviewLinks, YEAR_MAX, YEAR_MIN } from './state';
import { ENTITY_KINDS, type EntityKind } from '../../src/model';

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const MAX_WEIGHT = 30;

export interface FilterControls {
  element: HTMLElement;
  /** Entities shown per type (next to the checkboxes). */
  setTypeCounts(counts: Record<EntityKind, number>): void;
  setCommunities(list: Array<{ community: number; size: number; names: string[] }>): void;
  /** The span of the corpus's dates, shaded on the date slider. */
  setDataSpan(first?: string, last?: string): void;
  set(filters: Filters): void;
}

function yearOf(date: string, fallback: number): number {
  const year = Number(date.slice(0, 4));
  return Number.isFinite(year) && date.length >= 4 ? Math.min(YEAR_MAX, Math.max(YEAR_MIN, year)) : fallback;
}

export function createFilters(initial: Filters, onChange: (filters: Filters) => void): FilterControls {
  let filters: Filters = { ...initial };
  const apply = (patch: Partial<Filters>): void => {
    filters = { ...filters, ...patch };
    onChange(filters);
  };
  const applySoon = debounce(apply, 250);

  // Types.
  const typeCounts = new Map<EntityKind, HTMLElement>();
  const typeBoxes = new Map<EntityKind, HTMLInputElement>();
  const typeRows = ENTITY_KINDS.map((kind) => {
    const box = h('input', {
      type: 'checkbox',
      checked: filters.types.includes(kind),
      'data-testid': `filter-type-${kind}`,
    });
    typeBoxes.set(kind, box);
    const count = h('span', { class: 'type-count' }, '');
    typeCounts.set(kind, count);
    box.addEventListener('change', () => {
      const types = ENTITY_KINDS.filter((k) => typeBoxes.get(k)?.checked);
      if (types.length === 0) {
        // At least one type: unchecking the last one is undone.
        box.checked = true;
        return;
      }
      applySoon({ types });
    });
    return h(
      'label',
      { class: 'type-row' },
      box,
      h('span', { class: 'dot', style: `background:${TYPE_COLOURS[kind]}` }),
      kind,
      count,
    );
  });

  // Minimum weight.
  const weight = h('input', {
    type: 'range',
    min: 1,
    max: MAX_WEIGHT,
    step: 1,
    value: filters.minWeight,
    'data-testid': 'filter-min-weight',
    'aria-label': 'Minimum co-mention weight',
  });
  const weightValue = h('output', { class: 'value' }, String(filters.minWeight));
  weight.addEventListener('input', () => (weightValue.textContent = weight.value));
  weight.addEventListener('change', () => apply({ minWeight: Number(weight.value) }));

  // Date range: two handles over 1966–2010, and two inputs for finer dates (YYYY-MM).
  const lo = h('input', {
    type: 'range',
    min: YEAR_MIN,
    max: YEAR_MAX,
    step: 1,
    value: yearOf(filters.since, YEAR_MIN),
    'data-testid': 'date-slider-since',
    'aria-label': 'From year',
  });
  const hi = h('input', {
    type: 'range',
    min: YEAR_MIN,
    max: YEAR_MAX,
    step: 1,
    value: yearOf(filters.until, YEAR_MAX),
    'data-testid': 'date-slider-until',
    'aria-label': 'Until year',
  });
  const track = h(
    'div',
    { class: 'range-track' },
    h('div', { class: 'range-data' }),
    h('div', { class: 'range-fill' }),
  );
  const slider = h('div', { class: 'dual-range' }, track, lo, hi);
  const since = h('input', {
    type: 'text',
    class: 'date-input',
    placeholder: String(YEAR_MIN),
    value: filters.since,
    'data-testid': 'date-since',
    'aria-label': 'Since (YYYY, YYYY-MM or YYYY-MM-DD)',
    inputmode: 'numeric',
  });
  const until = h('input', {
    type: 'text',
    class: 'date-input',
    placeholder: String(YEAR_MAX),
    value: filters.until,
    'data-testid': 'date-until',
    'aria-label': 'Until (YYYY, YYYY-MM or YYYY-MM-DD)',
    inputmode: 'numeric',
  });

  const paintRange = (): void => {
    const span = YEAR_MAX - YEAR_MIN;
    const a = ((Number(lo.value) - YEAR_MIN) / span) * 100;
    const b = ((Number(hi.value) - YEAR_MIN) / span) * 100;
    const fill = track.querySelector<HTMLElement>('.range-fill');
    if (fill) fill.style.cssText = `left:${a}%;right:${100 - b}%`;
  };
  const fromSlider = (which: 'lo' | 'hi'): void => {
    if (Number(lo.value) > Number(hi.value)) {
      if (which === 'lo') hi.value = lo.value;
      else lo.value = hi.value;
    }
    since.value = Number(lo.value) > YEAR_MIN ? lo.value : '';
    until.value = Number(hi.value) < YEAR_MAX ? hi.value : '';
    paintRange();
  };
  lo.addEventListener('input', () => fromSlider('lo'));
  hi.addEventListener('input', () => fromSlider('hi'));
  const commitDates = (): void => apply({ since: since.value, until: until.value });
  lo.addEventListener('change', commitDates);
  hi.addEventListener('change', commitDates);
  const fromText = (input: HTMLInputElement, range: HTMLInputElement, fallback: number): void => {
    const value = input.value.trim();
    input.value = value;
    if (value !== '' && !DATE.test(value)) {
      input.setCustomValidity('YYYY, YYYY-MM or YYYY-MM-DD');
      input.reportValidity();
      return;
    }
    input.setCustomValidity('');
    range.value = String(yearOf(value, fallback));
    paintRange();
    commitDates();
  };
  since.addEventListener('change', () => fromText(since, lo, YEAR_MIN));
  until.addEventListener('change', () => fromText(until, hi, YEAR_MAX));
  const clearDates = h(
    'button',
    {
      class: 'link small',
      'data-testid': 'date-clear',
      onclick: () => {
        since.value = '';
        until.value = '';
        lo.value = String(YEAR_MIN);
        hi.value = String(YEAR_MAX);
        paintRange();
        commitDates();
      },
    },
    'all dates',
  );

  // Community (overview only).
  const community = h('select', { 'data-testid': 'filter-community', 'aria-label': 'Community' });
  community.addEventListener('change', () =>
    apply({ community: community.value === '' ? null : Number(community.value) }),
  );

  // Sizes.
  const sizeSelect = (values: number[], current: number, testid: string, label: string): HTMLSelectElement => {
    const all = [...new Set([...values, current])].sort((a, b) => a - b);
    const select = h(
      'select',
      { 'data-testid': testid, 'aria-label': label },
      ...all.map((v) => h('option', { value: v, selected: v === current }, formatNumber(v))),
    );
    return select;
  };
  const overviewLimit = sizeSelect(
    [100, 300, 1000, 2000, 5000],
    filters.overviewLimit,
    'filter-overview-limit',
    'Entities in the overview',
  );
  overviewLimit.addEventListener('change', () => apply({ overviewLimit: Number(overviewLimit.value) }));
  const neighbourLimit = sizeSelect(
    [25, 50, 100, 250, 500],
    filters.neighbourLimit,
    'filter-neighbour-limit',
    'Co-mentions per expansion',
  );
  neighbourLimit.addEventListener('change', () => apply({ neighbourLimit: Number(neighbourLimit.value) }));

  const overviewLinks = h(
    'select',
    { 'data-testid': 'filter-overview-links', 'aria-label': 'Links drawn in the overview' },
    ...OVERVIEW_LINKS.map((o) => h('option', { value: o.value, selected: o.value === filters.overviewLinks }, o.label)),
  );
  overviewLinks.addEventListener('change', () => apply({ overviewLinks: overviewLinks.value as OverviewLinks }));

  const reset = h(
    'button',
    {
      class: 'link small',
      'data-testid': 'filters-reset',
      onclick: () => {
        controls.set({ ...DEFAULT_FILTERS });
        apply({ ...DEFAULT_FILTERS });
      },
    },
    'reset',
  );

  const element = h(
    'section',
    { class: 'sidebar-section filters', 'data-testid': 'filters' },
    h('h2', {}, 'Filters', reset),
    h('div', { class: 'field' }, h('div', { class: 'field-label' }, 'Types'), ...typeRows),
    h(
      'div',
      { class: 'field' },
      h('label', { class: 'field-label' }, 'Minimum co-mention weight', weightValue),
      weight,
    ),
    h(
      'div',
      { class: 'field' },
      h('div', { class: 'field-label' }, 'Dates', clearDates),
      slider,
      h('div', { class: 'date-inputs' }, since, h('span', { class: 'muted' }, 'to'), until),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { class: 'field-label' }, 'Community', h('span', { class: 'hint' }, 'overview')),
      community,
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { class: 'field-label' }, 'Overview links', h('span', { class: 'hint' }, 'sparser views')),
      overviewLinks,
    ),
    h(
      'div',
      { class: 'field two' },
      h('label', {}, h('span', { class: 'field-label' }, 'Overview'), overviewLimit),
      h('label', {}, h('span', { class: 'field-label' }, 'Per expansion'), neighbourLimit),
    ),
  );

  const controls: FilterControls = {
    element,
    setTypeCounts(counts) {
      for (const [kind, el] of typeCounts) el.textContent = formatNumber(counts[kind] ?? 0);
    },
    setCommunities(list) {
      const current = filters.community;
      const options = list
        .slice(0, 30)
        .map((c) =>
          h(
            'option',
            { value: c.community, selected: c.community === current },
            `#${c.community} · ${c.names.join(', ')} (${c.size})`,
          ),
        );
      if (current !== null && !list.some((c) => c.community === current))
        options.unshift(h('option', { value: current, selected: true }, `#${current}`));
      replace(community, h('option', { value: '' }, 'All communities'), ...options);
    },
    setDataSpan(first, last) {
      const data = track.querySelector<HTMLElement>('.range-data');
      if (!data || !first || !last) return;
      const span = YEAR_MAX - YEAR_MIN + 1;
      const a = ((yearOf(first, YEAR_MIN) - YEAR_MIN) / span) * 100;
      const b = ((yearOf(last, YEAR_MAX) - YEAR_MIN + 1) / span) * 100;
      data.style.cssText = `left:${a}%;width:${Math.max(1, b - a)}%`;
      data.title = `Cables from ${first} to ${last}`;
    },
    set(next) {
      filters = { ...next };
      for (const [kind, box] of typeBoxes) box.checked = next.types.includes(kind);
      weight.value = String(next.minWeight);
      weightValue.textContent = String(next.minWeight);
      since.value = next.since;
      until.value = next.until;
      lo.value = String(yearOf(next.since, YEAR_MIN));
      hi.value = String(yearOf(next.until, YEAR_MAX));
      overviewLimit.value = String(next.overviewLimit);
      neighbourLimit.value = String(next.neighbourLimit);
      overviewLinks.value = next.overviewLinks;
      community.value = next.community === null ? '' : String(next.community);
      paintRange();
    },
  };
  controls.set(filters);
  controls.setCommunities([]);
  return controls;
}
