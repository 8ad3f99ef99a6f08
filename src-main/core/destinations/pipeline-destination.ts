// A destination in the shape the renewal pipeline runs (a label for its progress line, a write, an undo).
import type { UserMessage } from '../errors';
import { describeDestination } from './destination-arg';
import type { Destination } from './types';
import { undoDestination, writeDestination, type DestinationContext, type DestinationOutcome, type UndoResult } from './write-destination';

export interface PipelineDestinationOptions extends DestinationContext {
  /** The bot's folder: files inside it are labelled relative to it. */
  folder?: string;
  /** Given to a command destination's undo command; the keychain's previous value, when there was one. */
  previousToken?: string | null;
  /** Told what each undo achieved (a command without an undo command cannot be taken back). */
  onUndo?: (result: UndoResult) => void;
  /** Told about each write, with its backup (the app remembers them for a later "roll back"). */
  onWritten?: (outcome: DestinationOutcome) => void;
}

export interface PipelineDestination {
  label: string;
  write(token: string): Promise<{ message: UserMessage; undo(): Promise<void> }>;
}

export function pipelineDestination(destination: Destination, options: PipelineDestinationOptions): PipelineDestination {
  return {
    label: describeDestination(destination, options.folder),
    async write(token) {
      const outcome = await writeDestination(destination, token, options);
      options.onWritten?.(outcome);
      return {
        message: outcome.message,
        async undo() {
          const result = await undoDestination(destination, outcome, options);
          options.onUndo?.(result);
        },
      };
    },
  };
}
