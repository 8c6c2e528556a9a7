import { Section } from "../components";

export function Assets() {
  return (
    <Section title="Assets">
      <p className="muted">Coming in this issue.</p>
    </Section>
  );
}
