// What vega-canvas exports when neither a DOM nor node-canvas is there, for the bundle (see bundle.js).
export const domCanvas = () => null;
export const nodeCanvas = () => null;
export const canvas = () => null;
export const image = () => null;
