# Clients in the cluster: ask Bufstream what this client id is told
bufstream client metadata --bootstrap-address bufstream.bufstream.svc.cluster.local:9092 --client-id my-app
