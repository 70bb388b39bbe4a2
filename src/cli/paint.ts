import { styleText } from 'node:util';

type Colour = 'red' | 'green' | 'yellow' | 'bold' | 'dim';

/** `text` in `colour` when colour is on for the stream it goes to. */
export function paint(enabled: boolean, colour: Colour, text: string): string {
  return enabled ? styleText(colour, text) : text;
}
