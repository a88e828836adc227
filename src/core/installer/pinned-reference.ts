// The form a cluster should pull: the tag for people, the digest for the machine.
export function pinnedReference(
  registryBase: string,
  repository: string,
  tag: string,
  digest: string,
): string {
  return `${new URL(registryBase).host}/${repository}:${tag}@${digest}`;
}
