// Clients outside the cluster, zone us-east-1b: KafkaJS
import { readFileSync } from "node:fs";
import { Kafka } from "kafkajs";

export const kafka = new Kafka({
  clientId: "my-app,zone=us-east-1b",
  brokers: ["kafka.internal.acme.io:9092"],
  ssl: {
    ca: [readFileSync(process.env.KAFKA_CA_FILE, "utf-8")],
    cert: readFileSync(process.env.KAFKA_CLIENT_CERT_FILE, "utf-8"),
    key: readFileSync(process.env.KAFKA_CLIENT_KEY_FILE, "utf-8"),
  },
  sasl: {
    mechanism: "scram-sha-512",
    username: process.env.KAFKA_USERNAME,
    password: process.env.KAFKA_PASSWORD,
  },
});

// KafkaJS has no linger.ms or batch.size: send records in batches (producer.sendBatch).
export const producer = kafka.producer();
export const consumer = kafka.consumer({ groupId: "my-app", maxWaitTimeInMs: 1000 });
