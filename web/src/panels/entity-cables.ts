// An entity's ways into the cables: every cable naming it and, for a person, the cables they signed (counted when the panel opens).
import type { EntityDetail } from '../../../src/model';
import { browseApi } from '../browse-api';
import { formatNumber, h, plural, replace } from '../dom';
import type { PanelActions } from './actions';

export function entityCables(entity: EntityDetail, actions: PanelActions): HTMLElement {
  const signed = h('span', { 'data-testid': 'entity-signed-slot' });
  const block = h(
    'div',
    { class: 'actions entity-cables' },
    h(
      'button',
      {
        class: 'button',
        'data-testid': 'entity-cables',
        title: 'Every cable naming it: by post, tag, signer and date',
        onclick: () => actions.openCables({ entity: entity.id }),
      },
      `Its ${plural(entity.cableCount, 'cable')} ›`,
    ),
    signed,
  );
  if (entity.type === 'Person') {
    // Authorship: a person may sign or classify cables without being named in their text.
    browseApi.signer(entity.id).then(
      (s) => {
        if (s.signed > 0)
          replace(
            signed,
            h(
              'button',
              {
                class: 'button',
                'data-testid': 'entity-signed',
                title: 'The cables they signed',
                onclick: () => actions.openCables({ signer: entity.id }),
              },
              `Signed ${formatNumber(s.signed)} ›`,
            ),
          );
      },
      () => undefined,
    );
  }
  return block;
}
