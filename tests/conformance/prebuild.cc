#include "prebuild.h"

#include "subprocess.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace conformance {
namespace {

namespace fs = std::filesystem;
using pulumi::host::ProcessSpec;
using pulumi::host::Stream;
using pulumi::host::Subprocess;

int Run(std::vector<std::string> argv, std::ofstream& log) {
  log << "$";
  for (auto const& a : argv) log << " " << a;
  log << std::endl;
  std::string error;
  auto p = Subprocess::Start({.argv = std::move(argv), .cwd = {}, .env = {}, .capture = true}, &error);
  if (!p) {
    log << error << std::endl;
    return 127;
  }
  int code = p->Wait([&](Stream, std::string_view data) { log << data; });
  log.flush();
  return code;
}

bool BelongsTo(std::string const& rel, std::string const& test) { return rel == test || rel.rfind(test + "/", 0) == 0; }

bool IsPolicyPack(std::string const& rel) { return rel.rfind("policies/", 0) == 0; }
bool IsPolicyTest(std::string const& test) { return test.rfind("policy-", 0) == 0; }

}  // namespace

Prebuilt BuildPrograms(PrebuildSpec const& spec, std::vector<std::string> const& tests) {
  Prebuilt out;
  std::ofstream log(spec.log, std::ios::trunc);
  // Configured on every run: a program's pulumi-local-dependencies.json decides which snapshot it links,
  // and CMake does not watch it. With a cache in place this takes seconds.
  std::vector<std::string> configure = {
      "cmake", "-S", spec.source.string(), "-B", spec.build.string(), "-G", "Ninja",
      // The programs run for milliseconds: compile them fast, without
      // debug info (the SDK library keeps its own build's flags).
      "-DCMAKE_BUILD_TYPE=Conformance", "-DCMAKE_CXX_FLAGS_CONFORMANCE=-O0 -g0",
      // Stripped: 175 executables with the SDK's debug info took 7.4 GB.
      "-DCMAKE_EXE_LINKER_FLAGS_CONFORMANCE=-s", "-DPulumiCpp_DIR=" + spec.sdk_package.string(),
      "-DCONFORMANCE_PROGRAMS=" + spec.programs.string(), "-DCONFORMANCE_SNAPSHOTS=" + spec.snapshots.string(),
      // Always set, so that dropping the flag also drops the packs.
      "-DCONFORMANCE_POLICIES=" + spec.policies.string()};
  if (access("/usr/bin/ccache", X_OK) == 0) configure.push_back("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache");
  if (Run(configure, log) != 0) {
    out.error = "configuring the conformance programs failed";
    return out;
  }
  std::map<std::string, std::string> targets;  // rel dir -> executable
  std::ifstream manifest(spec.build / "programs.tsv");
  for (std::string line; std::getline(manifest, line);) {
    auto tab = line.find('\t');
    if (tab != std::string::npos) targets[line.substr(0, tab)] = line.substr(tab + 1);
  }
  std::map<std::string, std::string> selected;  // the programs of `tests`: rel dir -> executable
  std::vector<std::string> wanted;
  bool policy_tests = std::any_of(tests.begin(), tests.end(), IsPolicyTest);
  for (auto const& [rel, target] : targets) {
    if (IsPolicyPack(rel)) {
      // Which pack a policy test uses is the suite's business: build them all.
      if (policy_tests) {
        selected[rel] = target;
        wanted.push_back(target);
      }
      continue;
    }
    for (auto const& t : tests) {
      if (BelongsTo(rel, t)) {
        selected[rel] = target;
        wanted.push_back(target);
        break;
      }
    }
  }
  if (wanted.empty()) return out;
  std::vector<std::string> build = {"cmake", "--build", spec.build.string(), "--target"};
  build.insert(build.end(), wanted.begin(), wanted.end());
  build.insert(build.end(), {"--", "-k", "0"});
  bool all_built = Run(build, log) == 0;
  for (auto const& [rel, target] : selected) {
    // After a failed build, a target that ninja still has work for did not compile: its old executable
    // (if any) is stale, so the host builds that program and the test shows the compiler's message.
    if (!all_built) {
      std::string dry;
      pulumi::host::RunCapture({.argv = {"ninja", "-C", spec.build.string(), "-n", target}}, &dry);
      if (dry.find("no work to do") == std::string::npos) {
        out.error += (out.error.empty() ? "did not compile: " : " ") + target;
        continue;
      }
    }
    fs::path binary = spec.build / "bin" / target;
    if (access(binary.c_str(), X_OK) == 0) out.binaries[rel] = binary;
  }
  return out;
}

std::string WithBinaryOption(std::string const& pulumi_yaml, std::string const& binary) {
  std::istringstream in(pulumi_yaml);
  std::string out, line;
  bool in_runtime = false, done = false;
  std::string const entry = "    binary: \"" + binary + "\"\n";
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!done && (line == "runtime: cpp" || line == "runtime: \"cpp\"")) {
      out += "runtime:\n  name: cpp\n  options:\n" + entry;
      done = true;
      continue;
    }
    bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    if (!indented) in_runtime = line == "runtime:";
    out += line + "\n";
    if (!done && in_runtime && line == "  options:") {
      out += entry;
      done = true;
    }
  }
  if (!done && pulumi_yaml.find("\nruntime:\n") != std::string::npos) {
    // A runtime block without options: add them at its end (the next top-level key, or the end).
    auto start = out.find("\nruntime:\n") + 10;
    auto next = start;
    while (next < out.size() && (out[next] == ' ' || out[next] == '\t')) next = out.find('\n', next) + 1;
    out.insert(next, "  options:\n" + entry);
    done = true;
  }
  return done ? out : "";
}

std::map<std::string, std::string> StagePolicyPacks(fs::path const& source, fs::path const& staged,
                                                    Prebuilt const& prebuilt,
                                                    std::function<bool(std::string const& pack)> const& host_built,
                                                    std::string* error) {
  std::map<std::string, std::string> packs;
  std::error_code ec;
  fs::remove_all(staged, ec);
  fs::create_directories(staged, ec);
  if (ec) {
    *error = "creating " + staged.string() + ": " + ec.message();
    return {};
  }
  for (auto const& entry : fs::directory_iterator(source, ec)) {
    auto const yaml = entry.path() / "PulumiPolicy.yaml";
    if (!entry.is_directory() || !fs::exists(yaml)) continue;
    std::string pack = entry.path().filename().string();
    fs::path dir = staged / pack;
    fs::copy(entry.path(), dir, fs::copy_options::recursive, ec);
    if (ec) {
      *error = "copying " + entry.path().string() + ": " + ec.message();
      return {};
    }
    packs[pack] = "";
    auto found = prebuilt.binaries.find("policies/" + pack);
    if (found == prebuilt.binaries.end() || host_built(pack)) continue;
    std::ifstream in(yaml);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    auto rewritten = WithBinaryOption(text, found->second.string());
    if (rewritten.empty()) {
      *error = yaml.string() + " has no `runtime: cpp` to add the binary to";
      return {};
    }
    std::ofstream(dir / "PulumiPolicy.yaml", std::ios::trunc) << rewritten;
    packs[pack] = found->second.string();
  }
  if (ec) *error = "listing " + source.string() + ": " + ec.message();
  return packs;
}

std::vector<std::string> StageWithBinaries(fs::path const& test_dir, std::string const& test, fs::path const& staged,
                                           Prebuilt const& prebuilt, std::vector<std::string> const& override_paths,
                                           std::string* error) {
  std::vector<std::string> paths;
  std::error_code ec;
  fs::remove_all(staged, ec);
  fs::create_directories(staged.parent_path());
  fs::copy(test_dir, staged, fs::copy_options::recursive, ec);
  if (ec) {
    *error = "copying " + test_dir.string() + ": " + ec.message();
    return {};
  }
  std::map<std::string, std::string> rewritten_dirs;  // a `.runs` test repeats one directory
  for (auto const& p : override_paths) {
    if (auto again = rewritten_dirs.find(p); again != rewritten_dirs.end()) {
      paths.push_back(again->second);
      continue;
    }
    auto rel = fs::path(p).lexically_relative(test_dir);
    std::string key = rel == "." ? test : test + "/" + rel.string();
    auto found = prebuilt.binaries.find(key);
    if (found == prebuilt.binaries.end()) {
      *error = key + " is not in the prebuilt programs";
      return {};
    }
    fs::path dir = rel == "." ? staged : staged / rel;
    std::ifstream in(dir / "Pulumi.yaml");
    std::string yaml((std::istreambuf_iterator<char>(in)), {});
    auto rewritten = WithBinaryOption(yaml, found->second.string());
    if (rewritten.empty()) {
      *error = (dir / "Pulumi.yaml").string() + " has no `runtime: cpp` to add the binary to";
      return {};
    }
    std::ofstream(dir / "Pulumi.yaml", std::ios::trunc) << rewritten;
    paths.push_back(dir.string());
    rewritten_dirs[p] = dir.string();
  }
  return paths;
}

}  // namespace conformance
