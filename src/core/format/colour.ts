// Whether output may use colour and other terminal decoration: NO_COLOR (https://no-color.org,
// any non-empty value) or a terminal that says it cannot (TERM=dumb) turns it off.

export function colourDisabled(env: NodeJS.ProcessEnv): boolean {
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  return noColor || env['TERM'] === 'dumb';
}
