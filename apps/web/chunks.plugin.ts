import type { Plugin } from 'vite';

/** The chunk of the first signed-in screens (index-page.plugin.ts asks for it beside the entry). */
export const FIRST_SCREENS_CHUNK = 'first-screens';

interface ScreenGroup {
  name: string;
  /** Modules that open the group, by their path in apps/web. */
  modules?: string[];
  /** A module whose lazily imported parts open the group. */
  partsOf?: string;
}

/**
 * Code that comes as one chunk each (with the app's modules it imports statically, and the
 * libraries' modules those use), in this order: a module two groups share goes to the first. The
 * sign-in page; the signed-in screens a phone opens first (the family's home, which is its plan,
 * and a professional's plan); the header's menus and the plan's print menu, fetched once the first
 * screen is drawn (components/after-first-screen.tsx); the rest of the plan (its sections, fetched
 * together while the browser idles once the plan is shown, and its forms).
 */
const SCREEN_GROUPS: ScreenGroup[] = [
  { name: 'sign-in', modules: ['/src/app/routes/sign-in.route.tsx'] },
  {
    name: FIRST_SCREENS_CHUNK,
    modules: ['/src/app/app-shell.tsx', '/src/app/routes/home.route.tsx', '/src/app/routes/plan.route.tsx'],
  },
  { name: 'menus', modules: ['/src/app/header-menus.tsx', '/src/features/print/components/print-menu.tsx'] },
  { name: 'plan-parts', partsOf: '/src/app/routes/plan.route.tsx' },
];

/** The web client's own modules; the shared contract, like a library, is an index of every feature's schemas. */
const isWebModule = (id: string) => id.includes('/apps/web/src/') && !id.includes('/node_modules/');

/**
 * Fewer, larger chunks. Left to itself the bundler gives every set of screens that share a module a
 * chunk of its own: 200 files, most under 2 kB, and a phone on a slow line (HTTP/1.1, six
 * connections, 150 ms a round trip) pays for each. So what every page runs is one chunk with the
 * entry, and each group above one more; another screen that needs a module of a group loads that
 * group's chunk. The rest (the other screens, each language's strings, socket.io's code) is split
 * as before. Only the browser's build: the pre-rendering for Node keeps the bundler's own.
 */
export function fewerChunks(): Plugin {
  // The web client's modules a group's screens import statically. Libraries and the shared contract
  // are not followed here (their index names every component or schema, used or not): the bundler
  // adds to the group what its modules use of them.
  const members = new Map<string, Set<string>>(SCREEN_GROUPS.map(({ name }) => [name, new Set()]));
  return {
    name: 'yhdessa:fewer-chunks',
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                { name: 'initial', tags: ['$initial'] },
                ...SCREEN_GROUPS.map(({ name }) => ({ name, test: (id: string) => members.get(name)!.has(id) })),
              ],
            },
          },
        },
      },
    }),
    buildEnd() {
      const ids = [...this.getModuleIds()];
      for (const { name, modules, partsOf } of SCREEN_GROUPS) {
        const group = members.get(name)!;
        const visit = (id: string) => {
          if (!isWebModule(id) || group.has(id)) return;
          group.add(id);
          for (const imported of this.getModuleInfo(id)?.importedIds ?? []) visit(imported);
        };
        const idOf = (module: string) => {
          const id = ids.find((candidate) => candidate.endsWith(module));
          if (!id) throw new Error(`the build has no module ${module}`);
          return id;
        };
        for (const module of modules ?? []) visit(idOf(module));
        if (partsOf) for (const part of this.getModuleInfo(idOf(partsOf))?.dynamicallyImportedIds ?? []) visit(part);
      }
    },
  };
}
