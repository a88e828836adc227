// Release provenance (in-toto Statement v1, SLSA Provenance v1) and its DSSE envelope.
export {
  BUILD_TYPE,
  SLSA_PROVENANCE_V1,
  STATEMENT_TYPE,
  buildProvenance,
  builderId,
  provenancePathFor,
  provenanceSubjects,
} from './statement.js';
export type {
  ProvenanceOptions,
  ProvenanceStatement,
  ResourceDescriptor,
  SchematicParameter,
} from './statement.js';
export {
  IN_TOTO_PAYLOAD_TYPE,
  isEnvelope,
  preAuthEncoding,
  signEnvelope,
  verifyEnvelope,
} from './dsse.js';
export type { DsseEnvelope } from './dsse.js';
