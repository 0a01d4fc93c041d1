/** Function words and the commonest verbs of reporting: never a term on their own, never the edge of a candidate. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or but of to in on at by for with from as is are was were be been being it its this that these those ' +
    'their there they them he she his her we our you your i not no nor so than then such which who whom whose what when ' +
    'where how all any both each few more most other some own same too very can will just should would could may might must ' +
    'has have had do does did also into over under about after before between through during against among up down out off ' +
    'again further once here why only said says one two three new many much well like').split(' '),
);
