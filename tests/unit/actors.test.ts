import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createActorFinder } from '../../lib/lexicon/learn/find-actors.ts';
import { loadSources } from '../../lib/lexicon/learn/load-sources.ts';

const sources = loadSources(fileURLToPath(new URL('../../lexicon/', import.meta.url)));
const findActors = createActorFinder(sources.context);

// Sentences from the two corpora (verbatim), with the actors a careful reader names: states,
// governments by their capitals, organisations and people, each once under the name readers know.
// Regions and seas are places, not actors.
const TABLE: [string, string[]][] = [
  ['No doubt, quite a few EU states act in line with the U.N. Charter that literally endorses the tenets of sovereignty of each state but they equally lack the knowledge of “security indivisibility” in foreigh affairs where states react to each other in an anarchic world.', ['European Union', 'United Nations']],
  ['I’m just wondering: What does that say about the state of U.S.-China strategic competition in Southeast Asia?', ['United States', 'China']],
  ['Contrarily, NATO’s emphasis on militarising the east and efforts to shrink what has been referred to as China and Russia’s “strategic space” in Eurasia are incompatible with becoming a force for stability and long-term peace.', ['NATO', 'China', 'Russia']],
  ['On the first one, on gray zone activity, you know, I think this has been a longstanding PRC practice to (inaudible) slowly, or sometimes more quickly ramp up pressure (inaudible).', ['China']],
  ['The Budget prioritizes China as America’s pacing challenge in line with the 2022 National Defense Strategy.', ['China', 'United States']],
  ['We are united in our support of Ukraine’s sovereignty and territorial integrity.', ['Ukraine']],
  ['We’ll stand together with others against economic coercion and intimidation.', []],
  ['The systematic abuses go beyond forced labor to include sexual violence and large-scale forced detentions, and the PRC continues to commit genocide and crimes against humanity in Xinjiang.', ['China']],
  ['It’s an example of one of the oldest of human impulses: using brute force and disinformation to satisfy a craving for absolute power and control.', []],
  ['Russian President Vladimir Putin called relations between Moscow and Beijing a model of interstate cooperation in the twenty-first century, which is especially important today for maintaining stability in the world.', ['Vladimir Putin', 'Moscow', 'Beijing']],
  ['As Xi Jinping noted, this was the 37th meeting between the two leaders since 2013.', ['Xi Jinping']],
  ['The Russian and Chinese leaders discussed the “aggressive rhetoric” used by the USA and NATO, including the response to US President Joe Biden’s attempt to create a so-called “alliance of democracies.”', ['United States', 'NATO', 'Joe Biden']],
  ['Recently, Geoff Raby who was former Australian ambassador to China (2007-11) aruged that Putin’s visit to China revealed that Russia’s weakness has enabled China to resume its dominance in Eurasia but the two largest Eurasian powers actually “have one bed but different dreams”.', ['Geoff Raby', 'China', 'Vladimir Putin', 'Russia']],
  ['In fact, Foreign Minister Lavrov left the meeting early, maybe because the messages had become so resoundingly clear.', ['Sergey Lavrov']],
];

describe('actors of the corpus examples, against a hand-labelled table', () => {
  it.each(TABLE)('%s', (sentence, actors) => {
    expect([...findActors(sentence)].sort()).toEqual([...actors].sort());
  });
  it('merges spellings: U.S, U.S., USA, America and the United States are one actor', () => {
    expect(findActors('The U.S and the USA and America and the United States of America, said the U.S. envoy.')).toEqual(['United States']);
  });
  it('strips titles and keeps no first name alone ("President Joe" is not an actor)', () => {
    const actors = findActors('President Joe Biden’s summit was criticised by President Putin and by Mr. Xi.');
    expect(actors.sort()).toEqual(['Joe Biden', 'Vladimir Putin', 'Xi Jinping']);
  });
});
