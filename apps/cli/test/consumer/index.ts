// A downstream TypeScript project using the published lm-synth packages.
import { AGE_GROUPS } from '@lm-synth/config';
import { arrowSchema, CATALOGUE, tableByName } from '@lm-synth/dims';

const patients = tableByName('patients');
const schema = arrowSchema(patients);
if (schema.fields.length !== patients.columns.length) throw new Error('schema mismatch');
if (CATALOGUE.length < 14 || AGE_GROUPS.length !== 8) throw new Error('catalogue incomplete');

console.log('consumer ok');
