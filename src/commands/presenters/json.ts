// --json: one JSON object per line on stdout, events first and the result (or error) last,
// so a script can follow progress and read the outcome from the final line.
import type { PipelineEvent, PipelineReporter } from '../../core/pipeline/index.js';

export function jsonReporter(write: (line: string) => void): PipelineReporter {
  return (event: PipelineEvent) => {
    // Progress arrives throttled by the engine; every event is worth a line to a machine.
    write(JSON.stringify({ event: event.type, ...event, type: undefined }));
  };
}

export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
