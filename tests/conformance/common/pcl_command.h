// The commands of PCL's `hook` blocks: `command = ["touch", file]` runs that program (found on PATH) in the
// program's working directory and waits for it, as Go's exec.Command(...).Run() in Pulumi's generated Go.
// Programs include it through ${PULUMI_CPP_SOURCE_DIR}/tests/conformance/common.
#ifndef PULUMI_TESTS_CONFORMANCE_PCL_COMMAND_H
#define PULUMI_TESTS_CONFORMANCE_PCL_COMMAND_H

#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace pcl {

/// Runs argv[0] with its arguments; throws std::runtime_error when it cannot start or does not exit with 0
/// ("exit status 1"), so that a hook that runs it fails.
inline void RunCommand(std::vector<std::string> const& argv) {
  if (argv.empty()) throw std::runtime_error("empty command");
  std::vector<char*> args;
  for (auto const& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  if (int err = posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ); err != 0) {
    throw std::runtime_error("exec: \"" + argv[0] + "\": " + std::strerror(err));
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error(std::string("wait: ") + std::strerror(errno));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  if (WIFEXITED(status)) throw std::runtime_error("exit status " + std::to_string(WEXITSTATUS(status)));
  throw std::runtime_error("signal: " + std::to_string(WTERMSIG(status)));
}

}  // namespace pcl

#endif  // PULUMI_TESTS_CONFORMANCE_PCL_COMMAND_H
