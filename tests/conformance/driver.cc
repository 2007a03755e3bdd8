// conformance_driver: runs Pulumi's language conformance suite (pulumi-test-language) against
// pulumi-language-cpp, with hand-written C++ programs as program overrides.
//
//   conformance_driver --engine-bin DIR --host PATH --programs DIR --work DIR [--jobs N] [--skips FILE]
//                      [--only REGEX] [--try-all] [--snapshots DIR] [--core-sdk DIR]
//                      [--prebuild DIR --prebuild-source DIR --sdk-package DIR [--host-built REGEX]]
//                      [--policies DIR]
//
// It starts pulumi-test-language (which prints "127.0.0.1:<port>" on stdout and closes it) and the language
// host (`pulumi-language-cpp <test-language-address>`, which prints its port as its first stdout line), calls
// PrepareLanguageTests with a program override for every directory programs/<test>/ and runs those tests.
// Tests without a program are skipped with the reason from the skips file. It prints one PASS/FAIL/SKIP line
// per test, then `conformance: P passed, F failed, S skipped` and the names, and exits non-zero if a test
// that has a program fails.
//
// The suite compares each provider SDK that GeneratePackage writes with <snapshots>/sdks/<name>-<version>
// (default <work>/snapshots; PULUMI_ACCEPT=1 rewrites them). --core-sdk <repository root> has the suite Pack
// the core SDK first (core_sdk_directory) and check that programs report it at this SDK's version
// (doc/adr/0010-conformance-packaging.md); off by default.
//
// --prebuild builds every selected program in one CMake build (prebuild.h) and hands it to the suite with
// runtime.options.binary; the programs of tests matching --host-built (and any the build cannot hold) are
// built by the language host from the suite's Pack artifacts, as a user's program would be.
//
// --policies DIR holds the policy packs of the policy-* tests (DIR/<pack>/PulumiPolicy.yaml). They are staged
// in <work>/policies, the suite's policy_pack_directory; with --prebuild they are built in the same build and
// name their binary through runtime.options.binary, except the pack of a test policy-<pack> that matches
// --host-built, which the host builds (InstallDependencies with is_plugin, then RunPlugin) like a user's pack.
//
// Program layout: programs/<test>/ holds a project (Pulumi.yaml, CMakeLists.txt, main.cc). A test with several
// runs on separate sources has programs/<test>/0/, programs/<test>/1/, ...; a test whose runs share one source
// has a single project whose `.runs` file holds the number of runs.
#include "prebuild.h"
#include "subprocess.h"

#include "pulumi/testing/language.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using pulumi::host::ProcessSpec;
using pulumi::host::Stream;
using pulumi::host::Subprocess;
using Clock = std::chrono::steady_clock;

constexpr int kMaxMessageBytes = 400 * 1024 * 1024;
constexpr auto kStartupTimeout = std::chrono::seconds(60);
constexpr auto kTestTimeout = std::chrono::minutes(15);

/// The children's pids, for the SIGINT/SIGTERM handler (which may only make async-signal-safe calls).
std::atomic<pid_t> g_children[2] = {-1, -1};

extern "C" void OnTerminate(int sig) {
  for (auto& c : g_children) {
    pid_t pid = c.load();
    if (pid > 0) kill(pid, SIGTERM);
  }
  _exit(128 + sig);
}

struct Options {
  std::string engine_bin;
  std::string host;
  std::string programs;
  std::string work;
  std::string skips;
  std::string only;
  std::string snapshots;
  std::string core_sdk;
  std::string prebuild;
  std::string prebuild_source;
  std::string sdk_package;
  std::string host_built;
  std::string policies;
  int jobs = 2;
  bool try_all = false;
};

[[noreturn]] void Usage(std::string const& error) {
  std::cerr << "conformance_driver: " << error << "\n"
            << "usage: conformance_driver --engine-bin DIR --host PATH --programs DIR --work DIR [--jobs N]\n"
            << "                          [--skips FILE] [--only REGEX] [--try-all] [--snapshots DIR]\n"
            << "                          [--core-sdk DIR] [--prebuild DIR --prebuild-source DIR --sdk-package DIR\n"
            << "                          [--host-built REGEX]] [--policies DIR]\n";
  std::exit(2);
}

Options ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Usage(a + " needs a value");
      return argv[++i];
    };
    if (a == "--engine-bin") {
      o.engine_bin = value();
    } else if (a == "--host") {
      o.host = value();
    } else if (a == "--programs") {
      o.programs = value();
    } else if (a == "--work") {
      o.work = value();
    } else if (a == "--skips") {
      o.skips = value();
    } else if (a == "--only") {
      o.only = value();
    } else if (a == "--snapshots") {
      o.snapshots = value();
    } else if (a == "--core-sdk") {
      o.core_sdk = value();
    } else if (a == "--prebuild") {
      o.prebuild = value();
    } else if (a == "--prebuild-source") {
      o.prebuild_source = value();
    } else if (a == "--sdk-package") {
      o.sdk_package = value();
    } else if (a == "--host-built") {
      o.host_built = value();
    } else if (a == "--policies") {
      o.policies = value();
    } else if (a == "--jobs") {
      try {
        o.jobs = std::max(1, std::stoi(value()));
      } catch (std::exception const&) {
        Usage("--jobs needs a number");
      }
    } else if (a == "--try-all") {
      o.try_all = true;
    } else {
      Usage("unknown argument " + a);
    }
  }
  if (o.engine_bin.empty()) {
    // The same default as tools/engine: ${PULUMI_CPP_ENGINE_BIN:-${PULUMI_CPP_CACHE:-$HOME/.cache/pulumi-cpp}/...}.
    if (char const* e = std::getenv("PULUMI_CPP_ENGINE_BIN"); e && *e) {
      o.engine_bin = e;
    } else {
      char const* cache = std::getenv("PULUMI_CPP_CACHE");
      char const* home = std::getenv("HOME");
      o.engine_bin = (cache && *cache ? std::string(cache) : std::string(home ? home : "/tmp") + "/.cache/pulumi-cpp") +
                     "/engine/" PULUMI_ENGINE_VERSION "/bin";
    }
  }
  if (o.host.empty()) Usage("--host is required");
  if (o.programs.empty()) Usage("--programs is required");
  if (o.work.empty()) Usage("--work is required");
  if (!o.prebuild.empty() && (o.prebuild_source.empty() || o.sdk_package.empty())) {
    Usage("--prebuild needs --prebuild-source and --sdk-package");
  }
  return o;
}

/// A child process whose output is collected by a thread: stdout into a buffer (for the address line),
/// both streams appended to a log file.
class Child {
 public:
  Child(std::string name, ProcessSpec spec, std::string const& log_path, std::atomic<pid_t>* pid_slot)
      : name_(std::move(name)), pid_slot_(pid_slot) {
    log_.open(log_path, std::ios::trunc);
    std::string error;
    spec.capture = true;
    process_ = Subprocess::Start(spec, &error);
    if (!process_) throw std::runtime_error("cannot start " + name_ + ": " + error);
    pid_slot_->store(process_->pid());
    reader_ = std::thread([this] {
      int code = process_->Wait([this](Stream s, std::string_view data) {
        std::lock_guard lock(mu_);
        if (s == Stream::kStdout) stdout_.append(data);
        log_ << data;
        log_.flush();
        last_output_ = Clock::now();
        cv_.notify_all();
      });
      std::lock_guard lock(mu_);
      exit_code_ = code;
      cv_.notify_all();
    });
  }

  ~Child() { Stop(); }
  Child(Child const&) = delete;
  Child& operator=(Child const&) = delete;

  /// Waits until stdout holds a match of `pattern` that no more output follows for a moment (the address
  /// may come without a newline); returns the first capture group.
  std::string WaitFor(std::regex const& pattern, bool need_newline) {
    std::unique_lock lock(mu_);
    auto deadline = Clock::now() + kStartupTimeout;
    for (;;) {
      std::smatch m;
      if (std::regex_search(stdout_, m, pattern)) {
        bool complete = need_newline
                            ? stdout_.find('\n') != std::string::npos
                            : exit_code_.has_value() || Clock::now() - last_output_ > std::chrono::milliseconds(200);
        if (complete || (!need_newline && stdout_.size() > static_cast<std::size_t>(m.position(0) + m.length(0)))) {
          return m[1].str();
        }
      }
      if (exit_code_) {
        throw std::runtime_error(name_ + " exited with code " + std::to_string(*exit_code_) +
                                 " before printing its address; see its log");
      }
      if (Clock::now() > deadline) throw std::runtime_error(name_ + " did not print its address in time");
      cv_.wait_for(lock, std::chrono::milliseconds(50));
    }
  }

  /// SIGTERM, then SIGKILL; waits for the reader thread.
  void Stop() {
    if (!process_) return;
    for (int sig : {SIGTERM, SIGKILL}) {
      std::unique_lock lock(mu_);
      if (exit_code_) break;
      process_->Signal(sig);
      cv_.wait_for(lock, std::chrono::seconds(10), [&] { return exit_code_.has_value(); });
    }
    bool exited = false;
    {
      std::lock_guard lock(mu_);
      exited = exit_code_.has_value();
    }
    pid_slot_->store(-1);
    if (exited) {
      if (reader_.joinable()) reader_.join();
      process_.reset();
    } else {
      // Something still holds the output pipes open; leave the thread and the process object behind.
      std::cerr << "conformance: " << name_ << " did not exit\n";
      reader_.detach();
      (void)process_.release();
    }
  }

 private:
  std::string name_;
  std::atomic<pid_t>* pid_slot_;
  std::unique_ptr<Subprocess> process_;
  std::thread reader_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::string stdout_;
  std::ofstream log_;
  Clock::time_point last_output_ = Clock::now();
  std::optional<int> exit_code_;
};

std::string Trim(std::string s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

/// Skip reasons: lines "<test-name-or-regex> <reason>", '#' comments. The first matching line wins.
std::vector<std::pair<std::regex, std::string>> ReadSkips(std::string const& path) {
  std::vector<std::pair<std::regex, std::string>> out;
  if (path.empty()) return out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    auto sp = line.find_first_of(" \t");
    std::string pattern = line.substr(0, sp);
    std::string reason = sp == std::string::npos ? "skipped" : Trim(line.substr(sp));
    out.emplace_back(std::regex(pattern), reason);
  }
  return out;
}

/// The override paths of a test: numbered subdirectories for separate runs, else the directory itself,
/// repeated as often as its `.runs` file says.
std::vector<std::string> OverridePaths(fs::path const& dir) {
  std::vector<std::string> paths;
  for (int i = 0;; ++i) {
    auto sub = dir / std::to_string(i);
    if (!fs::is_directory(sub)) break;
    paths.push_back(sub.string());
  }
  if (!paths.empty()) return paths;
  int runs = 1;
  if (std::ifstream in(dir / ".runs"); in) in >> runs;
  for (int i = 0; i < std::max(1, runs); ++i) paths.push_back(dir.string());
  return paths;
}

std::string Indent(std::string const& text, std::string const& prefix, std::size_t max_chars) {
  std::string s = text;
  if (s.size() > max_chars) s = "...\n" + s.substr(s.size() - max_chars);
  std::istringstream in(s);
  std::string line, out;
  while (std::getline(in, line)) out += prefix + line + "\n";
  return out;
}

struct Result {
  enum Kind { kPass, kFail, kSkip } kind;
  std::string detail;
};

}  // namespace

int main(int argc, char** argv) {
  Options opts = ParseOptions(argc, argv);
  signal(SIGPIPE, SIG_IGN);
  // Interrupted (or timed out by CTest with SIGTERM): take the children down too.
  signal(SIGINT, OnTerminate);
  signal(SIGTERM, OnTerminate);
  auto started = Clock::now();

  fs::path work = fs::absolute(opts.work);
  // The children run in the work directory.
  if (opts.host.find('/') != std::string::npos) opts.host = fs::absolute(opts.host).string();
  opts.engine_bin = fs::absolute(opts.engine_bin).string();
  fs::path programs = fs::absolute(opts.programs);
  fs::create_directories(work);
  fs::path test_language = fs::path(opts.engine_bin) / "pulumi-test-language";
  if (!fs::exists(test_language)) {
    std::cerr << "conformance: " << test_language << " does not exist (build it with tools/engine, or set "
              << "PULUMI_CPP_ENGINE_BIN)\n";
    return 2;
  }

  // The engine's own binaries come first in PATH, as for the real CLI.
  std::string path = opts.engine_bin + ":" + (std::getenv("PATH") ? std::getenv("PATH") : "");
  // A PULUMI_HOME of its own keeps the suite's plugin cache and logs out of the user's ~/.pulumi.
  fs::create_directories(work / "pulumi-home");
  // Program builds stay in the build tree, not in the user's cache (they are ~36 MB each).
  std::map<std::string, std::string> env{{"PATH", path},
                                         {"PULUMI_HOME", (work / "pulumi-home").string()},
                                         {"PULUMI_CPP_PROGRAM_BUILD_ROOT", (work / "program-builds").string()},
                                         {"PULUMI_SKIP_UPDATE_CHECK", "true"}};

  std::unique_ptr<Child> server;
  std::unique_ptr<Child> host;
  std::string server_address;
  std::string host_port;
  try {
    server = std::make_unique<Child>("pulumi-test-language",
                                     ProcessSpec{.argv = {test_language.string()}, .cwd = work.string(), .env = env},
                                     (work / "pulumi-test-language.log").string(), &g_children[0]);
    server_address = server->WaitFor(std::regex(R"(^\s*(127\.0\.0\.1:\d+))"), false);
    host = std::make_unique<Child>("pulumi-language-cpp",
                                   ProcessSpec{.argv = {opts.host, server_address}, .cwd = work.string(), .env = env},
                                   (work / "pulumi-language-cpp.log").string(), &g_children[1]);
    host_port = host->WaitFor(std::regex(R"(^\s*(\d+)\s*\n)"), true);
  } catch (std::exception const& e) {
    std::cerr << "conformance: " << e.what() << " (logs in " << work.string() << ")\n";
    return 2;
  }
  std::cout << "conformance: pulumi-test-language at " << server_address
            << ", pulumi-language-cpp at 127.0.0.1:" << host_port << std::endl;

  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(kMaxMessageBytes);
  args.SetMaxSendMessageSize(kMaxMessageBytes);
  auto channel = grpc::CreateCustomChannel(server_address, grpc::InsecureChannelCredentials(), args);
  auto stub = pulumirpc::testing::LanguageTest::NewStub(channel);

  int exit_code = 0;
  std::map<std::string, Result> results;
  do {
    pulumirpc::testing::GetLanguageTestsResponse all;
    {
      grpc::ClientContext ctx;
      ctx.set_deadline(std::chrono::system_clock::now() + kStartupTimeout);
      auto status = stub->GetLanguageTests(&ctx, pulumirpc::testing::GetLanguageTestsRequest(), &all);
      if (!status.ok()) {
        std::cerr << "conformance: GetLanguageTests failed: " << status.error_message() << "\n";
        exit_code = 2;
        break;
      }
    }
    std::optional<std::regex> only;
    if (!opts.only.empty()) only.emplace(opts.only);
    auto skips = ReadSkips(opts.skips);

    pulumirpc::testing::PrepareLanguageTestsRequest prepare;
    prepare.set_language_plugin_name("cpp");
    prepare.set_language_plugin_target("127.0.0.1:" + host_port);
    prepare.set_snapshot_directory(opts.snapshots.empty() ? (work / "snapshots").string()
                                                          : fs::absolute(opts.snapshots).string());
    prepare.set_temporary_directory((work / "tmp").string());
    if (!opts.core_sdk.empty()) {
      prepare.set_core_sdk_directory(fs::absolute(opts.core_sdk).string());
      prepare.set_core_sdk_version(PULUMI_CPP_VERSION);
    }
    std::vector<std::string> to_run;
    std::vector<std::string> with_program;
    for (auto const& test : all.tests()) {
      if (only && !std::regex_search(test, *only)) continue;
      fs::path dir = programs / test;
      if (fs::is_directory(dir)) {
        with_program.push_back(test);
        to_run.push_back(test);
        continue;
      }
      std::string reason = "no C++ program for this test";
      for (auto const& [pattern, r] : skips) {
        if (std::regex_match(test, pattern)) {
          reason = r;
          break;
        }
      }
      if (opts.try_all) {
        to_run.push_back(test);
      } else {
        results[test] = {Result::kSkip, reason};
      }
    }
    for (auto const& [test, r] : results) std::cout << "SKIP " << test << ": " << r.detail << "\n";
    std::cout.flush();

    std::optional<std::regex> host_built;
    if (!opts.host_built.empty()) host_built.emplace(opts.host_built);
    conformance::Prebuilt prebuilt;
    if (!opts.prebuild.empty()) {
      std::vector<std::string> prebuild_tests;
      for (auto const& t : with_program) {
        if (!host_built || !std::regex_search(t, *host_built)) prebuild_tests.push_back(t);
      }
      auto t0 = Clock::now();
      conformance::PrebuildSpec spec{.source = fs::absolute(opts.prebuild_source),
                                     .build = fs::absolute(opts.prebuild),
                                     .programs = programs,
                                     .snapshots = fs::path(prepare.snapshot_directory()),
                                     .sdk_package = fs::absolute(opts.sdk_package),
                                     .policies = opts.policies.empty() ? fs::path() : fs::absolute(opts.policies),
                                     .log = work / "prebuild.log"};
      prebuilt = conformance::BuildPrograms(spec, prebuild_tests);
      std::cout << "conformance: prebuilt " << prebuilt.binaries.size() << " programs in "
                << static_cast<int>(std::chrono::duration<double>(Clock::now() - t0).count()) << "s ("
                << spec.log.string() << ")" << (prebuilt.error.empty() ? "" : "; " + prebuilt.error) << std::endl;
    }
    if (!opts.policies.empty()) {
      std::string error;
      auto packs = conformance::StagePolicyPacks(
          fs::absolute(opts.policies), work / "policies", prebuilt,
          [&](std::string const& pack) { return host_built && std::regex_search("policy-" + pack, *host_built); },
          &error);
      if (!error.empty()) {
        std::cerr << "conformance: staging the policy packs: " << error << "\n";
        exit_code = 2;
        break;
      }
      std::string by_host;
      for (auto const& [pack, binary] : packs) {
        if (binary.empty()) by_host += " " + pack;
      }
      bool policy_tests =
          std::any_of(to_run.begin(), to_run.end(), [](std::string const& t) { return t.rfind("policy-", 0) == 0; });
      if (policy_tests) {
        std::cout << "conformance: " << packs.size() << " policy packs in " << (work / "policies").string()
                  << (by_host.empty() ? "" : "; built by the host:" + by_host) << std::endl;
      }
      prepare.set_policy_pack_directory((work / "policies").string());
    }
    for (auto const& test : with_program) {
      fs::path dir = programs / test;
      auto paths = OverridePaths(dir);
      if (!prebuilt.binaries.empty() && (!host_built || !std::regex_search(test, *host_built))) {
        std::string error;
        auto staged =
            conformance::StageWithBinaries(dir, test, work / "prebuilt-overrides" / test, prebuilt, paths, &error);
        if (error.empty()) paths = staged;  // else the host builds it (and shows why it fails, if it does)
      }
      auto& o = (*prepare.mutable_program_overrides())[test];
      for (auto const& p : paths) o.add_paths(p);
    }

    pulumirpc::testing::PrepareLanguageTestsResponse prepared;
    {
      grpc::ClientContext ctx;
      ctx.set_deadline(std::chrono::system_clock::now() + kStartupTimeout);
      auto status = stub->PrepareLanguageTests(&ctx, prepare, &prepared);
      if (!status.ok()) {
        std::cerr << "conformance: PrepareLanguageTests failed: " << status.error_message() << "\n";
        exit_code = 2;
        break;
      }
    }

    std::mutex mu;
    std::size_t next = 0;
    auto worker = [&] {
      for (;;) {
        std::string test;
        {
          std::lock_guard lock(mu);
          if (next >= to_run.size()) return;
          test = to_run[next++];
        }
        auto t0 = Clock::now();
        pulumirpc::testing::RunLanguageTestRequest req;
        req.set_token(prepared.token());
        req.set_test(test);
        pulumirpc::testing::RunLanguageTestResponse resp;
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + kTestTimeout);
        auto status = stub->RunLanguageTest(&ctx, req, &resp);
        double secs = std::chrono::duration<double>(Clock::now() - t0).count();
        char timing[32];
        std::snprintf(timing, sizeof timing, " (%.1fs)", secs);
        Result r{Result::kPass, ""};
        std::string report;
        if (!status.ok()) {
          r = {Result::kFail, "RunLanguageTest failed: " + status.error_message()};
          report = "FAIL " + test + timing + "\n    " + r.detail + "\n";
        } else if (!resp.success()) {
          std::string messages;
          for (auto const& m : resp.messages()) messages += m + "\n";
          r = {Result::kFail, messages};
          report = "FAIL " + test + timing + "\n" + Indent(messages, "    ", 6000);
          if (!resp.stdout().empty()) report += "  stdout:\n" + Indent(resp.stdout(), "    ", 3000);
          if (!resp.stderr().empty()) report += "  stderr:\n" + Indent(resp.stderr(), "    ", 3000);
        } else {
          report = "PASS " + test + timing + "\n";
        }
        std::lock_guard lock(mu);
        results[test] = r;
        std::cout << report << std::flush;
      }
    };
    std::vector<std::thread> workers;
    for (int i = 0; i < opts.jobs; ++i) workers.emplace_back(worker);
    for (auto& w : workers) w.join();
  } while (false);

  host.reset();
  server.reset();

  std::vector<std::string> passed, failed, skipped;
  for (auto const& [test, r] : results) {
    (r.kind == Result::kPass ? passed : r.kind == Result::kFail ? failed : skipped).push_back(test);
  }
  auto join = [](std::vector<std::string> const& v) {
    std::string s;
    for (auto const& t : v) s += (s.empty() ? "" : " ") + t;
    return s;
  };
  double total = std::chrono::duration<double>(Clock::now() - started).count();
  std::cout << "conformance: took " << static_cast<int>(total) << "s; logs in " << work.string() << "\n";
  std::cout << "conformance: " << passed.size() << " passed, " << failed.size() << " failed, " << skipped.size()
            << " skipped\n";
  std::cout << "passed: " << join(passed) << "\n";
  std::cout << "failed: " << join(failed) << "\n";
  std::cout << "skipped: " << join(skipped) << std::endl;
  if (exit_code != 0) return exit_code;
  // With --try-all, tests without a program are expected to fail and do not fail the run.
  for (auto const& t : failed) {
    if (fs::is_directory(programs / t)) return 1;
  }
  return 0;
}
