/** What a view not yet built shows: a plain statement, never placeholder data. */
export function ComingPanel({ title, children }: { title: string; children: string }) {
  return (
    <section className="coming" aria-labelledby="coming-title">
      <h2 id="coming-title">{title}</h2>
      <p>{children}</p>
      <p className="muted">This view is coming in a later version of Sightline.</p>
    </section>
  )
}
