// libFuzzer target for the simulator's request decoding (gcpsim/src/requests.cc, values.cc) and what the
// provider does with a decoded request before it touches the cloud: the diff against the force-new table.
//
// Input: one byte choosing the message (Check, Diff, Create, Read, Update, Delete), then the message in
// protobuf's binary form. Whatever arrives, decoding returns a value or an error with a message (never
// crashes), a decoded map encodes into something that decodes again, and diffing decoded maps works and gives
// every change a path.
#include "diff.h"
#include "requests.h"
#include "values.h"

#include <google/protobuf/stubs/logging.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using pulumi::PropertyMap;
using pulumi::gcpsim::ResourceRequest;

[[noreturn]] void Broken(char const* what) {
  std::fprintf(stderr, "request_decoder_fuzzer: %s\n", what);
  std::abort();
}

void CheckRoundTrip(PropertyMap const& m) {
  // What the provider answers with must decode on the engine's side.
  auto again = pulumi::gcpsim::FromWire(pulumi::gcpsim::ToWire(m));
  if (!again.ok()) Broken("a decoded map does not decode after encoding");
}

void CheckDiff(ResourceRequest const& r) {
  auto const& table = pulumi::gcpsim::ForceNewTable::Builtin();
  for (auto const& c : pulumi::gcpsim::DiffInputs(table, r.type, r.news, r.news).changes) {
    if (c.path.empty()) Broken("a change without a path");
  }
  auto diff = pulumi::gcpsim::DiffInputs(table, r.type, r.olds, r.news, r.ignore_changes);
  for (auto const& c : diff.changes) {
    if (c.path.empty()) Broken("a change without a path");
    (void)pulumi::gcpsim::NormalizePath(c.path);
  }
  (void)diff.changed_keys();
  (void)diff.replace_keys();
}

template <typename Request>
void Run(std::uint8_t const* data, std::size_t size) {
  Request req;
  if (!req.ParseFromArray(data, static_cast<int>(size))) return;
  auto decoded = pulumi::gcpsim::Decode(req);
  if (!decoded.ok()) {
    if (decoded.status().message().empty()) Broken("an error without a message");
    return;
  }
  CheckRoundTrip(decoded->news);
  CheckRoundTrip(decoded->olds);
  CheckDiff(*decoded);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size < 1) return 0;
  switch (data[0] % 6) {
    case 0: Run<pulumirpc::CheckRequest>(data + 1, size - 1); break;
    case 1: Run<pulumirpc::DiffRequest>(data + 1, size - 1); break;
    case 2: Run<pulumirpc::CreateRequest>(data + 1, size - 1); break;
    case 3: Run<pulumirpc::ReadRequest>(data + 1, size - 1); break;
    case 4: Run<pulumirpc::UpdateRequest>(data + 1, size - 1); break;
    default: Run<pulumirpc::DeleteRequest>(data + 1, size - 1); break;
  }
  return 0;
}
