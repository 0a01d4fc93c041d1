/** What an action refused (an alert, each reason a line) and what it did or the reader should know (a status). */
export function Messages({ errors, notices, testid }: { errors: readonly string[]; notices: readonly string[]; testid: string }) {
  return (
    <>
      {errors.length > 0 && (
        <ul class="own-errors" role="alert" data-testid={`${testid}-errors`}>
          {errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      )}
      {notices.length > 0 && (
        <ul class="own-notices" role="status" data-testid={`${testid}-notices`}>
          {notices.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
    </>
  );
}
