// A cable's place in the graph, in the cable view: its posts, tags and authors as links to their pages, and its references both ways.
import type { CableRef } from '../../../src/model';
import type { CableLinks, CitedCable, CableQuery } from '../browse-api';
import { cleanName, h, plural } from '../dom';
import type { PanelActions } from './actions';
import { cableLine } from './common';

/** The public copy of a cable (the same address as the evidence exports'). */
const publicCableUrl = (id: string): string => `https://wikileaks.org/plusd/cables/${encodeURIComponent(id)}_a.html`;

function nodeLink(
  node: { id: string; name: string },
  query: CableQuery,
  actions: PanelActions,
  testid: string,
  title: string,
): HTMLElement {
  return h(
    'a',
    {
      class: 'node-link',
      href: '#',
      'data-testid': testid,
      'data-id': node.id,
      title,
      onclick: (e: Event) => (e.preventDefault(), actions.openCables(query)),
    },
    cleanName(node.name),
  );
}

function joined(items: HTMLElement[]): HTMLElement | null {
  if (items.length === 0) return null;
  const span = h('span', { class: 'node-links' });
  items.forEach((item, i) => span.append(...(i > 0 ? [', ', item] : [item])));
  return span;
}

/** The metadata rows' values as links: each post, tag and author opens its page of cables. */
export function linkedMeta(
  links: CableLinks,
  actions: PanelActions,
): {
  from: HTMLElement | null;
  to: HTMLElement | null;
  info: HTMLElement | null;
  signers: HTMLElement | null;
  classifiedBy: HTMLElement | null;
  tags: HTMLElement | null;
} {
  const post = (p: { id: string; name: string }) =>
    nodeLink(p, { post: p.id }, actions, 'cable-post-link', `Every cable ${cleanName(p.name)} sent or received`);
  const person = (p: { id: string; name: string }) =>
    nodeLink(p, { signer: p.id }, actions, 'cable-signer-link', `The cables ${cleanName(p.name)} signed`);
  return {
    from: links.from ? post(links.from) : null,
    to: joined(links.to.map(post)),
    info: joined(links.info.map(post)),
    signers: joined(links.signers.map(person)),
    // A classifier need not sign anything: their panel, and from there every cable naming them.
    classifiedBy: joined(
      links.classifiedBy.map((p) =>
        h(
          'a',
          {
            class: 'node-link',
            href: '#',
            'data-testid': 'cable-classifier-link',
            'data-id': p.id,
            title: `Open ${cleanName(p.name)}`,
            onclick: (e: Event) => (e.preventDefault(), actions.openEntity(p.id)),
          },
          cleanName(p.name),
        ),
      ),
    ),
    tags:
      links.tags.length > 0
        ? h(
            'span',
            { class: 'tags' },
            ...links.tags.map((t) =>
              h(
                'a',
                {
                  class: 'tag tag-link',
                  href: '#',
                  title: `${t.name}: every cable tagged ${t.code}`,
                  'data-testid': 'cable-tag-link',
                  'data-id': t.id,
                  onclick: (e: Event) => (e.preventDefault(), actions.openCables({ tag: t.id })),
                },
                t.code,
              ),
            ),
          )
        : null,
  };
}

function citedItem(cable: CitedCable, actions: PanelActions): HTMLElement {
  if (cable.inCorpus)
    return h(
      'li',
      { class: 'reference', 'data-testid': 'cable-cites-item', 'data-cable': cable.id, 'data-in-corpus': 'true' },
      cableLine(cable, () => actions.openCable(cable.id)),
      cable.subject ? h('div', { class: 'text-hit-subject' }, cable.subject) : null,
    );
  return h(
    'li',
    {
      class: 'reference outside',
      'data-testid': 'cable-cites-item',
      'data-cable': cable.id,
      'data-in-corpus': 'false',
    },
    h(
      'div',
      { class: 'cable-line' },
      h(
        'a',
        {
          class: 'cable-id',
          href: `#/cable/${encodeURIComponent(cable.id)}`,
          'data-testid': 'cable-link',
          title: 'Not in the corpus: the cables that cite it',
          onclick: (e: Event) => (e.preventDefault(), actions.openCable(cable.id)),
        },
        cable.id,
      ),
      h('span', { class: 'outside-label', 'data-testid': 'cable-outside' }, 'not in the corpus'),
      h(
        'a',
        { class: 'public-copy', href: publicCableUrl(cable.id), target: '_blank', rel: 'noopener noreferrer' },
        'public copy ↗',
      ),
    ),
  );
}

function citingItem(cable: CableRef, actions: PanelActions): HTMLElement {
  return h(
    'li',
    { class: 'reference', 'data-testid': 'cable-cited-by-item', 'data-cable': cable.id },
    cableLine(cable, () => actions.openCable(cable.id)),
    cable.subject ? h('div', { class: 'text-hit-subject' }, cable.subject) : null,
  );
}

/** References both ways: what the cable cites (those outside the corpus shown as such) and the cables that cite it. */
export function referencesBlock(links: CableLinks, actions: PanelActions): HTMLElement {
  return h(
    'div',
    { class: 'block cable-references', 'data-testid': 'cable-references' },
    links.inCorpus
      ? null
      : h(
          'p',
          { class: 'outside-note', 'data-testid': 'cable-not-in-corpus' },
          `${links.id} is not in the corpus: only known from the ${plural(links.citedBy.length, 'cable')} citing it. `,
          h('a', { href: publicCableUrl(links.id), target: '_blank', rel: 'noopener noreferrer' }, 'Public copy ↗'),
        ),
    h('h3', {}, `Cites (${links.cites.length})`),
    links.cites.length > 0
      ? h('ul', { class: 'references', 'data-testid': 'cable-cites' }, ...links.cites.map((c) => citedItem(c, actions)))
      : h(
          'p',
          { class: 'muted' },
          links.inCorpus ? 'No reference to another cable.' : 'Not known: the cable is not in the corpus.',
        ),
    h('h3', {}, `Cited by (${links.citedBy.length})`),
    links.citedBy.length > 0
      ? h(
          'ul',
          { class: 'references', 'data-testid': 'cable-cited-by' },
          ...links.citedBy.map((c) => citingItem(c, actions)),
        )
      : h('p', { class: 'muted' }, 'No cable of the corpus cites it.'),
  );
}
