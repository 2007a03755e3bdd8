#include "language_host.h"

#include "local_dependencies.h"
#include "package_artifacts.h"
#include "program.h"
#include "pulumi/codegen/generator.h"
#include "pulumi/codegen/schema_loader.h"

#include <nlohmann/json.hpp>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace pulumi::host {
namespace {

namespace fs = std::filesystem;

constexpr int kExitStatusLoggedError = 32;

std::string ProgramDirectory(pulumirpc::ProgramInfo const& info, std::string const& fallback) {
  if (!info.program_directory().empty()) return info.program_directory();
  if (!info.root_directory().empty()) return info.root_directory();
  return fallback.empty() ? fs::current_path().string() : fallback;
}

std::string OptionString(pulumirpc::ProgramInfo const& info, char const* key) {
  auto const& fields = info.options().fields();
  auto it = fields.find(key);
  if (it == fields.end() || it->second.kind_case() != google::protobuf::Value::kStringValue) return "";
  return it->second.string_value();
}

RuntimeOptions OptionsOf(pulumirpc::ProgramInfo const& info) {
  RuntimeOptions o;
  o.binary = OptionString(info, "binary");
  o.target = OptionString(info, "target");
  if (auto t = OptionString(info, "buildType"); !t.empty()) o.build_type = t;
  return o;
}

/// A plugin's runtime options: those the request carries (the engine reads them from the plugin's YAML when it
/// runs it), else those of PulumiPlugin.yaml or PulumiPolicy.yaml in its directory (the conformance suite's
/// InstallDependencies for a policy pack sends none).
RuntimeOptions PluginOptionsOf(pulumirpc::ProgramInfo const& info, std::string const& dir) {
  if (info.options().fields_size() > 0) return OptionsOf(info);
  for (char const* file : {"PulumiPlugin.yaml", "PulumiPolicy.yaml"}) {
    std::ifstream in(fs::path(dir) / file);
    if (in) return ParseRuntimeOptions(std::string(std::istreambuf_iterator<char>(in), {}));
  }
  return {};
}

/// The top-level `name:` of a YAML file (read without a YAML library), or "".
std::string YamlName(fs::path const& file) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("name:", 0) == 0) {
      auto v = line.substr(5);
      auto b = v.find_first_not_of(" \t\"'");
      auto e = v.find_last_not_of(" \t\"'\r");
      if (b != std::string::npos) return v.substr(b, e - b + 1);
    }
  }
  return "";
}

/// The project name from Pulumi.yaml, for the default CMake target.
std::string ProjectName(std::string const& root_dir) { return YamlName(fs::path(root_dir) / "Pulumi.yaml"); }

/// The default CMake target of a plugin (policy pack, component provider): the name in PulumiPlugin.yaml,
/// PulumiPolicy.yaml or Pulumi.yaml, else the directory's name.
std::string PluginName(std::string const& dir) {
  for (char const* file : {"PulumiPlugin.yaml", "PulumiPolicy.yaml", "Pulumi.yaml"}) {
    if (auto name = YamlName(fs::path(dir) / file); !name.empty()) return name;
  }
  auto path = fs::path(dir).lexically_normal();
  if (!path.has_filename()) path = path.parent_path();  // "dir/"
  return path.filename().string();
}

grpc::Status ManifestPackages(pulumirpc::ProgramInfo const& info, std::vector<PackageRequirement>* out) {
  std::string error;
  *out = RequiredPackages(ProgramDirectory(info, ""), &error);
  if (!error.empty()) return {grpc::StatusCode::INVALID_ARGUMENT, error};
  return grpc::Status::OK;
}

std::string ConfigJson(pulumirpc::RunRequest const& req) {
  nlohmann::json config = nlohmann::json::object();
  for (auto const& [k, v] : req.config()) config[k] = v;
  return config.dump();
}

std::string SecretKeysJson(pulumirpc::RunRequest const& req) {
  nlohmann::json keys = nlohmann::json::array();
  for (auto const& k : req.configsecretkeys()) keys.push_back(k);
  return keys.dump();
}

}  // namespace

std::string LanguageHost::engine_address() const {
  std::lock_guard lock(mu_);
  return engine_address_;
}

grpc::Status LanguageHost::Handshake(grpc::ServerContext*, pulumirpc::LanguageHandshakeRequest const* req,
                                     pulumirpc::LanguageHandshakeResponse*) {
  std::lock_guard lock(mu_);
  engine_address_ = req->engine_address();
  return grpc::Status::OK;
}

grpc::Status LanguageHost::GetPluginInfo(grpc::ServerContext*, google::protobuf::Empty const*,
                                         pulumirpc::PluginInfo* resp) {
  resp->set_version(PULUMI_CPP_VERSION);
  return grpc::Status::OK;
}

grpc::Status LanguageHost::GetRequiredPlugins(grpc::ServerContext*, pulumirpc::GetRequiredPluginsRequest const* req,
                                              pulumirpc::GetRequiredPluginsResponse* resp) {
  std::vector<PackageRequirement> packages;
  if (auto s = ManifestPackages(req->info(), &packages); !s.ok()) return s;
  for (auto const& p : packages) {
    auto* d = resp->add_plugins();
    d->set_name(p.name);
    d->set_kind("resource");
    d->set_version(p.version);
    d->set_server(p.server);
  }
  return grpc::Status::OK;
}

grpc::Status LanguageHost::GetRequiredPackages(grpc::ServerContext*, pulumirpc::GetRequiredPackagesRequest const* req,
                                               pulumirpc::GetRequiredPackagesResponse* resp) {
  std::vector<PackageRequirement> packages;
  if (auto s = ManifestPackages(req->info(), &packages); !s.ok()) return s;
  for (auto const& p : packages) {
    auto* d = resp->add_packages();
    d->set_name(p.name);
    d->set_kind("resource");
    d->set_version(p.version);
    d->set_server(p.server);
    if (!p.parameterization_name.empty()) {
      auto* param = d->mutable_parameterization();
      param->set_name(p.parameterization_name);
      param->set_version(p.parameterization_version);
      param->set_value(p.parameterization_value);
    }
  }
  return grpc::Status::OK;
}

grpc::Status LanguageHost::InstallDependencies(grpc::ServerContext*, pulumirpc::InstallDependenciesRequest const* req,
                                               grpc::ServerWriter<pulumirpc::InstallDependenciesResponse>* writer) {
  auto dir = ProgramDirectory(req->info(), req->directory());
  auto options = req->is_plugin() ? PluginOptionsOf(req->info(), dir) : OptionsOf(req->info());
  if (!options.binary.empty()) return grpc::Status::OK;  // a prebuilt program needs nothing
  if (!fs::is_directory(dir)) {
    return {grpc::StatusCode::INVALID_ARGUMENT, "InstallDependencies: the directory " + dir + " does not exist"};
  }
  std::string target = options.target;
  if (target.empty() && req->is_plugin()) target = PluginName(dir);
  if (target.empty()) target = ProjectName(req->info().root_directory().empty() ? dir : req->info().root_directory());
  if (target.empty()) return {grpc::StatusCode::FAILED_PRECONDITION, "no project name in " + dir + "/Pulumi.yaml"};
  std::mutex write_mu;
  auto result = BuildProgram(dir, target, options, [&](Stream s, std::string_view data) {
    pulumirpc::InstallDependenciesResponse chunk;
    (s == Stream::kStdout ? *chunk.mutable_stdout() : *chunk.mutable_stderr()) = std::string(data);
    std::lock_guard lock(write_mu);
    writer->Write(chunk);
  });
  if (!result.ok) return {grpc::StatusCode::UNKNOWN, result.error};
  return grpc::Status::OK;
}

grpc::Status LanguageHost::GetProgramDependencies(grpc::ServerContext*,
                                                  pulumirpc::GetProgramDependenciesRequest const* req,
                                                  pulumirpc::GetProgramDependenciesResponse* resp) {
  // The SDK the program builds against: the linked core SDK's version, else the one this host came with.
  std::string error;
  auto sdk_version = LinkedSdkVersion(ProgramDirectory(req->info(), ""), &error);
  if (!error.empty()) return {grpc::StatusCode::INVALID_ARGUMENT, error};
  auto* sdk = resp->add_dependencies();
  sdk->set_name("pulumi-cpp");
  sdk->set_version(sdk_version.empty() ? PULUMI_CPP_VERSION : sdk_version);
  std::vector<PackageRequirement> packages;
  if (auto s = ManifestPackages(req->info(), &packages); !s.ok()) return s;
  for (auto const& p : packages) {
    auto* d = resp->add_dependencies();
    d->set_name(PackageName(p));
    d->set_version(PackageVersion(p));
  }
  return grpc::Status::OK;
}

grpc::Status LanguageHost::About(grpc::ServerContext*, pulumirpc::AboutRequest const*, pulumirpc::AboutResponse* resp) {
  std::string version;
  RunCapture({.argv = {"c++", "--version"}}, &version);
  resp->set_executable("c++");
  resp->set_version(version.substr(0, version.find('\n')));
  std::string cmake;
  RunCapture({.argv = {"cmake", "--version"}}, &cmake);
  (*resp->mutable_metadata())["cmake"] = cmake.substr(0, cmake.find('\n'));
  (*resp->mutable_metadata())["sdk"] = PULUMI_CPP_VERSION;
  return grpc::Status::OK;
}

grpc::Status LanguageHost::Run(grpc::ServerContext*, pulumirpc::RunRequest const* req, pulumirpc::RunResponse* resp) {
  auto dir = ProgramDirectory(req->info(), req->pwd());
  auto options = OptionsOf(req->info());
  std::string binary;
  if (!options.binary.empty()) {
    auto found = FindBinary(dir, options.binary);
    if (!found) {
      resp->set_error("runtime.options.binary '" + options.binary + "' was not found in " + dir + " or in PATH");
      return grpc::Status::OK;
    }
    binary = *found;
  } else {
    auto target = options.target.empty() ? req->project() : options.target;
    // Build output goes to stderr only when the build fails; a successful incremental build stays quiet.
    auto build = BuildProgram(dir, target, options, nullptr);
    if (!build.ok) {
      resp->set_error(build.error);
      return grpc::Status::OK;
    }
    binary = build.binary;
  }

  ProcessSpec spec{.argv = {binary}, .cwd = req->pwd().empty() ? dir : req->pwd(), .env = {}, .capture = false};
  for (auto const& a : req->args()) spec.argv.push_back(a);
  auto set = [&](char const* k, std::string const& v) {
    if (!v.empty()) spec.env[k] = v;
  };
  set("PULUMI_ORGANIZATION", req->organization());
  set("PULUMI_PROJECT", req->project());
  set("PULUMI_ROOT_DIRECTORY", req->info().root_directory());
  set("PULUMI_STACK", req->stack());
  set("PULUMI_CONFIG", ConfigJson(*req));
  set("PULUMI_CONFIG_SECRET_KEYS", SecretKeysJson(*req));
  set("PULUMI_DRY_RUN", req->dryrun() ? "true" : "false");
  set("PULUMI_PARALLEL", std::to_string(req->parallel()));
  set("PULUMI_MONITOR", req->monitor_address());
  set("PULUMI_ENGINE", engine_address());

  std::string error;
  auto program = Subprocess::Start(spec, &error);
  if (!program) {
    resp->set_error(error);
    return grpc::Status::OK;
  }
  {
    std::lock_guard lock(mu_);
    running_ = program.get();
    ++run_generation_;
  }
  int code = program->Wait();
  {
    std::lock_guard lock(mu_);
    running_ = nullptr;
  }
  if (code == kExitStatusLoggedError) {
    resp->set_bail(true);
  } else if (code != 0) {
    resp->set_error("program exited with non-zero exit code: " + std::to_string(code));
  }
  return grpc::Status::OK;
}

grpc::Status LanguageHost::RunPlugin(grpc::ServerContext* ctx, pulumirpc::RunPluginRequest const* req,
                                     grpc::ServerWriter<pulumirpc::RunPluginResponse>* writer) {
  auto dir = ProgramDirectory(req->info(), req->pwd());
  auto options = PluginOptionsOf(req->info(), dir);
  std::string binary;
  if (!options.binary.empty()) {
    auto found = FindBinary(dir, options.binary);
    if (!found) {
      return {grpc::StatusCode::NOT_FOUND,
              "runtime.options.binary '" + options.binary + "' was not found in " + dir + " or in PATH"};
    }
    binary = *found;
  } else {
    auto target = options.target.empty() ? PluginName(dir) : options.target;
    auto build = BuildProgram(dir, target, options, nullptr);
    if (!build.ok) return {grpc::StatusCode::FAILED_PRECONDITION, build.error};
    binary = build.binary;
  }
  // The RunPlugin handler thread starts the plugin and lives as long as it runs (see the watcher below).
  ProcessSpec spec{.argv = {binary},
                   .cwd = req->pwd().empty() ? dir : req->pwd(),
                   .env = {},
                   .capture = true,
                   .terminate_with_starter = true};
  for (auto const& a : req->args()) spec.argv.push_back(a);
  for (auto const& e : req->env()) {
    auto eq = e.find('=');
    if (eq != std::string::npos) spec.env[e.substr(0, eq)] = e.substr(eq + 1);
  }
  std::string error;
  auto plugin = Subprocess::Start(spec, &error);
  if (!plugin) return {grpc::StatusCode::INTERNAL, "starting " + binary + ": " + error};
  // The engine ends a plugin by hanging up on this stream: SIGTERM, then SIGKILL after the grace period.
  std::atomic<bool> done{false};
  std::thread watcher([&] {
    bool terminated = false;
    auto since = std::chrono::steady_clock::now();
    while (!done.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (!ctx->IsCancelled() || done.load()) continue;
      if (!terminated) {
        plugin->Signal(SIGTERM);
        terminated = true;
        since = std::chrono::steady_clock::now();
      } else if (std::chrono::steady_clock::now() - since > std::chrono::seconds(kCancelGraceSeconds)) {
        plugin->Signal(SIGKILL);
        return;
      }
    }
  });
  std::mutex write_mu;
  int code = plugin->Wait([&](Stream s, std::string_view data) {
    pulumirpc::RunPluginResponse chunk;
    (s == Stream::kStdout ? *chunk.mutable_stdout() : *chunk.mutable_stderr()) = std::string(data);
    std::lock_guard lock(write_mu);
    writer->Write(chunk);
  });
  done = true;
  watcher.join();
  pulumirpc::RunPluginResponse exit;
  exit.set_exitcode(code);
  writer->Write(exit);
  return grpc::Status::OK;
}

grpc::Status LanguageHost::Cancel(grpc::ServerContext*, google::protobuf::Empty const*, google::protobuf::Empty*) {
  InterruptProgram();
  return grpc::Status::OK;
}

bool LanguageHost::InterruptProgram() {
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(mu_);
    if (!running_) return false;
    running_->Signal(SIGINT);
    generation = run_generation_;
  }
  std::thread([this, generation] {
    std::this_thread::sleep_for(std::chrono::seconds(kCancelGraceSeconds));
    std::lock_guard lock(mu_);
    if (running_ && run_generation_ == generation) running_->Signal(SIGKILL);
  }).detach();
  return true;
}

grpc::Status LanguageHost::GeneratePackage(grpc::ServerContext*, pulumirpc::GeneratePackageRequest const* req,
                                           pulumirpc::GeneratePackageResponse* resp) {
  auto error = [resp](std::string const& summary) {
    auto* d = resp->add_diagnostics();
    d->set_severity(pulumirpc::codegen::DIAG_ERROR);
    d->set_summary(summary);
  };
  if (req->directory().empty()) return {grpc::StatusCode::INVALID_ARGUMENT, "GeneratePackage needs a directory"};
  auto loaded = codegen::Load(req->schema(), "schema");
  if (!loaded) {
    for (auto const& e : loaded.errors) error(e.ToString());
    return grpc::Status::OK;
  }
  auto generated = codegen::Generate(*loaded.package, {.schema_name = loaded.package->name});
  if (!generated) {
    for (auto const& e : generated.errors) error(e);
    return grpc::Status::OK;
  }
  if (auto e = AddPackageFiles(req->schema(), *loaded.package, &generated.files); !e.empty()) {
    error(e);
    return grpc::Status::OK;
  }
  for (auto const& [path, content] : req->extra_files()) generated.files[path] = content;
  if (auto err = codegen::WriteTree(generated.files, req->directory())) {
    return {grpc::StatusCode::INTERNAL, "writing the package: " + *err};
  }
  return grpc::Status::OK;
}

grpc::Status LanguageHost::Pack(grpc::ServerContext*, pulumirpc::PackRequest const* req,
                                pulumirpc::PackResponse* resp) {
  auto packed = host::Pack(req->package_directory(), req->destination_directory());
  if (!packed.error.empty()) return {grpc::StatusCode::INVALID_ARGUMENT, packed.error};
  resp->set_artifact_path(packed.artifact);
  return grpc::Status::OK;
}

grpc::Status LanguageHost::Link(grpc::ServerContext*, pulumirpc::LinkRequest const* req,
                                pulumirpc::LinkResponse* resp) {
  auto dir = ProgramDirectory(req->info(), "");
  if (!fs::is_directory(dir))
    return {grpc::StatusCode::INVALID_ARGUMENT, "Link: the directory " + dir + " does not exist"};
  std::map<std::string, std::string> links;
  std::string instructions;
  for (auto const& dep : req->packages()) {
    auto const& p = dep.package();
    std::string name =
        p.has_parameterization() && !p.parameterization().name().empty() ? p.parameterization().name() : p.name();
    if (name.empty()) return {grpc::StatusCode::INVALID_ARGUMENT, "Link: a package without a name"};
    if (dep.path().empty() || !fs::is_directory(fs::path(dir) / dep.path())) {
      return {grpc::StatusCode::INVALID_ARGUMENT,
              "Link: the directory '" + dep.path() + "' of package " + name + " does not exist"};
    }
    links[name] = dep.path();
    if (name == "pulumi") {
      instructions += "find_package(PulumiCpp REQUIRED)\n";
    } else {
      instructions += "find_package(pulumi-" + name + " REQUIRED)  # target pulumi::" + name + "\n";
    }
  }
  if (auto e = AddLocalDependencies(dir, links)) return {grpc::StatusCode::INTERNAL, "Link: " + *e};
  resp->set_import_instructions(instructions);
  return grpc::Status::OK;
}

}  // namespace pulumi::host
