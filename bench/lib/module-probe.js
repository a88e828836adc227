// Preloaded with `node --import` in an untimed run: registers resolve hooks that name every
// module the process resolves, so the start-up benchmark can tell what --help really loads.
import { register } from 'node:module';

register('./module-probe-hooks.js', import.meta.url);
