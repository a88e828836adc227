// Stands in for react-devtools-core in the bundle: Ink only connects to devtools when DEV=true,
// which the tool never sets, and the package is not a dependency of this tool.
const devtools = {
  initialize: (): void => undefined,
  connectToDevTools: (): void => undefined,
};
export default devtools;
