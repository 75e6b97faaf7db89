export { type FitOptions, fitModel } from './fit-model.js';
export type { Category, Marginal } from './marginal.js';
export {
  modelHash,
  parseModel,
  readModelFile,
  serializeModel,
  writeModelFile,
} from './model-file.js';
export { modelJsonSchema } from './model-json-schema.js';
export { SAMPLE_BLOCK, type SampleOptions, sampleModel } from './sample-model.js';
export { SynthesizerInputError } from './synthesizer-input-error.js';
export {
  type FeatureModel,
  MODEL_VERSION,
  type SynthesizerModel,
  synthesizerModelSchema,
  type TableModel,
} from './synthesizer-model.js';
