# Clients in the cluster: the brokers this client is told about
kcat -b kafka.internal.acme.io:9092 \
  -X client.id=my-app \
  -X security.protocol=SASL_PLAINTEXT \
  -X sasl.mechanisms=PLAIN \
  -X sasl.username="$KAFKA_USERNAME" \
  -X sasl.password="$KAFKA_PASSWORD" \
  -L
