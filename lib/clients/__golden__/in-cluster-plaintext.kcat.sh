# Clients in the cluster: the brokers this client is told about
kcat -b bufstream.bufstream.svc.cluster.local:9092 \
  -X client.id=my-app \
  -L
