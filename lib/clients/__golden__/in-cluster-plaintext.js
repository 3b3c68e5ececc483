// Clients in the cluster: KafkaJS
import { Kafka } from "kafkajs";

export const kafka = new Kafka({
  clientId: "my-app",
  brokers: ["bufstream.bufstream.svc.cluster.local:9092"],
});

// KafkaJS does not batch on its own (no linger.ms or batch.size, and no request-size limit
// to raise to match): group records yourself with producer.sendBatch.
export const producer = kafka.producer();
export const consumer = kafka.consumer({ groupId: "my-app", maxWaitTimeInMs: 1000 });
