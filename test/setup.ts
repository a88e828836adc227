// Runs before every test file, before Ink is imported: Ink writes only the final frame when it
// believes it is in CI, which would make frame-by-frame assertions meaningless under CI=true.
delete process.env['CI'];
delete process.env['CONTINUOUS_INTEGRATION'];
// A fixed colour level keeps frames deterministic whatever terminal runs the tests.
process.env['FORCE_COLOR'] = '0';
