// Clients outside the cluster: KafkaJS
import { readFileSync } from "node:fs";
import { Kafka } from "kafkajs";

// Secrets and file paths come from the environment; stop early, naming them, if one is unset.
const { KAFKA_CA_FILE, KAFKA_OAUTH_TOKEN } = process.env;
if (KAFKA_CA_FILE === undefined || KAFKA_OAUTH_TOKEN === undefined) {
  throw new Error("Set KAFKA_CA_FILE, KAFKA_OAUTH_TOKEN");
}

export const kafka = new Kafka({
  clientId: "my-app",
  brokers: ["LOAD_BALANCER_ADDRESS:9092"],
  ssl: {
    ca: [readFileSync(KAFKA_CA_FILE, "utf-8")],
  },
  sasl: {
    mechanism: "oauthbearer",
    // A static token; long-running clients fetch a fresh one here.
    oauthBearerProvider: async () => ({ value: KAFKA_OAUTH_TOKEN }),
  },
});

// KafkaJS does not batch on its own (no linger.ms or batch.size, and no request-size limit
// to raise to match): group records yourself with producer.sendBatch.
export const producer = kafka.producer();
export const consumer = kafka.consumer({ groupId: "my-app", maxWaitTimeInMs: 1000 });
