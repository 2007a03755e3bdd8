// Child processes for the language host: the CMake build of a program, and the program itself.
#ifndef PULUMI_HOST_SUBPROCESS_H
#define PULUMI_HOST_SUBPROCESS_H

#include <sys/types.h>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pulumi::host {

struct ProcessSpec {
  std::vector<std::string> argv;  // argv[0] is looked up in PATH when it has no slash
  std::string cwd;
  /// Variables set (or overridden) on top of the host's own environment.
  std::map<std::string, std::string> env;
  /// Capture stdout and stderr through pipes (else the child inherits the host's).
  bool capture = false;
  /// SIGTERM the child when the thread that started it ends (Linux PR_SET_PDEATHSIG): a plugin the host runs for
  /// the engine must not outlive a host that the engine killed before it could stop the plugin itself.
  bool terminate_with_starter = false;
};

enum class Stream { kStdout, kStderr };
using OutputSink = std::function<void(Stream, std::string_view)>;

class Subprocess {
 public:
  /// Starts the process; on failure returns null and sets *error.
  static std::unique_ptr<Subprocess> Start(ProcessSpec const& spec, std::string* error);
  ~Subprocess();
  Subprocess(Subprocess const&) = delete;
  Subprocess& operator=(Subprocess const&) = delete;

  /// Waits for the process, passing captured output to sink as it arrives. Returns the exit code, or
  /// 128 + signal number when a signal ended it.
  int Wait(OutputSink const& sink = nullptr);
  /// Sends a signal to the process and everything it started (its process group), e.g. SIGINT on cancel;
  /// safe from any thread while Wait runs.
  void Signal(int sig);
  pid_t pid() const { return pid_; }

 private:
  Subprocess() = default;
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  std::atomic<bool> exited_{false};
};

/// Runs a command to completion, capturing its combined output.
int RunCapture(ProcessSpec spec, std::string* output);

}  // namespace pulumi::host

#endif  // PULUMI_HOST_SUBPROCESS_H
