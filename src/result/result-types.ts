import type { z } from 'zod';
import type { EngineResultSchema } from './engine-result-schema.js';
import type { DeepReadonly } from './result-schema.js';

/**
 * The parts of the result renderers take, named: read-only views of the schema's output. The engine's own
 * `ScoreResult` is assignable to `EngineResult`, so a renderer accepts either without importing the engine.
 */
export type EngineResult = DeepReadonly<z.output<typeof EngineResultSchema>>;
export type OptionResult = EngineResult['options'][number];
export type ByCategory = OptionResult['tco']['byCategory'];
export type TornadoBar = EngineResult['tornado']['bars'][number];
export type SidecarTax = NonNullable<EngineResult['sidecarTax']>;
