// No committed file gives away a secret (issue #11): no passphrase salt in the tree opens with a passphrase the
// tree itself contains, and the staging and prod stacks keep their secrets under Cloud KMS, not a passphrase.
#include "passphrase_secrets.h"
#include "workspace.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

namespace pulumi::repository {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(fs::path const& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string RandomWord() {
  std::random_device rd;
  std::string word;
  for (int i = 0; i < 24; ++i) word += "abcdefghijklmnopqrstuvwxyz0123456789"[rd() % 36];
  return word;
}

TEST(CommittedSecretsTest, ASaltThePulumiCliWroteOpensWithItsPassphraseOnly) {
  fs::path dir = fs::temp_directory_path() / ("committed-secrets-" + RandomWord());
  fs::create_directories(dir / "state");
  std::ofstream(dir / "Pulumi.yaml") << "name: probe\nruntime: cpp\n";
  std::string passphrase = RandomWord();
  std::string env = "cd '" + dir.string() + "' && PULUMI_HOME='" + (dir / "home").string() +
                    "' PULUMI_BACKEND_URL='file://" + (dir / "state").string() +
                    "' PULUMI_CONFIG_PASSPHRASE=" + passphrase + " PULUMI_SKIP_UPDATE_CHECK=1 ";
  std::string pulumi = "'" + gcpsim::EngineBinDir(PULUMI_ENGINE_VERSION) + "/pulumi'";
  ASSERT_EQ(std::system((env + pulumi + " stack init probe --non-interactive >/dev/null && " + env + pulumi +
                         " config set --secret token not-for-your-eyes >/dev/null")
                            .c_str()),
            0);
  std::string stack_file = ReadFile(dir / "Pulumi.probe.yaml");
  auto salts = FindSaltStates(stack_file);
  ASSERT_EQ(salts.size(), 1u) << stack_file;
  EXPECT_TRUE(Opens(salts[0], passphrase));
  EXPECT_FALSE(Opens(salts[0], passphrase + "x"));
  EXPECT_THAT(FindPassphraseCandidates("export PULUMI_CONFIG_PASSPHRASE=" + passphrase + "\n"),
              ::testing::Contains(passphrase));
  EXPECT_THAT(FindPassphraseCandidates("  std::string passphrase = \"" + passphrase + "\";\n"),
              ::testing::Contains(passphrase));
  fs::remove_all(dir);
}

// The checkout to scan: this source tree, or COMMITTED_SECRETS_ROOT (to show the test failing on an old commit).
fs::path Root() {
  char const* root = std::getenv("COMMITTED_SECRETS_ROOT");
  return root && *root ? fs::path(root) : fs::path(PULUMI_CPP_SOURCE_DIR);
}

TEST(CommittedSecretsTest, NoCommittedSaltOpensWithAPassphraseOfTheRepository) {
  std::vector<SaltState> salts;
  std::set<std::string> candidates;
  auto files = CommittedFiles(Root());
  ASSERT_GT(files.size(), 100u) << "git ls-files found too little in " << Root();
  for (auto const& file : files) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) > (8u << 20)) continue;
    std::string text = ReadFile(file);
    if (text.find('\0') != std::string::npos) continue;
    for (auto& s : FindSaltStates(text)) salts.push_back({file, std::move(s)});
    candidates.merge(FindPassphraseCandidates(text));
  }
  std::printf("committed secrets: %zu files, %zu passphrase salts, %zu passphrases tried\n", files.size(), salts.size(),
              candidates.size());
  for (auto const& salt : salts) {
    for (auto const& candidate : candidates) {
      EXPECT_FALSE(Opens(salt.state, candidate)) << fs::relative(salt.file, Root()) << " opens with the passphrase '"
                                                 << candidate << "', which the repository contains";
    }
  }
}

TEST(CommittedSecretsTest, StagingAndProdStacksUseCloudKmsAndNoStackHoldsAPassphraseSecret) {
  int stack_files = 0;
  for (auto const& project : fs::directory_iterator(Root() / "infra")) {
    if (!project.path().filename().string().starts_with("apex-")) continue;
    // apex-bootstrap creates the key the others use, so it cannot use it; it holds no secret (checked below).
    if (project.path().filename() == "apex-bootstrap") continue;
    for (std::string stack : {"dev", "staging", "prod"}) {
      fs::path file = project.path() / ("Pulumi." + stack + ".yaml");
      ASSERT_TRUE(fs::exists(file)) << file;
      ++stack_files;
      std::string text = ReadFile(file);
      EXPECT_EQ(text.find("secure:"), std::string::npos) << file << " holds a secure: value";
      EXPECT_EQ(text.find("encryptionsalt:"), std::string::npos) << file << " holds a passphrase salt";
      if (stack != "dev") {
        std::regex const kms("(^|\n)secretsprovider: gcpkms://projects/apex-" + stack +
                             "-[0-9]+/locations/us-central1/keyRings/apex-pulumi/cryptoKeys/stack-secrets\n");
        EXPECT_TRUE(std::regex_search(text, kms)) << file << " declares no Cloud KMS secrets provider";
      }
    }
  }
  EXPECT_EQ(stack_files, 12);
}

TEST(CommittedSecretsTest, TheBootstrapStacksHoldNoSecret) {
  for (std::string stack : {"dev", "staging", "prod"}) {
    fs::path file = Root() / "infra" / "apex-bootstrap" / ("Pulumi." + stack + ".yaml");
    ASSERT_TRUE(fs::exists(file)) << file;
    std::string text = ReadFile(file);
    EXPECT_EQ(text.find("secure:"), std::string::npos) << file << " holds a secure: value";
    EXPECT_EQ(text.find("encryptionsalt:"), std::string::npos) << file << " holds a passphrase salt";
  }
}

}  // namespace
}  // namespace pulumi::repository
