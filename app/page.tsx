import { WizardLoader } from "@/components/wizard/wizard-loader";

export default function HomePage() {
  return <WizardLoader />;
}
