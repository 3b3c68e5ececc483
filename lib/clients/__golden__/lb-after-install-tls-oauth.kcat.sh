# Clients outside the cluster: the brokers this client is told about
kcat -b LOAD_BALANCER_ADDRESS:9092 \
  -X client.id=my-app \
  -X security.protocol=SASL_SSL \
  -X ssl.ca.location="$KAFKA_CA_FILE" \
  -X sasl.mechanisms=OAUTHBEARER \
  -X sasl.oauthbearer.method=oidc \
  -X sasl.oauthbearer.token.endpoint.url="$KAFKA_OAUTH_TOKEN_URL" \
  -X sasl.oauthbearer.client.id="$KAFKA_OAUTH_CLIENT_ID" \
  -X sasl.oauthbearer.client.secret="$KAFKA_OAUTH_CLIENT_SECRET" \
  -L
