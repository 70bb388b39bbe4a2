import { formatNumber } from '../shared/format.js';

/** The source of a figure the client gave: theirs, with the default it replaces and that default's source. */
export function clientFigureSource(defaultValue: number, defaultSource: string): string {
  return `Client figure; the default was ${formatNumber(defaultValue, 4)} (${defaultSource.trim()})`;
}

/** A default's source, with the rate it was converted from US dollars at, where it was. */
export function defaultSource(
  source: string,
  conversion: { readonly rate: number; readonly currency: string; readonly vintage: string } | null,
): string {
  const converted =
    conversion === null
      ? ''
      : ` Converted from USD at ${conversion.rate} ${conversion.currency} per USD (${conversion.vintage}).`;
  return `${source.trim()}${converted}`;
}
