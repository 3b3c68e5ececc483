// Clients outside the cluster: KafkaJS
import { readFileSync } from "node:fs";
import { Kafka } from "kafkajs";

export const kafka = new Kafka({
  clientId: "my-app",
  brokers: ["LOAD_BALANCER_ADDRESS:9092"],
  ssl: {
    ca: [readFileSync(process.env.KAFKA_CA_FILE, "utf-8")],
  },
  sasl: {
    mechanism: "oauthbearer",
    oauthBearerProvider: async () => ({ value: process.env.KAFKA_OAUTH_TOKEN }),
  },
});

// KafkaJS has no linger.ms or batch.size: send records in batches (producer.sendBatch).
export const producer = kafka.producer();
export const consumer = kafka.consumer({ groupId: "my-app", maxWaitTimeInMs: 1000 });
