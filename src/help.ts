// Kept free of imports so that --help and --version load nothing but this file.
export const HELP_TEXT = `talos-release: prepare a Talos Linux appliance release from the Talos Image Factory.

Usage:
  talos-release [flags]                 the wizard (a terminal), or the same pipeline with --yes
  talos-release --yes [flags]           cut a release without screens (CI, scripts)
  talos-release --dry-run [flags]       show what would be submitted and written; change nothing
  talos-release id [schematic]          print the canonical schematic and its ID, offline
  talos-release preflight [flags]       the pipeline's checks as a checklist (writes nothing)
  talos-release verify <manifest>       re-check a release manifest, its schematic and its ISO
                                        (or a release version; --pubkey <file|key>: its signature)
  talos-release keygen [--out <dir>]    make a signing key pair: talos-release.key and .pub
                                        (--unencrypted: no password; --force: replace a pair)
  talos-release diff [<from>] [<to>]    what changed between two releases (default: the last two)
  talos-release status                  is a new release due? exit 0 current, 10 due (for CI)
  talos-release publish <version> --to <registry>/<prefix>
                                        push the release and its installers to an OCI registry
  talos-release bundle <version> [--out <dir>|<file>.tar]
                                        the release and its installers for an air-gapped site
  talos-release verify --bundle <dir|tar> [--pubkey <key>]   check a bundle offline
  talos-release publish --from <bundle> --to <registry>/<prefix>   load a bundle at the site

Release flags:
  --schematic <file>             schematic YAML (default schematics/metal-amd64.yaml)
  --talos-version <sel>          v1.12.4, 1.12 (newest patch), latest (newest stable), pre
  --extensions <a,b,...>         replace the schematic's official extensions (the file is updated)
  --platform <name>              default metal
  --arch <amd64|arm64>           default amd64
  --secureboot                   SecureBoot ISO and installer
  --release-version <semver>     default: next patch after the channel's current release
  --channel <name>               default stable
  --kubernetes-version <v>       default: the Talos version's default
  --app-version <v>              the appliance application's version
  --values-profile <name>        the appliance values profile
  --factory-url <url>            default https://factory.talos.dev (or TALOS_FACTORY_URL)
  --registry <host>              installer registry host (default: derived from the factory URL)
  --artifacts-dir <dir>          where the images go (default artifacts/)
  --target <asset>               an image to release, as the factory names it (repeatable; the
                                 first is the primary): metal-amd64.iso, nocloud-amd64.raw.xz,
                                 metal-arm64.iso, kernel-arm64, installer-amd64.tar ...
                                 default: one ISO from --platform, --arch and --secureboot
  --installer <platform[-secureboot]>  an installer to pin (repeatable; default: the first ISO's)
  --concurrency <n>              targets downloaded at once (default 3)
  --root <dir>                   the repository root (default: current directory)
  --require-digest               fail when the installer digest cannot be resolved
  --allow-public-secrets         submit a schematic that looks like it holds secrets
  --keep-extension-order         keep the schematic's extension order (default: sorted, de-duplicated)
  --force                        overwrite an existing release manifest
  --sign-key <file>              sign the release (sums + provenance) with a minisign secret key
                                 (or TALOS_RELEASE_SIGN_KEY, or signing.key in talos-release.yaml;
                                 its password from TALOS_RELEASE_SIGN_PASSWORD, else asked)
  --yes, -y                      no screens; answers come from flags
  --dry-run                      no submit, no download, no write
  --json                         machine-readable output
  --online                       (verify) also ask the factory
  --pubkey <file|key>            (verify) the release must be signed by this minisign public key
  --as-is                        (id) the ID of the file exactly as written
  --markdown                     (diff) release notes to paste into a release page
  --offline                      (status) check only the schematic file against the release
  --to <registry>/<prefix>       (publish) destination, e.g. registry.example.com/appliance
  --registry-ca <pem>            (publish) the CA that signed the registry's certificate
  --insecure-registry            (publish) plain http, to a registry on this machine only
  --require-signature            (publish) refuse installers without a valid cosign signature
  -h, --help                     this text
  --version                      the tool's version

Exit codes:
  0 success    2 bad input    3 the factory or registry refused (4xx, credentials)    4 unavailable
  5 integrity (ID, size or hash mismatch, verify failure)    6 local disk or permission error
  130 cancelled    1 a bug (please report it)
  10 (status only) a new release is due, like terraform plan -detailed-exitcode
`;
