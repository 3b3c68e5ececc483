# Clients outside the cluster: ask Bufstream what this client id is told
# The listener uses TLS or SASL: see `bufstream client metadata --help` for its flags.
bufstream client metadata --bootstrap-address LOAD_BALANCER_ADDRESS:9092 --client-id my-app
