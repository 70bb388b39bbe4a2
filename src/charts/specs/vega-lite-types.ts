// Vega-Lite exports these building blocks only through its unstable type paths; one place to change if they move.
export type { Axis } from 'vega-lite/types_unstable/axis.js';
export type { PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
export type { Scale } from 'vega-lite/types_unstable/scale.js';
