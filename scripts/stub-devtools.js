// Stand-in for `react-devtools-core` in the bundle (scripts/build.mjs aliases it here).
// Ink imports the real package only when DEV=true, but a bundler cannot know that and
// would otherwise fail to resolve it (it is not a dependency) or drag it in.
process.stderr.write('dtui: React DevTools are not in the bundle; run the sources (npx tsx source/cli.tsx) to use DEV=true.\n');

export default {
	initialize() {},
	connectToDevTools() {},
};
