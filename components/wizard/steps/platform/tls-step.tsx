"use client";

import { useFormContext, useWatch } from "react-hook-form";
import {
  CheckboxField,
  HelpText,
  RadioGroupField,
  TextField,
  choicesFor,
} from "@/components/ui/field";
import { SECRET_INPUTS, tlsCoverage } from "@/lib/platform";
import { TLS_CLIENT_AUTH, type Scenario } from "@/lib/scenario/schema";
import { useScenarioStateContext } from "../../scenario-context";
import { PLATFORM_DOCS } from "./docs";
import { PlatformSection, SecretInputsNote } from "./parts";

const CLIENT_AUTH_CHOICES = choicesFor(TLS_CLIENT_AUTH, {
  NO_CERT: { label: "No client certificates", description: "Server-side TLS only." },
  REQUEST_CERT: {
    label: "Request a certificate",
    description: "Clients may send one; it is not verified.",
  },
  REQUIRE_CERT: {
    label: "Require a certificate",
    description: "Clients must send one; it is not verified.",
  },
  VERIFY_CERT_IF_GIVEN: {
    label: "Verify a certificate if given",
    description: "Optional, but checked against your client CA when sent.",
  },
  REQUIRE_AND_VERIFY_CERT: {
    label: "Require and verify (mutual TLS)",
    description: "Every client needs a certificate signed by your client CA.",
  },
});

/** The names the certificate must list, from the same plan as the values (domain gotcha 2). */
function NamesToCover() {
  // The last valid answers while some are invalid, so the list does not vanish mid-typing.
  const { shown } = useScenarioStateContext();
  const { names, pending } = tlsCoverage(shown);
  return (
    <div className="field">
      <p className="field-label">The certificate must cover (subject alternative names)</p>
      <ul>
        {names.map((name) => (
          <li key={name}>
            <code>{name}</code>
          </li>
        ))}
        {pending.map((what) => (
          <li key={what}>the {what}</li>
        ))}
      </ul>
      <p className="help">
        Every advertised host and every bootstrap name: clients verify the name they dial, and after
        the bootstrap they dial the advertised address.
      </p>
    </div>
  );
}

export function TlsStep() {
  const { control } = useFormContext<Scenario>();
  const [enabled, clientAuth, clientCasSecret] = useWatch({
    control,
    name: ["tls.enabled", "tls.clientAuth", "tls.clientCasSecret"],
  });
  const inputs = [SECRET_INPUTS.tlsCertFile, SECRET_INPUTS.tlsKeyFile];
  return (
    <PlatformSection
      id="platform-tls"
      title="Kafka TLS"
      lead="Encrypt client connections. Applies to networking-only values too: it changes how clients connect."
    >
      <CheckboxField
        name="tls.enabled"
        label="Serve Kafka over TLS"
        help={
          <HelpText
            what="Lists a certificate secret under kafka.tlsCertificateSecrets, which turns TLS on; clients then use security.protocol SSL or SASL_SSL."
            when="Always for clients outside the cluster or on shared networks."
            docs={[PLATFORM_DOCS.helmValues, PLATFORM_DOCS.configureClients]}
          />
        }
      />
      {enabled && (
        <>
          <TextField
            name="tls.certificateSecret"
            label="Certificate secret name"
            size="medium"
            help={
              <HelpText what="A kubernetes.io/tls secret (tls.crt, tls.key) in the release namespace; install.sh creates it from your PEM files." />
            }
          />
          <NamesToCover />
          <RadioGroupField
            name="tls.clientAuth"
            label="Client certificates"
            options={CLIENT_AUTH_CHOICES}
            help={
              <HelpText
                what="kafka.tlsClientAuth: whether brokers ask clients for certificates."
                when="Require and verify for mutual TLS; the verifying modes need your client CA."
                docs={PLATFORM_DOCS.mtls}
              />
            }
          />
          {clientAuth !== "NO_CERT" && (
            <TextField
              name="tls.clientCasSecret"
              label="Client CA secret name"
              size="medium"
              help={
                <HelpText what="kafka.tlsClientCasSecret: a secret with the PEM CA(s) under key tls.crt; install.sh creates it from your CA file." />
              }
            />
          )}
          <SecretInputsNote
            inputs={clientCasSecret !== "" ? [...inputs, SECRET_INPUTS.tlsClientCaFile] : inputs}
          />
        </>
      )}
    </PlatformSection>
  );
}
