import { Section } from "../components";

export function Compute() {
  return (
    <Section title="Compute">
      <p className="muted">Coming in this issue.</p>
    </Section>
  );
}
