#include "passphrase_secrets.h"

#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <memory>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace pulumi::repository {
namespace {

std::vector<unsigned char> Base64(std::string const& text) {
  std::vector<unsigned char> out(3 * text.size() / 4 + 3);
  int n =
      EVP_DecodeBlock(out.data(), reinterpret_cast<unsigned char const*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return {};
  // EVP_DecodeBlock counts the padding's zero bytes in.
  for (auto it = text.rbegin(); it != text.rend() && *it == '='; ++it) --n;
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::vector<std::string> Split(std::string const& s, char sep) {
  std::vector<std::string> parts;
  std::istringstream in(s);
  for (std::string part; std::getline(in, part, sep);) parts.push_back(part);
  return parts;
}

}  // namespace

bool Opens(std::string const& state, std::string const& passphrase) {
  auto parts = Split(state, ':');
  if (parts.size() != 5 || parts[0] != "v1" || parts[2] != "v1") return false;
  auto salt = Base64(parts[1]);
  auto nonce = Base64(parts[3]);
  auto sealed = Base64(parts[4]);
  if (salt.empty() || nonce.size() != 12 || sealed.size() < 16) return false;

  std::array<unsigned char, 32> key{};
  if (PKCS5_PBKDF2_HMAC(passphrase.data(), static_cast<int>(passphrase.size()), salt.data(),
                        static_cast<int>(salt.size()), 1000000, EVP_sha256(), key.size(), key.data()) != 1) {
    throw std::runtime_error("PBKDF2 failed");
  }
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  std::size_t const text_size = sealed.size() - 16;  // Go's GCM appends the 16-byte tag
  std::vector<unsigned char> plain(text_size + 16);
  int len = 0;
  int final_len = 0;
  bool ok = EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), nonce.data()) == 1 &&
            EVP_DecryptUpdate(ctx.get(), plain.data(), &len, sealed.data(), static_cast<int>(text_size)) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, 16, sealed.data() + text_size) == 1 &&
            EVP_DecryptFinal_ex(ctx.get(), plain.data() + len, &final_len) == 1;
  return ok && std::string(plain.begin(), plain.begin() + len + final_len) == "pulumi";
}

std::vector<std::string> FindSaltStates(std::string const& text) {
  static std::regex const salt(R"(v1:[A-Za-z0-9+/]+=*:v1:[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*)");
  std::vector<std::string> found;
  for (std::sregex_iterator it(text.begin(), text.end(), salt), end; it != end; ++it) found.push_back(it->str());
  return found;
}

std::set<std::string> FindPassphraseCandidates(std::string const& text) {
  static std::regex const assigned(R"re(PULUMI_CONFIG_PASSPHRASE["']?\s*[=:,]\s*["']?([^"'\s;)}]+))re");
  static std::regex const quoted(R"re("([^"\\]{1,128})"|'([^'\\]{1,128})')re");
  std::set<std::string> candidates;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    for (std::sregex_iterator it(line.begin(), line.end(), assigned), end; it != end; ++it) candidates.insert((*it)[1]);
    std::string lower = line;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.find("passphrase") == std::string::npos) continue;
    for (std::sregex_iterator it(line.begin(), line.end(), quoted), end; it != end; ++it) {
      candidates.insert((*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
    }
  }
  return candidates;
}

std::vector<std::filesystem::path> CommittedFiles(std::filesystem::path const& root) {
  std::string command = "git -C '" + root.string() + "' ls-files -z";
  std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string out;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0;) out.append(buffer.data(), n);
  std::vector<std::filesystem::path> files;
  for (std::size_t start = 0, end; (end = out.find('\0', start)) != std::string::npos; start = end + 1) {
    files.push_back(root / out.substr(start, end - start));
  }
  return files;
}

}  // namespace pulumi::repository
