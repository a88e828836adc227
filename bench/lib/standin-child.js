// The factory stand-in in its own process, so its CPU and memory never count towards the process
// being measured. Prints one JSON line {url, isoUrl} once listening; stops when stdin closes, so
// it cannot outlive a benchmark that crashed.
import { decodeSchematic, encodeCanonical, schematicId } from '../../dist/core/schematic/index.js';
import { startStandin } from '../../dist/standin/server.js';

const VANILLA = 'customization: {}\n';
const TALOS_VERSION = 'v1.12.4';

const imageSize = Number(process.argv[2]);
if (!Number.isSafeInteger(imageSize) || imageSize < 0) {
  process.stderr.write(`standin-child: image size "${process.argv[2]}" is not a byte count\n`);
  process.exit(2);
}

const standin = await startStandin({ imageSize, schematics: [VANILLA] });
const id = schematicId(encodeCanonical(decodeSchematic(VANILLA, 'vanilla.yaml')));
const isoUrl = `${standin.url}/image/${id}/${TALOS_VERSION}/metal-amd64.iso`;
process.stdout.write(`${JSON.stringify({ url: standin.url, isoUrl })}\n`);

const stop = () => {
  standin.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.once('SIGTERM', stop);
