// The raw RegisterResource requests of one run, as a file: each request serialized and prefixed with its
// length (protobuf's delimited format), in the order the engine received them. The engine writes it; the
// floor replays it.
#ifndef PULUMI_BENCH_PEERS_REQUEST_FILE_H
#define PULUMI_BENCH_PEERS_REQUEST_FILE_H

#include "pulumi/resource.pb.h"

#include <string>
#include <vector>

namespace bench::peers {

/// Writes `requests` to `path`; false (and `*error`) when the file cannot be written.
bool WriteRequests(std::string const& path, std::vector<pulumirpc::RegisterResourceRequest> const& requests,
                   std::string* error);

/// Reads what WriteRequests wrote; false (and `*error`) for a missing or corrupt file.
bool ReadRequests(std::string const& path, std::vector<pulumirpc::RegisterResourceRequest>* requests,
                  std::string* error);

}  // namespace bench::peers

#endif  // PULUMI_BENCH_PEERS_REQUEST_FILE_H
