// Clients in the cluster: KafkaJS
import { Kafka } from "kafkajs";

// Secrets and file paths come from the environment; stop early, naming them, if one is unset.
const { KAFKA_USERNAME, KAFKA_PASSWORD } = process.env;
if (KAFKA_USERNAME === undefined || KAFKA_PASSWORD === undefined) {
  throw new Error("Set KAFKA_USERNAME, KAFKA_PASSWORD");
}

export const kafka = new Kafka({
  clientId: "my-app",
  brokers: ["kafka.internal.acme.io:9092"],
  sasl: {
    mechanism: "plain",
    username: KAFKA_USERNAME,
    password: KAFKA_PASSWORD,
  },
});

// KafkaJS does not batch on its own (no linger.ms or batch.size, and no request-size limit
// to raise to match): group records yourself with producer.sendBatch.
export const producer = kafka.producer();
export const consumer = kafka.consumer({ groupId: "my-app", maxWaitTimeInMs: 1000 });
