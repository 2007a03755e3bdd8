#include "language_host.h"

#include "program.h"
#include "pulumi/codegen/generator.h"
#include "pulumi/codegen/schema_loader.h"

#include <nlohmann/json.hpp>

#include <signal.h>

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

/// The project name from Pulumi.yaml, for the default CMake target (read without a YAML library: the
/// top-level `name:` line).
std::string ProjectName(std::string const& root_dir) {
  std::ifstream in(fs::path(root_dir) / "Pulumi.yaml");
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
  auto options = OptionsOf(req->info());
  if (!options.binary.empty()) return grpc::Status::OK;  // a prebuilt program needs nothing
  auto target = options.target.empty() ? ProjectName(req->info().root_directory().empty() ? dir : req->info().root_directory())
                                       : options.target;
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
  auto* sdk = resp->add_dependencies();
  sdk->set_name("pulumi-cpp");
  sdk->set_version(PULUMI_CPP_VERSION);
  std::vector<PackageRequirement> packages;
  if (auto s = ManifestPackages(req->info(), &packages); !s.ok()) return s;
  for (auto const& p : packages) {
    auto* d = resp->add_dependencies();
    d->set_name(p.name);
    d->set_version(p.version);
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
  for (auto const& [path, content] : req->extra_files()) generated.files[path] = content;
  if (auto err = codegen::WriteTree(generated.files, req->directory())) {
    return {grpc::StatusCode::INTERNAL, "writing the package: " + *err};
  }
  return grpc::Status::OK;
}

}  // namespace pulumi::host
