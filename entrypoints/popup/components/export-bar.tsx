import { useState } from 'preact/hooks';
import { downloadText } from '../download.ts';
import type { PopupModel } from '../model.ts';

/** Export the page's report: download Markdown, CSV or JSON, or copy the Markdown handout. */
export function ExportBar({ model }: { model: PopupModel }) {
  const [status, setStatus] = useState('');
  const download = async (format: 'md' | 'csv' | 'json') => {
    setStatus('Preparing…');
    const file = await model.exportReport(format);
    if (!file) return setStatus('');
    downloadText(file.name, file.text, file.type);
    setStatus(`Saved ${file.name}`);
  };
  const copy = async () => {
    setStatus('Preparing…');
    const file = await model.exportReport('md');
    if (!file) return setStatus('');
    try {
      await navigator.clipboard.writeText(file.text);
      setStatus('The Markdown handout is on the clipboard.');
    } catch {
      setStatus('The browser refused the clipboard; download the Markdown instead.');
    }
  };
  return (
    <section class="export" aria-labelledby="export-title">
      <h2 id="export-title">Export this page’s report</h2>
      <p class="small muted">A handout for a class (Markdown), a spreadsheet (CSV, one row per occurrence) or data (JSON). Made here; nothing is sent anywhere.</p>
      <div class="export-buttons">
        <button type="button" class="secondary" onClick={() => void download('md')}>Markdown</button>
        <button type="button" class="secondary" onClick={() => void download('csv')}>CSV</button>
        <button type="button" class="secondary" onClick={() => void download('json')}>JSON</button>
        <button type="button" class="secondary" onClick={() => void copy()}>Copy Markdown</button>
      </div>
      <p class="small" role="status" data-testid="export-status">{status}</p>
    </section>
  );
}
