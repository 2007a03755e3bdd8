#include "subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace pulumi::host {
namespace {

std::vector<std::string> MergedEnvironment(std::map<std::string, std::string> const& overrides) {
  std::map<std::string, std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view kv(*e);
    auto eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    env[std::string(kv.substr(0, eq))] = std::string(kv.substr(eq + 1));
  }
  for (auto const& [k, v] : overrides) env[k] = v;
  std::vector<std::string> out;
  out.reserve(env.size());
  for (auto const& [k, v] : env) out.push_back(k + "=" + v);
  return out;
}

}  // namespace

std::unique_ptr<Subprocess> Subprocess::Start(ProcessSpec const& spec, std::string* error) {
  if (spec.argv.empty()) {
    *error = "no command given";
    return nullptr;
  }
  int out_pipe[2] = {-1, -1};
  int err_pipe[2] = {-1, -1};
  int exec_pipe[2] = {-1, -1};  // reports exec failures from the child
  if (spec.capture && (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0)) {
    *error = std::string("pipe: ") + std::strerror(errno);
    return nullptr;
  }
  if (pipe2(exec_pipe, O_CLOEXEC) != 0) {
    *error = std::string("pipe: ") + std::strerror(errno);
    return nullptr;
  }
  auto env = MergedEnvironment(spec.env);
  std::vector<char*> envp;
  envp.reserve(env.size() + 1);
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = spec.argv;
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    *error = std::string("fork: ") + std::strerror(errno);
    return nullptr;
  }
  if (pid == 0) {
    // Child: only async-signal-safe calls from here on.
    if (spec.capture) {
      dup2(out_pipe[1], STDOUT_FILENO);
      dup2(err_pipe[1], STDERR_FILENO);
    }
    if (!spec.cwd.empty() && chdir(spec.cwd.c_str()) != 0) {
      int e = errno;
      (void)!write(exec_pipe[1], &e, sizeof e);
      _exit(127);
    }
    // Its own process group, so that a cancel reaches everything it started.
    setpgid(0, 0);
    if (spec.terminate_with_starter) {
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      // The starter may have gone between fork and prctl: then nobody would signal us.
      if (getppid() != parent) _exit(143);
    }
    // The program gets default signal handling whatever the host set (the host blocks SIGINT in all its
    // threads, and a blocked mask survives exec).
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    execvpe(argv[0], argv.data(), envp.data());
    int e = errno;
    (void)!write(exec_pipe[1], &e, sizeof e);
    _exit(127);
  }
  close(exec_pipe[1]);
  int child_errno = 0;
  ssize_t n = read(exec_pipe[0], &child_errno, sizeof child_errno);
  close(exec_pipe[0]);
  if (spec.capture) {
    close(out_pipe[1]);
    close(err_pipe[1]);
  }
  if (n == static_cast<ssize_t>(sizeof child_errno)) {
    waitpid(pid, nullptr, 0);
    if (spec.capture) {
      close(out_pipe[0]);
      close(err_pipe[0]);
    }
    *error =
        "cannot run " + spec.argv[0] + (spec.cwd.empty() ? "" : " in " + spec.cwd) + ": " + std::strerror(child_errno);
    return nullptr;
  }
  std::unique_ptr<Subprocess> p(new Subprocess());
  p->pid_ = pid;
  if (spec.capture) {
    p->out_fd_ = out_pipe[0];
    p->err_fd_ = err_pipe[0];
  }
  return p;
}

Subprocess::~Subprocess() {
  if (!exited_ && pid_ > 0) {
    kill(-pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (out_fd_ >= 0) close(out_fd_);
  if (err_fd_ >= 0) close(err_fd_);
}

int Subprocess::Wait(OutputSink const& sink) {
  char buf[8192];
  while (out_fd_ >= 0 || err_fd_ >= 0) {
    pollfd fds[2];
    int count = 0;
    if (out_fd_ >= 0) fds[count++] = {out_fd_, POLLIN, 0};
    if (err_fd_ >= 0) fds[count++] = {err_fd_, POLLIN, 0};
    if (poll(fds, static_cast<nfds_t>(count), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < count; ++i) {
      if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      bool is_out = fds[i].fd == out_fd_;
      if (n > 0) {
        if (sink) sink(is_out ? Stream::kStdout : Stream::kStderr, std::string_view(buf, static_cast<std::size_t>(n)));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        (is_out ? out_fd_ : err_fd_) = -1;
      }
    }
  }
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  exited_ = true;
  // Whatever the process left running in its group (e.g. a background job) goes with it.
  kill(-pid_, SIGKILL);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}

void Subprocess::Signal(int sig) {
  if (!exited_ && pid_ > 0) kill(-pid_, sig);
}

int RunCapture(ProcessSpec spec, std::string* output) {
  spec.capture = true;
  std::string error;
  auto p = Subprocess::Start(spec, &error);
  if (!p) {
    *output = error;
    return 127;
  }
  return p->Wait([&](Stream, std::string_view data) { output->append(data); });
}

}  // namespace pulumi::host
