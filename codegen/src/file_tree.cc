// Writing a generated tree without leaving a half-written one behind (generator.h: WriteTree).
#include "pulumi/codegen/generator.h"

#include <fstream>
#include <random>
#include <sstream>
#include <system_error>

namespace pulumi::codegen {
namespace {

namespace fs = std::filesystem;

// Lists the files a generation wrote, so that the next one can remove those it no longer produces.
constexpr char kManifest[] = ".pulumi-gen-cpp-files";

std::string Suffix() {
  std::random_device rd;
  return std::to_string(rd()) + std::to_string(rd());
}

std::optional<std::string> WriteFileImpl(fs::path const& path, std::string const& content) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return "cannot create " + path.parent_path().string() + ": " + ec.message();
  fs::path tmp = path;
  tmp += ".tmp" + Suffix();
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) {
      fs::remove(tmp, ec);
      return "cannot write " + tmp.string();
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return "cannot rename " + tmp.string() + " to " + path.string() + ": " + ec.message();
  }
  return std::nullopt;
}

bool SameContent(fs::path const& path, std::string const& content) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) != content.size()) return false;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str() == content;
}

std::string ManifestOf(std::map<std::string, std::string> const& files) {
  std::string s;
  for (auto const& [path, _] : files) s += path + "\n";
  return s;
}

}  // namespace

std::optional<std::string> WriteFileAtomically(fs::path const& path, std::string const& content) {
  return WriteFileImpl(path, content);
}

std::optional<std::string> WriteTree(std::map<std::string, std::string> const& files, fs::path const& out_dir) {
  std::error_code ec;
  for (auto const& [path, _] : files) {
    fs::path p(path);
    if (p.is_absolute() || path.find("..") != std::string::npos) return "refusing to write outside the tree: " + path;
  }
  if (!fs::exists(out_dir, ec)) {
    // A fresh tree: write it beside its final place, then rename it in one step.
    fs::path staging = out_dir;
    staging += ".partial" + Suffix();
    auto cleanup = [&] { fs::remove_all(staging, ec); };
    for (auto const& [path, content] : files) {
      if (auto err = WriteFileImpl(staging / path, content)) {
        cleanup();
        return err;
      }
    }
    if (auto err = WriteFileImpl(staging / kManifest, ManifestOf(files))) {
      cleanup();
      return err;
    }
    if (!out_dir.parent_path().empty()) fs::create_directories(out_dir.parent_path(), ec);
    fs::rename(staging, out_dir, ec);
    if (ec) {
      cleanup();
      return "cannot rename " + staging.string() + " to " + out_dir.string() + ": " + ec.message();
    }
    return std::nullopt;
  }
  if (!fs::is_directory(out_dir, ec)) return out_dir.string() + " exists and is not a directory";

  // An existing tree: replace changed files one by one (each atomically), keep unchanged ones untouched.
  std::set<std::string> previous;
  {
    std::ifstream in(out_dir / kManifest);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) previous.insert(line);
    }
  }
  for (auto const& [path, content] : files) {
    if (SameContent(out_dir / path, content)) continue;
    if (auto err = WriteFileImpl(out_dir / path, content)) return err;
  }
  for (auto const& path : previous) {
    if (!files.count(path) && path.find("..") == std::string::npos) fs::remove(out_dir / path, ec);
  }
  return WriteFileImpl(out_dir / kManifest, ManifestOf(files));
}

}  // namespace pulumi::codegen
