#include "request_file.h"

#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/util/delimited_message_util.h>

#include <fcntl.h>
#include <unistd.h>

namespace bench::peers {

bool WriteRequests(std::string const& path, std::vector<pulumirpc::RegisterResourceRequest> const& requests,
                   std::string* error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot write " + path;
    return false;
  }
  bool ok = true;
  {
    google::protobuf::io::FileOutputStream out(fd);
    for (auto const& r : requests) {
      if (!google::protobuf::util::SerializeDelimitedToZeroCopyStream(r, &out)) ok = false;
    }
    if (!out.Close()) ok = false;
  }
  if (!ok) *error = "cannot write " + path;
  return ok;
}

bool ReadRequests(std::string const& path, std::vector<pulumirpc::RegisterResourceRequest>* requests,
                  std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot read " + path;
    return false;
  }
  google::protobuf::io::FileInputStream in(fd);
  in.SetCloseOnDelete(true);
  for (;;) {
    pulumirpc::RegisterResourceRequest r;
    bool clean_eof = false;
    if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(&r, &in, &clean_eof)) {
      if (clean_eof) return true;
      *error = path + " is not a file of RegisterResource requests (corrupt after " + std::to_string(requests->size()) +
               " requests)";
      return false;
    }
    requests->push_back(std::move(r));
  }
}

}  // namespace bench::peers
