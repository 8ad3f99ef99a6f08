// The apply progress list (check → keychain → destinations → restart → verify) as the owner watches it fill in.
import type { ApplyStep, StepOutcome, StepState } from '../../contract';
import type { UserMessage } from '../errors';

export class ProgressList {
  private steps: StepOutcome[];

  constructor(
    destinationLabels: readonly string[],
    private readonly onChange: (steps: StepOutcome[]) => void = () => {},
  ) {
    const line = (step: ApplyStep, target: string | null = null): StepOutcome => ({ step, state: 'pending', target, message: null });
    this.steps = [
      line('validate'),
      line('keychain'),
      ...destinationLabels.map((label) => line('write', label)),
      line('restart'),
      line('verify'),
    ];
  }

  /** Sets one line (a `write` line is picked by its target) and tells the listener. */
  set(step: ApplyStep, state: StepState, message: UserMessage | null = null, target: string | null = null): void {
    this.steps = this.steps.map((line) =>
      line.step === step && (target === null || line.target === target) ? { ...line, state, message } : line,
    );
    this.onChange(this.snapshot());
  }

  /** Marks every line still pending as skipped: after a refusal or a failure nothing else happens. */
  skipRest(message: UserMessage | null = null): void {
    this.steps = this.steps.map((line) => (line.state === 'pending' ? { ...line, state: 'skipped', message } : line));
    this.onChange(this.snapshot());
  }

  snapshot(): StepOutcome[] {
    return this.steps.map((line) => ({ ...line }));
  }
}
