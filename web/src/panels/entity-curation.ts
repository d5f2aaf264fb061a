// The entity panel's curation: merge it with another entity, rename it (inline, in the title),
// change its type, reject it as a false entity. Each takes an optional note; one form is open at a
// time; every control is disabled while a decision is being taken.
import { TYPE_COLOURS } from '../colours';
import type { Curation } from '../curation';
import { cleanName, h, plural, replace } from '../dom';
import { createAutocomplete } from '../search';
import { ENTITY_KINDS, type EntityDetail, type EntityKind, type SearchHit, TYPE_OF_KIND } from '../../../src/model';

export interface EntityCurationView {
  /** Beside the name: the rename pencil. */
  titleTools: HTMLElement;
  /** Under the panel's actions: the curation toolbar and its forms. */
  block: HTMLElement;
}

type Form = 'merge' | 'retype' | 'reject';

function noteInput(curation: Curation, placeholder = 'Note (optional): why'): HTMLInputElement {
  return curation.control(
    h('input', {
      type: 'text',
      class: 'text-input',
      placeholder,
      maxlength: 500,
      'data-testid': 'curation-note',
      'aria-label': 'Note',
    }),
  );
}

function signature(curation: Curation): HTMLElement {
  const author = curation.author();
  return h(
    'p',
    { class: 'curate-signature' },
    author ? `Signed “${author}”` : 'Signed with the server’s user name',
    ' · ',
    h(
      'a',
      { class: 'link', href: '#/curation', title: 'Set your name in the Curation panel' },
      author ? 'change' : 'set your name',
    ),
  );
}

/** Which entity keeps its id and name: the one with more cables; on a tie, the one picked. */
function defaultKeep(entity: EntityDetail, other: SearchHit): string {
  return entity.cableCount > other.cableCount ? entity.id : other.id;
}

function mergeForm(
  entity: EntityDetail,
  curation: Curation,
  close: () => void,
): { element: HTMLElement; focus(): void } {
  let other: SearchHit | undefined;
  let keep = entity.id;
  const choice = h('div', { class: 'merge-choice', hidden: true, 'data-testid': 'merge-choice' });
  const message = h('p', { class: 'curate-message', hidden: true });
  const name = curation.control(
    h('input', {
      type: 'text',
      class: 'text-input',
      maxlength: 300,
      'data-testid': 'merge-name',
      'aria-label': 'Name after the merge',
    }),
  );
  const note = noteInput(curation);
  const submit = curation.control(
    h('button', { class: 'button primary', 'data-testid': 'merge-confirm', disabled: true }, 'Merge'),
  );
  const cancel = curation.control(h('button', { class: 'button', onclick: close }, 'Cancel'));

  const option = (
    hit: { id: string; name: string; type: EntityKind; cableCount: number },
    self: boolean,
  ): HTMLElement => {
    const radio = curation.control(
      h('input', {
        type: 'radio',
        name: `merge-keep-${entity.id}`,
        value: hit.id,
        checked: hit.id === keep,
        'data-testid': 'merge-keep',
        'data-id': hit.id,
      }),
    );
    radio.addEventListener('change', () => {
      keep = hit.id;
      render();
    });
    return h(
      'label',
      { class: `keep-option${hit.id === keep ? ' chosen' : ''}` },
      radio,
      h('span', { class: 'dot', style: `background:${TYPE_COLOURS[hit.type]}` }),
      h('span', { class: 'keep-name' }, cleanName(hit.name)),
      self ? h('span', { class: 'keep-self' }, 'this') : null,
      h('span', { class: 'keep-meta' }, plural(hit.cableCount, 'cable')),
    );
  };

  const render = (): void => {
    if (!other) return;
    const winner = keep === entity.id ? entity : other;
    const loser = keep === entity.id ? other : entity;
    name.placeholder = `Name: ${cleanName(winner.name)} (or type a new one)`;
    const differ = winner.type !== loser.type;
    replace(
      choice,
      h('div', { class: 'field-label' }, 'Keep the id and name of'),
      option(entity, true),
      option(other, false),
      name,
      h(
        'p',
        { class: 'curate-summary' },
        `“${cleanName(loser.name)}” becomes an alias of “${cleanName(name.value.trim() || winner.name)}”; their co-mentions add up.`,
        differ
          ? h(
              'span',
              { class: 'curate-warning' },
              ` Their types differ: the merged entity stays ${winner.type === 'Organization' ? 'an' : 'a'} ${winner.type}.`,
            )
          : null,
      ),
    );
    choice.hidden = false;
    submit.disabled = curation.busy();
    submit.textContent = `Merge into “${cleanName(name.value.trim() || winner.name)}”`;
  };
  name.addEventListener('input', render);

  const search = createAutocomplete({
    placeholder: 'Merge with… (search an entity)',
    testid: 'merge-search',
    onPick: (hit) => {
      if (hit.id === entity.id) {
        message.textContent = 'That is this entity: pick another one.';
        message.hidden = false;
        return;
      }
      message.hidden = true;
      other = hit;
      keep = defaultKeep(entity, hit);
      render();
      name.value = '';
      note.focus();
    },
  });
  curation.control(search.input);
  search.input.addEventListener('input', () => {
    if (search.picked()) return;
    other = undefined;
    choice.hidden = true;
    submit.disabled = true;
    submit.textContent = 'Merge';
  });

  const go = async (): Promise<void> => {
    if (!other) return;
    const loser = keep === entity.id ? other.id : entity.id;
    const label = submit.textContent;
    submit.textContent = 'Merging…';
    const done = await curation.decide(
      { op: 'merge', ids: [loser, keep], into: keep, name: name.value.trim() || undefined, note: note.value },
      { [entity.id]: entity.name, [other.id]: other.name },
    );
    if (!done) submit.textContent = label;
  };
  submit.addEventListener('click', () => void go());
  note.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !submit.disabled) void go();
  });

  const element = h(
    'div',
    { class: 'curate-form', 'data-testid': 'merge-form' },
    h(
      'p',
      { class: 'curate-help' },
      `Another entity that is “${cleanName(entity.name)}” under another name: its mentions and links join this one.`,
    ),
    search.element,
    message,
    choice,
    note,
    h('div', { class: 'curate-buttons' }, submit, cancel),
    signature(curation),
  );
  return { element, focus: () => search.input.focus() };
}

function retypeForm(
  entity: EntityDetail,
  curation: Curation,
  close: () => void,
): { element: HTMLElement; focus(): void } {
  let chosen: EntityKind | undefined;
  const note = noteInput(curation);
  const submit = curation.control(
    h('button', { class: 'button primary', 'data-testid': 'retype-confirm', disabled: true }, 'Change the type'),
  );
  const cancel = curation.control(h('button', { class: 'button', onclick: close }, 'Cancel'));
  const kinds = ENTITY_KINDS.map((kind) => {
    const button = curation.control(
      h(
        'button',
        {
          class: `segment${kind === entity.type ? ' current' : ''}`,
          'data-testid': `retype-${kind}`,
          disabled: kind === entity.type,
          title: kind === entity.type ? 'Its type now' : `Make it ${kind === 'Organization' ? 'an' : 'a'} ${kind}`,
        },
        h('span', { class: 'dot', style: `background:${TYPE_COLOURS[kind]}` }),
        kind,
      ),
    );
    button.addEventListener('click', () => {
      chosen = kind;
      for (const b of segments.children) b.classList.toggle('chosen', b === button);
      submit.disabled = curation.busy();
      submit.textContent = `Make it ${kind === 'Organization' ? 'an' : 'a'} ${kind}`;
    });
    return button;
  });
  const segments = h('div', { class: 'segments', role: 'group', 'aria-label': 'Type' }, ...kinds);
  submit.addEventListener('click', () => {
    if (!chosen) return;
    submit.textContent = 'Changing…';
    void curation.decide(
      { op: 'retype', id: entity.id, type: TYPE_OF_KIND[chosen], note: note.value },
      { [entity.id]: entity.name },
    );
  });
  const element = h(
    'div',
    { class: 'curate-form', 'data-testid': 'retype-form' },
    h(
      'p',
      { class: 'curate-help' },
      `“${cleanName(entity.name)}” is ${entity.type === 'Organization' ? 'an' : 'a'} ${entity.type} now. Its id stays.`,
    ),
    segments,
    note,
    h('div', { class: 'curate-buttons' }, submit, cancel),
    signature(curation),
  );
  return { element, focus: () => kinds.find((b) => !b.disabled)?.focus() };
}

function rejectForm(
  entity: EntityDetail,
  curation: Curation,
  close: () => void,
): { element: HTMLElement; focus(): void } {
  const note = noteInput(curation, 'Note (optional): why it is not an entity');
  const submit = curation.control(
    h('button', { class: 'button danger', 'data-testid': 'reject-confirm' }, 'Reject the entity'),
  );
  const cancel = curation.control(
    h('button', { class: 'button', 'data-testid': 'reject-cancel', onclick: close }, 'Cancel'),
  );
  submit.addEventListener('click', () => {
    submit.textContent = 'Rejecting…';
    void curation.decide({ op: 'reject', id: entity.id, note: note.value }, { [entity.id]: entity.name });
  });
  const element = h(
    'div',
    {
      class: 'curate-form curate-danger',
      'data-testid': 'reject-form',
      role: 'alertdialog',
      'aria-label': 'Reject the entity',
    },
    h(
      'p',
      { class: 'curate-help' },
      h('strong', {}, `Reject “${cleanName(entity.name)}”?`),
      ` Not an entity (a misread phrase, a heading…): it leaves the graph with its ${plural(entity.degree, 'link')} and ${plural(
        entity.aliases.reduce((n, a) => n + a.count, 0),
        'mention',
      )} in ${plural(entity.cableCount, 'cable')}. Undo brings it back.`,
    ),
    note,
    h('div', { class: 'curate-buttons' }, submit, cancel),
    signature(curation),
  );
  return { element, focus: () => cancel.focus() };
}

/** Rename in place: the title becomes an input (Enter saves, Escape cancels). */
function renameEditor(entity: EntityDetail, curation: Curation, title: HTMLElement, done: () => void): HTMLElement {
  const current = cleanName(entity.name);
  const input = curation.control(
    h('input', {
      type: 'text',
      class: 'text-input rename-input',
      value: current,
      maxlength: 300,
      'data-testid': 'rename-input',
      'aria-label': 'New name',
    }),
  );
  const note = noteInput(curation);
  const save = curation.control(h('button', { class: 'button primary', 'data-testid': 'rename-save' }, 'Rename'));
  const cancel = curation.control(h('button', { class: 'button', 'data-testid': 'rename-cancel' }, 'Cancel'));
  const editor = h(
    'div',
    { class: 'rename-editor', 'data-testid': 'rename-editor' },
    input,
    note,
    h('div', { class: 'curate-buttons' }, save, cancel),
    signature(curation),
  );
  const close = (): void => {
    editor.replaceWith(title);
    done();
  };
  const check = (): void => {
    const value = input.value.trim();
    save.disabled = curation.busy() || value === '' || value === current;
  };
  const go = (): void => {
    check();
    if (save.disabled) return;
    save.textContent = 'Renaming…';
    void curation
      .decide({ op: 'rename', id: entity.id, name: input.value.trim(), note: note.value }, { [entity.id]: entity.name })
      .then((summary) => {
        if (!summary) save.textContent = 'Rename';
      });
  };
  input.addEventListener('input', check);
  for (const field of [input, note]) {
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') go();
      else if (event.key === 'Escape') {
        event.stopPropagation();
        close();
      }
    });
  }
  save.addEventListener('click', go);
  cancel.addEventListener('click', close);
  check();
  title.replaceWith(editor);
  input.focus();
  input.select();
  return editor;
}

/** The curation controls of an entity panel; `title` holds the name (replaced by the editor while renaming). */
export function entityCuration(entity: EntityDetail, curation: Curation, title: HTMLElement): EntityCurationView {
  let open: Form | undefined;
  const area = h('div', { class: 'curate-area' });
  const buttons = new Map<Form, HTMLButtonElement>();
  const close = (): void => {
    open = undefined;
    area.replaceChildren();
    for (const b of buttons.values()) b.classList.remove('active');
  };
  const toggle = (form: Form): void => {
    if (open === form) return close();
    close();
    open = form;
    buttons.get(form)?.classList.add('active');
    const view =
      form === 'merge'
        ? mergeForm(entity, curation, close)
        : form === 'retype'
          ? retypeForm(entity, curation, close)
          : rejectForm(entity, curation, close);
    area.append(view.element);
    view.focus();
  };
  let renaming = false;
  const rename = (): void => {
    if (renaming) return;
    close();
    renaming = true;
    renameEditor(entity, curation, title, () => (renaming = false));
  };
  const tool = (form: Form, label: string, icon: string, hint: string): HTMLButtonElement => {
    const button = curation.control(
      h(
        'button',
        { class: 'button curate-button', 'data-testid': `curate-${form}`, title: hint, onclick: () => toggle(form) },
        h('span', { class: 'curate-icon', 'aria-hidden': 'true' }, icon),
        label,
      ),
    );
    buttons.set(form, button);
    return button;
  };

  const block = h(
    'div',
    { class: 'curate', 'data-testid': 'entity-curation' },
    h(
      'div',
      { class: 'curate-toolbar' },
      h('span', { class: 'curate-label' }, 'Curate'),
      tool('merge', 'Merge', '⇄', 'The same entity under another name: merge them'),
      curation.control(
        h(
          'button',
          { class: 'button curate-button', 'data-testid': 'curate-rename', title: 'Rename it', onclick: rename },
          h('span', { class: 'curate-icon', 'aria-hidden': 'true' }, '✎'),
          'Rename',
        ),
      ),
      tool('retype', 'Type', '◐', 'Person, Organization or Place'),
      tool('reject', 'Reject', '⊘', 'Not an entity: drop it from the graph'),
    ),
    area,
  );
  const titleTools = curation.control(
    h(
      'button',
      {
        class: 'icon-button rename-pencil',
        title: 'Rename',
        'aria-label': 'Rename',
        'data-testid': 'entity-rename',
        onclick: rename,
      },
      '✎',
    ),
  );
  return { titleTools, block };
}
