// What a passphrase opens in a tree of files: Pulumi's passphrase secrets provider keeps a salt state
// "v1:<salt>:v1:<nonce>:<ciphertext>" (the word "pulumi", AES-256-GCM under PBKDF2-SHA256(passphrase, salt,
// 1,000,000 rounds)) beside the `secure:` values it encrypts. Whoever has the file and the passphrase reads
// them all, so a committed salt must not open with any passphrase the repository itself contains.
#ifndef PULUMI_CPP_TESTS_REPOSITORY_PASSPHRASE_SECRETS_H
#define PULUMI_CPP_TESTS_REPOSITORY_PASSPHRASE_SECRETS_H

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace pulumi::repository {

/// A passphrase salt state found in a file.
struct SaltState {
  std::filesystem::path file;
  std::string state;  ///< "v1:<salt b64>:v1:<nonce b64>:<ciphertext b64>"
};

/// True when `passphrase` opens `state` (its check message decrypts to "pulumi").
bool Opens(std::string const& state, std::string const& passphrase);

/// Every salt state in `text`.
std::vector<std::string> FindSaltStates(std::string const& text);

/// The strings of `text` that may be passphrases: values given to PULUMI_CONFIG_PASSPHRASE and quoted strings
/// on lines that mention a passphrase.
std::set<std::string> FindPassphraseCandidates(std::string const& text);

/// The committed files of the git checkout at `root` (`git ls-files`), as absolute paths.
std::vector<std::filesystem::path> CommittedFiles(std::filesystem::path const& root);

}  // namespace pulumi::repository

#endif  // PULUMI_CPP_TESTS_REPOSITORY_PASSPHRASE_SECRETS_H
