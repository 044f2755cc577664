# claimgraph_pb2 and claimgraph_pb2_grpc are generated here when the package
# is built (setup.py), from proto/claimgraph/v1/claimgraph.proto.
