import { Section } from "../components";

export function Payments() {
  return (
    <Section title="Payments">
      <p className="muted">Coming in this issue.</p>
    </Section>
  );
}
