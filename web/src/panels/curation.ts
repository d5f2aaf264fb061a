// Curation at a glance: the sidebar's section (your name, how many decisions) and the panel
// (#/curation) with the likely duplicates to review and the decisions taken, each undoable.
import type { Decision, Suggestion } from '../../../src/model';
import { TYPE_COLOURS } from '../colours';
import type { Curation } from '../curation';
import { formatNumber, h, plural, replace } from '../dom';
import { showError } from '../toast';
import type { PanelActions } from './actions';
import { panelHeader } from './common';
import type { EntityKind } from '../../../src/model';

const SUGGESTIONS = 30;
/** Shared countries named in a suggestion's evidence; the rest counted. */
const COUNTRIES = 6;

function typeColour(type: string): string {
  return TYPE_COLOURS[type as EntityKind] ?? '#8892a6';
}

/** "just now", "5 min ago", "3 h ago", else the date and time. */
export function when(iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const minutes = Math.round((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h ago`;
  return iso.slice(0, 16).replace('T', ' ');
}

/** The author's name, remembered by the browser; kept in step with the other such field. */
function authorField(curation: Curation, testid: string): HTMLInputElement {
  const input = h('input', {
    type: 'text',
    class: 'text-input',
    value: curation.author(),
    placeholder: 'Signs your decisions',
    maxlength: 80,
    autocomplete: 'name',
    'data-testid': testid,
    'aria-label': 'Your name',
  });
  input.addEventListener('change', () => curation.setAuthor(input.value));
  const unsubscribe = curation.onChange(() => {
    if (!input.isConnected) return unsubscribe();
    if (document.activeElement !== input) input.value = curation.author();
  });
  return input;
}

/** The sidebar's section: hidden when the server is read-only. */
export function curationSection(curation: Curation, open: () => void): HTMLElement {
  const count = h('p', { class: 'curation-count muted small', 'data-testid': 'curation-count' });
  const section = h(
    'section',
    { class: 'sidebar-section curation-section', 'data-testid': 'curation-section', hidden: !curation.enabled },
    h('h2', {}, 'Curation', count),
    h('label', { class: 'field-label' }, 'Your name'),
    authorField(curation, 'curation-author'),
    h(
      'button',
      { class: 'button curation-review', 'data-testid': 'curation-review', onclick: open },
      'Review duplicates & decisions',
    ),
  );
  const update = (): void => {
    section.hidden = !curation.enabled;
    const live = curation.decisions.filter((d) => d.op !== 'undo' && !curation.undone().has(d.seq)).length;
    count.textContent = curation.decisions.length === 0 ? 'none yet' : `${plural(live, 'decision')} in effect`;
    count.title = `${plural(curation.decisions.length, 'decision')} in the curation file, undos included`;
  };
  curation.onChange(update);
  update();
  return section;
}

function suggestionItem(s: Suggestion, curation: Curation, actions: PanelActions): HTMLElement {
  const entity = (e: Suggestion['keep']): HTMLElement =>
    h(
      'span',
      { class: 'suggest-entity' },
      h('span', { class: 'dot', style: `background:${typeColour(e.type)}` }),
      h(
        'button',
        {
          class: 'link',
          title: `Open ${e.name} (${plural(e.cables, 'cable')})`,
          onclick: () => actions.openEntity(e.id),
        },
        e.name,
      ),
      h('span', { class: 'suggest-cables', title: plural(e.cables, 'cable') }, formatNumber(e.cables)),
    );
  const ev = s.evidence;
  const evidence = [
    plural(ev.sharedNeighbours, 'shared co-mention'),
    `${Math.round(ev.neighbourOverlap * 100)}% overlap`,
    ev.sharedCountries.length > 0
      ? ev.sharedCountries.slice(0, COUNTRIES).join(' ') +
        (ev.sharedCountries.length > COUNTRIES ? ` +${ev.sharedCountries.length - COUNTRIES}` : '')
      : '',
  ].filter(Boolean);
  const confirm = h('div', { class: 'suggest-confirm', hidden: true });
  const merge = curation.control(
    h(
      'button',
      { class: 'button', 'data-testid': 'suggestion-merge', title: `Merge “${s.merge.name}” into “${s.keep.name}”` },
      'Merge…',
    ),
  );
  merge.addEventListener('click', () => {
    const note = curation.control(
      h('input', {
        type: 'text',
        class: 'text-input',
        placeholder: 'Note (optional)',
        maxlength: 500,
        'data-testid': 'curation-note',
        'aria-label': 'Note',
      }),
    );
    const yes = curation.control(
      h('button', { class: 'button primary', 'data-testid': 'suggestion-confirm' }, 'Merge'),
    );
    const no = curation.control(h('button', { class: 'button' }, 'Cancel'));
    yes.addEventListener('click', () => {
      yes.textContent = 'Merging…';
      void curation
        .decide(
          { op: 'merge', ids: [s.merge.id, s.keep.id], into: s.keep.id, note: note.value || `suggested: ${s.reason}` },
          { [s.merge.id]: s.merge.name, [s.keep.id]: s.keep.name },
        )
        .then((done) => {
          if (!done) yes.textContent = 'Merge';
        });
    });
    no.addEventListener('click', () => {
      confirm.hidden = true;
      merge.hidden = false;
    });
    replace(
      confirm,
      h(
        'p',
        { class: 'curate-help' },
        'Merge ',
        h('strong', {}, `“${s.merge.name}”`),
        ' into ',
        h('strong', {}, `“${s.keep.name}”`),
        '? It becomes an alias; their co-mentions add up.',
      ),
      note,
      h('div', { class: 'curate-buttons' }, yes, no),
    );
    confirm.hidden = false;
    merge.hidden = true;
    note.focus();
  });
  return h(
    'li',
    { class: 'suggest-item', 'data-testid': 'suggestion-item', 'data-merge': s.merge.id, 'data-keep': s.keep.id },
    h(
      'div',
      { class: 'suggest-head' },
      h(
        'div',
        { class: 'suggest-names' },
        entity(s.merge),
        h('span', { class: 'suggest-arrow', title: 'merged into' }, '→'),
        entity(s.keep),
      ),
      merge,
    ),
    h(
      'div',
      { class: 'suggest-evidence' },
      h('span', { class: `reason reason-${s.reason}`, title: `score ${s.score.toFixed(2)}` }, s.reason),
      evidence.join(' · '),
      ev.sharedCables > 0
        ? h(
            'span',
            { class: 'suggest-warning', title: 'Two names in one cable are usually two entities' },
            ` · named together in ${plural(ev.sharedCables, 'cable')}`,
          )
        : null,
    ),
    confirm,
  );
}

function decisionItem(d: Decision, curation: Curation, undoneBy: number | undefined): HTMLElement {
  const live = undoneBy === undefined;
  const undo =
    d.op !== 'undo' && live
      ? curation.control(
          h(
            'button',
            { class: 'button small-button', 'data-testid': 'decision-undo', title: `Take back decision #${d.seq}` },
            'Undo',
          ),
        )
      : null;
  undo?.addEventListener('click', () => {
    undo.textContent = 'Undoing…';
    void curation.undo(d.seq).then((done) => {
      if (!done) undo.textContent = 'Undo';
    });
  });
  return h(
    'li',
    { class: `decision${live ? '' : ' undone'}`, 'data-testid': 'decision-item', 'data-seq': d.seq, 'data-op': d.op },
    h(
      'div',
      { class: 'decision-head' },
      h('span', { class: `op op-${d.op}` }, d.op),
      h('span', { class: 'decision-text' }, curation.describe(d)),
      undo ??
        (live
          ? null
          : h(
              'span',
              { class: 'decision-undone', title: `Taken back by decision #${undoneBy}` },
              `undone #${undoneBy}`,
            )),
    ),
    h(
      'div',
      { class: 'decision-meta' },
      `#${d.seq} · ${d.author} · `,
      h('time', { datetime: d.at, title: d.at }, when(d.at)),
    ),
    d.note ? h('p', { class: 'decision-note' }, d.note) : null,
  );
}

/** The curation panel: likely duplicates (loaded as it opens) and the decisions, newest first. */
export function curationPanel(curation: Curation, actions: PanelActions): HTMLElement {
  if (!curation.enabled) {
    return h(
      'section',
      { class: 'panel', 'data-testid': 'panel-curation' },
      panelHeader(h('span', { class: 'type-badge neutral' }, 'CURATION'), h('h2', {}, 'Entities, by hand'), actions),
      h(
        'p',
        { class: 'summary-line', 'data-testid': 'curation-off' },
        'Curation is off: this server is read-only. Decisions can be taken with ',
        h('code', { class: 'file' }, 'cablegraph entities'),
        ' or from a server over a graph file.',
      ),
    );
  }
  const suggestions = h(
    'div',
    { class: 'suggest-list', 'data-testid': 'suggestions' },
    h('div', { class: 'loading' }, h('div', { class: 'spinner' }), h('span', {}, 'Looking for likely duplicates…')),
  );
  const decisions = h('div', { 'data-testid': 'decisions' });
  const decisionsTitle = h('h3', {}, 'Decisions');
  const renderDecisions = (): void => {
    const undone = curation.undone();
    decisionsTitle.replaceChildren(
      'Decisions',
      h(
        'span',
        { class: 'hint' },
        curation.decisions.length > 0 ? `${formatNumber(curation.decisions.length)} · newest first` : '',
      ),
    );
    replace(
      decisions,
      curation.decisions.length > 0
        ? h(
            'ol',
            { class: 'decisions', 'data-testid': 'decision-list' },
            ...[...curation.decisions].reverse().map((d) => decisionItem(d, curation, undone.get(d.seq))),
          )
        : h(
            'p',
            { class: 'muted' },
            'None yet: merge, rename, retype or reject an entity from its panel, or review the duplicates above.',
          ),
    );
  };
  renderDecisions();

  const panel = h(
    'section',
    { class: 'panel', 'data-testid': 'panel-curation' },
    panelHeader(h('span', { class: 'type-badge neutral' }, 'CURATION'), h('h2', {}, 'Entities, by hand'), actions),
    h(
      'p',
      { class: 'summary-line' },
      'Decisions rebuild the graph on the server and go to ',
      h('code', { class: 'file', 'data-testid': 'curation-file' }, curation.file ?? 'the curation file'),
      '; each can be undone.',
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { class: 'field-label' }, 'Your name'),
      authorField(curation, 'curation-author-panel'),
    ),
    h(
      'div',
      { class: 'block' },
      h('h3', {}, 'Likely duplicates', h('span', { class: 'hint' }, 'spelling, surname, initials, acronym')),
      suggestions,
    ),
    h('div', { class: 'block' }, decisionsTitle, decisions),
  );

  const unsubscribe = curation.onChange(() => {
    if (!panel.isConnected) return unsubscribe();
    renderDecisions();
  });
  curation
    .suggestions(SUGGESTIONS)
    .then((list) => {
      replace(
        suggestions,
        list.length > 0
          ? h('ul', { class: 'suggest-items' }, ...list.map((s) => suggestionItem(s, curation, actions)))
          : h('p', { class: 'muted', 'data-testid': 'suggestions-none' }, 'No likely duplicates left.'),
      );
    })
    .catch((error: unknown) => {
      showError(error, 'Loading the suggestions');
      replace(suggestions, h('p', { class: 'panel-error' }, 'The suggestions could not be loaded.'));
    });
  return panel;
}
