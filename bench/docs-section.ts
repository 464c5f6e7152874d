/** docs/benchmarks.md holds one section per benchmark script: each script rewrites its own and keeps the others'. */

const headingPattern = (heading: string) => new RegExp(`^## ${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm');

/** The `## <heading>` section of a Markdown text, up to the next `## ` heading; '' when there is none. */
export function sectionOf(text: string, heading: string): string {
  const start = text.search(headingPattern(heading));
  if (start < 0) return '';
  const next = text.slice(start + 1).search(/^## /m);
  return text.slice(start, next < 0 ? undefined : start + 1 + next).trimEnd();
}

/** The text with its `## <heading>` section replaced by `section`, or with `section` added at the end. */
export function withSection(text: string, heading: string, section: string): string {
  const old = sectionOf(text, heading);
  return old ? text.replace(old, section.trimEnd()) : `${text.trimEnd()}\n\n${section.trimEnd()}\n`;
}

/** `text` with every `## ` section of `old` that `text` lacks added at its end: one script's rewrite keeps the others' sections. */
export function keepOtherSections(text: string, old: string): string {
  const headings = [...old.matchAll(/^## (.+)$/gm)].map((match) => match[1]!);
  return headings.reduce(
    (kept, heading) => (sectionOf(kept, heading) ? kept : withSection(kept, heading, sectionOf(old, heading))),
    text,
  );
}

/** The section bench/start-time.ts writes. */
export const START_TIME_HEADING = 'Start time';
