// Unary calls to the engine whose responses may nest deeper than protobuf's default parsing limit of 100
// levels: a resource output map nested 300 levels deep is a valid Pulumi value (the engine and the Go SDK
// accept 10000), but the generated stubs would fail it with "No message returned for unary request".
#ifndef PULUMI_SRC_INTERNAL_DEEP_CALL_H
#define PULUMI_SRC_INTERNAL_DEEP_CALL_H

#include <google/protobuf/io/coded_stream.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/client_unary_call.h>
#include <grpcpp/impl/rpc_method.h>
#include <grpcpp/support/proto_buffer_reader.h>

#include <memory>
#include <string>

namespace pulumi::internal {

/// Nesting levels a response may have (as protobuf counts them: a map value inside a Struct is 3).
inline constexpr int kMaxResponseDepth = 10000;

/// Parses a serialized message with kMaxResponseDepth as the recursion limit.
template <typename Message>
bool ParseDeep(grpc::ByteBuffer* buffer, Message* message) {
  grpc::ProtoBufferReader reader(buffer);
  if (!reader.status().ok()) return false;
  google::protobuf::io::CodedInputStream in(&reader);
  in.SetRecursionLimit(kMaxResponseDepth);
  return message->ParseFromCodedStream(&in) && in.ConsumedEntireMessage();
}

/// A blocking unary call of `method` ("/pulumirpc.ResourceMonitor/RegisterResource") whose response is
/// parsed with ParseDeep. It runs on the calling thread, as the generated stubs' blocking calls do: a
/// callback-API call completes on gRPC's own thread and costs two more thread wake-ups per call.
template <typename Request, typename Response>
grpc::Status DeepUnaryCall(std::shared_ptr<grpc::Channel> const& channel, std::string const& method,
                           Request const& request, Response* response) {
  grpc::internal::RpcMethod rpc(method.c_str(), grpc::internal::RpcMethod::NORMAL_RPC, channel);
  grpc::ClientContext ctx;
  grpc::ByteBuffer buffer;
  grpc::Status status =
      grpc::internal::BlockingUnaryCall<Request, grpc::ByteBuffer>(channel.get(), rpc, &ctx, request, &buffer);
  if (!status.ok()) return status;
  if (!ParseDeep(&buffer, response)) {
    return grpc::Status(grpc::StatusCode::INTERNAL, "cannot parse the response of " + method);
  }
  return status;
}

}  // namespace pulumi::internal

#endif  // PULUMI_SRC_INTERNAL_DEEP_CALL_H
