export {
  checkKubernetesVersion,
  defaultKubernetesVersion,
  kubernetesDefaultFor,
  supportedKubernetesRange,
} from './defaults.js';
export type { KubernetesDefault, KubernetesRange } from './defaults.js';
