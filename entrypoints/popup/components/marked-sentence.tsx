/** A sentence with the term marked; all text goes in as text, never as HTML. */
export function MarkedSentence({ sentence, start, end }: { sentence: string; start: number; end: number }) {
  return (
    <q class="sentence">
      {sentence.slice(0, start)}
      <mark>{sentence.slice(start, end)}</mark>
      {sentence.slice(end)}
    </q>
  );
}
