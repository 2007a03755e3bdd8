#include "workspace.h"

#include "subprocess.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

namespace pulumi::gcpsim {
namespace {

namespace fs = std::filesystem;

// The pinned gcp version (versions.env), set by gcpsim/CMakeLists.txt.
constexpr char kGcpVersion[] = PULUMI_CPP_GCP_VERSION;

std::string ReadFile(fs::path const& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Pulumi.yaml with the runtime switched to the prebuilt program.
std::string WithBinary(std::string const& yaml, std::string const& binary) {
  std::istringstream in(yaml);
  std::ostringstream out;
  std::string line;
  bool in_runtime = false;
  while (std::getline(in, line)) {
    if (line.rfind("runtime:", 0) == 0) {
      out << "runtime:\n  name: cpp\n  options:\n    binary: " << binary << "\n";
      in_runtime = true;
      continue;
    }
    if (in_runtime && (line.empty() || line[0] == ' ')) continue;  // the old runtime block
    in_runtime = false;
    out << line << "\n";
  }
  return out.str();
}

/// A stack file for the offline cloud: the stack's cloud KMS secrets provider (staging, prod) is out of reach
/// without Google, so the workspace's stacks use the passphrase provider instead.
std::string WithoutCloudSecretsProvider(std::string const& yaml) {
  std::istringstream in(yaml);
  std::ostringstream out;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("secretsprovider:", 0) != 0) out << line << "\n";
  }
  return out.str();
}

std::string RandomPassphrase() {
  std::random_device rd;
  std::string out;
  for (int i = 0; i < 32; ++i) out += "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[rd() % 62];
  return out;
}

}  // namespace

Workspace::Workspace(WorkspaceOptions options) : options_(std::move(options)) {
  if (options_.passphrase.empty()) options_.passphrase = RandomPassphrase();
}

void Workspace::SetEnv(std::string const& name, std::string const& value) {
  if (value.empty()) {
    options_.extra_env.erase(name);
  } else {
    options_.extra_env[name] = value;
  }
}

std::string Workspace::database() const { return (fs::path(options_.work_dir) / "cloud.db").string(); }

std::string Workspace::project_dir(std::string const& project) const {
  return (fs::path(options_.work_dir) / "projects" / project).string();
}

std::map<std::string, std::string> Workspace::Env() const {
  auto const work = fs::path(options_.work_dir);
  std::map<std::string, std::string> env{
      {"PULUMI_HOME", (work / "home").string()},
      {"PULUMI_CONFIG_PASSPHRASE", options_.passphrase},
      {"PULUMI_SKIP_UPDATE_CHECK", "1"},
      {"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true"},
      // Only the plugins installed in this PULUMI_HOME: never a gcp plugin found on PATH.
      {"PULUMI_IGNORE_AMBIENT_PLUGINS", "true"},
      {"GCPSIM_DB", database()},
      {"NO_COLOR", "1"},
  };
  if (options_.latency_ms > 0) env["GCPSIM_LATENCY_MS"] = std::to_string(options_.latency_ms);
  for (auto const& [k, v] : options_.extra_env) env[k] = v;
  return env;
}

std::vector<std::string> Workspace::PulumiArgv(std::vector<std::string> args) const {
  args.insert(args.begin(), (fs::path(options_.engine_bin_dir) / "pulumi").string());
  args.push_back("--non-interactive");
  return args;
}

CliResult Workspace::Pulumi(std::string const& project, std::vector<std::string> args) const {
  CliResult r;
  auto start = std::chrono::steady_clock::now();
  r.code = host::RunCapture({.argv = PulumiArgv(std::move(args)),
                             .cwd = project.empty() ? options_.work_dir : project_dir(project),
                             .env = Env()},
                            &r.output);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

CliResult Workspace::GcpSim(std::vector<std::string> args) const {
  args.insert(args.begin(), options_.gcp_sim);
  args.insert(args.begin() + 1, {"--db", database()});
  CliResult r;
  r.code = host::RunCapture({.argv = args, .cwd = options_.work_dir, .env = Env()}, &r.output);
  return r;
}

bool Workspace::Prepare(std::string* error) {
  auto const work = fs::path(options_.work_dir);
  std::error_code ec;
  for (auto const* sub : {"state", "home", "projects", "cloud.db", "cloud.db-wal", "cloud.db-shm"})
    fs::remove_all(work / sub, ec);
  fs::create_directories(work / "state");
  fs::create_directories(work / "home");
  {
    std::ofstream(work / "passphrase") << options_.passphrase << "\n";
    fs::permissions(work / "passphrase", fs::perms::owner_read | fs::perms::owner_write, ec);
  }
  auto fail = [&](std::string const& step, CliResult const& r) {
    *error = step + " failed (exit " + std::to_string(r.code) + "):\n" + r.output;
    return false;
  };
  // The simulator as the gcp plugin, and the language host, in the private PULUMI_HOME.
  auto install =
      Pulumi("", {"plugin", "install", "resource", "gcp", kGcpVersion, "--file", options_.provider, "--reinstall"});
  if (install.code != 0) return fail("installing the simulator as gcp " + std::string(kGcpVersion), install);
  auto host =
      Pulumi("", {"plugin", "install", "language", "cpp", "0.1.0", "--file", options_.language_host, "--reinstall"});
  if (host.code != 0) return fail("installing pulumi-language-cpp", host);
  auto login = Pulumi("", {"login", "file://" + (work / "state").string()});
  if (login.code != 0) return fail("pulumi login", login);
  for (auto const& p : options_.projects) {
    auto dir = fs::path(project_dir(p.name));
    fs::create_directories(dir);
    auto src = fs::path(p.source_dir);
    std::ofstream(dir / "Pulumi.yaml") << WithBinary(ReadFile(src / "Pulumi.yaml"), p.binary);
    auto stack_file = std::string("Pulumi.") + options_.stack + ".yaml";
    if (fs::exists(src / stack_file))
      std::ofstream(dir / stack_file) << WithoutCloudSecretsProvider(ReadFile(src / stack_file));
    if (fs::exists(src / "pulumi-packages.json")) {
      fs::copy_file(src / "pulumi-packages.json", dir / "pulumi-packages.json", fs::copy_options::overwrite_existing);
    }
    auto select = Pulumi(p.name, {"stack", "select", "--create", options_.stack});
    if (select.code != 0) return fail("selecting the stack " + options_.stack + " of " + p.name, select);
  }
  return true;
}

std::string Workspace::StateFile(std::string const& project) const {
  return ReadFile(fs::path(options_.work_dir) / "state" / ".pulumi" / "stacks" / project / (options_.stack + ".json"));
}

nlohmann::json Workspace::Export(std::string const& project) const {
  auto r = Pulumi(project, {"stack", "export"});
  if (r.code != 0) return nullptr;
  auto brace = r.output.find('{');
  if (brace == std::string::npos) return nullptr;
  return nlohmann::json::parse(r.output.substr(brace), nullptr, false);
}

std::string EngineBinDir(std::string const& version) {
  if (char const* d = std::getenv("PULUMI_CPP_ENGINE_BIN"); d && *d) return d;
  char const* cache = std::getenv("PULUMI_CPP_CACHE");
  char const* home = std::getenv("HOME");
  std::string root = cache && *cache ? cache : std::string(home ? home : "/tmp") + "/.cache/pulumi-cpp";
  return root + "/engine/" + version + "/bin";
}

std::string ResourceSummary(std::string const& output) {
  auto pos = output.rfind("Resources:");
  if (pos == std::string::npos) return "";
  std::istringstream in(output.substr(pos + 10));
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(' ') == std::string::npos) {
      if (!out.empty()) break;
      continue;
    }
    if (line[0] != ' ') break;
    line = line.substr(line.find_first_not_of(' '));
    out += (out.empty() ? "" : ", ") + line;
  }
  return out;
}

std::string ErrorLines(std::string const& output) {
  std::istringstream in(output);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.find("error:") != std::string::npos) out += line + "\n";
  }
  return out;
}

}  // namespace pulumi::gcpsim
