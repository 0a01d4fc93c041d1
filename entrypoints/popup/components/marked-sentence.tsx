/** A sentence with the term marked; all text goes in as text, never as HTML. A sentence that opens with its own quotation mark gets none added. */
export function MarkedSentence({ sentence, start, end }: { sentence: string; start: number; end: number }) {
  const bare = /^[“"‘«„]/.test(sentence);
  return (
    <q class={bare ? 'sentence bare' : 'sentence'}>
      {sentence.slice(0, start)}
      <mark>{sentence.slice(start, end)}</mark>
      {sentence.slice(end)}
    </q>
  );
}
