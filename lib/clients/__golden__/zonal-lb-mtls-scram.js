// Clients outside the cluster, zone us-east-1b: KafkaJS
import { readFileSync } from "node:fs";
import { Kafka } from "kafkajs";

// Secrets and file paths come from the environment; stop early, naming them, if one is unset.
const {
  KAFKA_CA_FILE,
  KAFKA_CLIENT_CERT_FILE,
  KAFKA_CLIENT_KEY_FILE,
  KAFKA_USERNAME,
  KAFKA_PASSWORD,
} = process.env;
if (
  KAFKA_CA_FILE === undefined ||
  KAFKA_CLIENT_CERT_FILE === undefined ||
  KAFKA_CLIENT_KEY_FILE === undefined ||
  KAFKA_USERNAME === undefined ||
  KAFKA_PASSWORD === undefined
) {
  throw new Error("Set KAFKA_CA_FILE, KAFKA_CLIENT_CERT_FILE, KAFKA_CLIENT_KEY_FILE, KAFKA_USERNAME, KAFKA_PASSWORD");
}

export const kafka = new Kafka({
  clientId: "my-app,zone=us-east-1b",
  brokers: ["kafka.internal.acme.io:9092"],
  ssl: {
    ca: [readFileSync(KAFKA_CA_FILE, "utf-8")],
    cert: readFileSync(KAFKA_CLIENT_CERT_FILE, "utf-8"),
    key: readFileSync(KAFKA_CLIENT_KEY_FILE, "utf-8"),
  },
  sasl: {
    mechanism: "scram-sha-512",
    username: KAFKA_USERNAME,
    password: KAFKA_PASSWORD,
  },
});

// KafkaJS does not batch on its own (no linger.ms or batch.size, and no request-size limit
// to raise to match): group records yourself with producer.sendBatch.
export const producer = kafka.producer();
export const consumer = kafka.consumer({ groupId: "my-app", maxWaitTimeInMs: 1000 });
