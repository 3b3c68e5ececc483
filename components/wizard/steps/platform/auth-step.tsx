"use client";

import { useFormContext, useWatch } from "react-hook-form";
import {
  HelpText,
  RadioGroupField,
  SelectField,
  TextField,
  choicesFor,
} from "@/components/ui/field";
import { SECRET_INPUTS } from "@/lib/platform";
import {
  MTLS_PRINCIPAL_SOURCES,
  SASL_MECHANISMS,
  SCRAM_HASHES,
  type Scenario,
} from "@/lib/scenario/schema";
import { PLATFORM_DOCS } from "./docs";
import { PlatformSection, SecretInputsNote } from "./parts";

const SASL_CHOICES = choicesFor(SASL_MECHANISMS, {
  none: { label: "No SASL", description: "Anyone who can connect is accepted (or mTLS decides)." },
  plain: {
    label: "SASL/PLAIN",
    description:
      "User name and password from a secret. Use with TLS: PLAIN sends the password as is.",
  },
  scram: {
    label: "SASL/SCRAM",
    description: "Salted challenge-response; the admin user comes from a secret.",
  },
  oauthbearer: {
    label: "SASL/OAUTHBEARER",
    description: "JWTs from your identity provider, checked against its published keys (JWKS).",
  },
});

const SCRAM_HASH_CHOICES = choicesFor(SCRAM_HASHES, {
  SHA256: { label: "SHA-256 (clients use SCRAM-SHA-256)" },
  SHA512: { label: "SHA-512 (clients use SCRAM-SHA-512)" },
});

const PRINCIPAL_CHOICES = choicesFor(MTLS_PRINCIPAL_SOURCES, {
  "": { label: "Off (no mTLS authentication)" },
  ANONYMOUS: { label: "Anonymous: any client that completes the handshake" },
  SUBJECT_COMMON_NAME: { label: "Certificate subject common name (CN)" },
  SAN_DNS: { label: "Certificate DNS subject alternative name" },
  SAN_URI: { label: "Certificate URI subject alternative name" },
});

export function AuthStep() {
  const { control } = useFormContext<Scenario>();
  const [sasl, tlsEnabled] = useWatch({ control, name: ["auth.sasl", "tls.enabled"] });
  return (
    <PlatformSection
      id="platform-auth"
      title="Authentication"
      lead="Who may connect. Applies to networking-only values too: clients need matching settings."
    >
      <RadioGroupField
        name="auth.sasl"
        label="SASL mechanism"
        options={SASL_CHOICES}
        help={
          <HelpText
            what="kafka.authentication.sasl: how clients prove who they are."
            when="SCRAM or OAUTHBEARER for most; PLAIN only over TLS."
            docs={[PLATFORM_DOCS.sasl, PLATFORM_DOCS.configureClients]}
          />
        }
      />
      {sasl === "plain" && (
        <>
          <TextField
            name="auth.plainSecret"
            label="Credentials secret name"
            size="medium"
            help={
              <HelpText what="kafka.authentication.sasl.plain.credentialsSecrets: a secret with keys username and password." />
            }
          />
          <SecretInputsNote
            inputs={[SECRET_INPUTS.saslPlainUsername, SECRET_INPUTS.saslPlainPassword]}
          />
        </>
      )}
      {sasl === "scram" && (
        <>
          <SelectField name="auth.scramHash" label="SCRAM hash" options={SCRAM_HASH_CHOICES} />
          <TextField
            name="auth.scramSecret"
            label="Admin credentials secret name"
            size="medium"
            help={
              <HelpText
                what="kafka.authentication.sasl.scram.adminCredentials.plaintextCredentialsSecret: a secret with keys username and plaintext. Create further users with the admin."
                docs={PLATFORM_DOCS.sasl}
              />
            }
          />
          <SecretInputsNote
            inputs={[SECRET_INPUTS.scramAdminUsername, SECRET_INPUTS.scramAdminPassword]}
          />
        </>
      )}
      {sasl === "oauthbearer" && (
        <>
          <TextField
            name="auth.oauthJwksUrl"
            label="JWKS URL"
            placeholder="https://idp.example.com/.well-known/jwks.json"
            inputMode="url"
            help={
              <HelpText
                what="Where the brokers fetch your identity provider's public signing keys (https only). install.sh stores it in a ConfigMap (key url) named by jwks.remote.urlConfig."
                docs={PLATFORM_DOCS.sasl}
              />
            }
          />
          <TextField
            name="auth.oauthIssuer"
            label="Issuer (optional)"
            placeholder="https://idp.example.com/"
            help={<HelpText what="Tokens whose iss claim differs are rejected." />}
          />
          <TextField
            name="auth.oauthAudience"
            label="Audience (optional)"
            placeholder="bufstream"
            help={<HelpText what="Tokens whose aud claim does not include it are rejected." />}
          />
        </>
      )}
      <SelectField
        name="auth.mtlsPrincipal"
        label="mTLS principal"
        options={PRINCIPAL_CHOICES}
        disabled={!tlsEnabled}
        help={
          <HelpText
            what="kafka.authentication.mtls.principalSource: authenticate clients by their TLS certificate when they do not use SASL."
            when={
              tlsEnabled
                ? "Needs client certificates: choose a client-certificate mode under Kafka TLS."
                : "Turn on Kafka TLS first."
            }
            docs={PLATFORM_DOCS.mtls}
          />
        }
      />
    </PlatformSection>
  );
}
