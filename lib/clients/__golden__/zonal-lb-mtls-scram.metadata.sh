# Clients outside the cluster, zone us-east-1b: ask Bufstream what this client id is told
# The listener uses TLS or SASL: see `bufstream client metadata --help` for its flags.
bufstream client metadata --bootstrap-address kafka.internal.acme.io:9092 --client-id my-app,zone=us-east-1b
