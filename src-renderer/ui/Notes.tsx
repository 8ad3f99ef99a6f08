// Side remarks from main (a retired API version, which of two variables was chosen): a quiet list with an
// info icon each, never a box that competes with the one message of the screen.
import type { UserMessage } from '../../src-main/contract';
import { Icon } from './Icon';
import { Message } from './Message';

export function Notes({ notes }: { notes: readonly UserMessage[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="notes">
      {notes.map((note, index) => (
        <li key={`${note.key}-${index}`}>
          <Icon name="info" className="notes__icon" />
          <span>
            <Message message={note} />
          </span>
        </li>
      ))}
    </ul>
  );
}
