# Clients outside the cluster, zone us-east-1b: the brokers this client is told about
kcat -b kafka.internal.acme.io:9092 \
  -X client.id=my-app,zone=us-east-1b \
  -X security.protocol=SASL_SSL \
  -X ssl.ca.location="$KAFKA_CA_FILE" \
  -X ssl.certificate.location="$KAFKA_CLIENT_CERT_FILE" \
  -X ssl.key.location="$KAFKA_CLIENT_KEY_FILE" \
  -X sasl.mechanisms=SCRAM-SHA-512 \
  -X sasl.username="$KAFKA_USERNAME" \
  -X sasl.password="$KAFKA_PASSWORD" \
  -L
