import { Section } from "../components";

export function Staking() {
  return (
    <Section title="Staking">
      <p className="muted">Coming in this issue.</p>
    </Section>
  );
}
