// The project file (talos-release.yaml): the public surface.
export { parseProjectFile, projectFilePath, readProjectFile } from './load.js';
export { savePublish } from './save-publish.js';
export type { PublishSettings } from './save-publish.js';
export { saveTargets } from './save-targets.js';
export {
  PROJECT_FILE_NAME,
  PROJECT_SCHEMA_FILE_NAME,
  projectFileSchema,
  projectJsonSchemaText,
} from './schema.js';
export type { ProjectFile, ProjectTarget } from './schema.js';
