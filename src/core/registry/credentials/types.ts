// What a credential lookup yields. Secrets live only in these objects: nothing that formats an
// error or a log line may read `password` or `token`.

/** A user name and password (or a personal access token used as one). */
export interface BasicCredential {
  readonly kind: 'basic';
  readonly username: string;
  readonly password: string;
}

/** A refresh token for the registry's token service (`identitytoken`, or a helper's `<token>`). */
export interface IdentityTokenCredential {
  readonly kind: 'identity-token';
  readonly token: string;
}

export type RegistryCredential = BasicCredential | IdentityTokenCredential;

/** Where credentials come from, as the registry client sees it. */
export interface CredentialSource {
  /** The Docker config file consulted (it may not exist), for hints such as "docker login". */
  readonly configPath: string;
  /** The credential stored for `host` (host or host:port), or undefined when there is none. */
  credentialFor(host: string, signal?: AbortSignal): Promise<RegistryCredential | undefined>;
}
