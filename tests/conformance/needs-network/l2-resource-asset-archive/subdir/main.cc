// l2-resource-asset-archive: file, string and remote assets; file (tar and folder), asset and remote
// archives, as resource inputs and as stack outputs (alone, in lists and in maps). Paths are relative to
// the program's directory (subdir/).
#include "pulumi/asset_archive/archive_resource.h"
#include "pulumi/asset_archive/asset_resource.h"
#include "pulumi/pulumi.h"

using pulumi::FileArchive;
using pulumi::FileAsset;
using pulumi::PropertyArray;
using pulumi::PropertyMap;
using pulumi::StringAsset;
using pulumi::asset_archive::ArchiveResource;
using pulumi::asset_archive::AssetResource;

namespace {
constexpr char kRemote[] =
    "https://raw.githubusercontent.com/pulumi/pulumi/7b0eb7fb10694da2f31c0d15edf671df843e0d4c/cmd/"
    "pulumi-test-language/tests/testdata/l2-resource-asset-archive/";
}

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    AssetResource ass(ctx, "ass", {.value = FileAsset("../test.txt")});
    ArchiveResource arc(ctx, "arc", {.value = FileArchive("../archive.tar")});
    ArchiveResource dir(ctx, "dir", {.value = FileArchive("../folder")});
    ArchiveResource assarc(ctx, "assarc",
                           {.value = pulumi::AssetArchive({
                                {"string", StringAsset("file contents")},
                                {"file", FileAsset("../test.txt")},
                                {"folder", FileArchive("../folder")},
                                {"archive", FileArchive("../archive.tar")},
                            })});
    AssetResource remoteass(ctx, "remoteass", {.value = pulumi::RemoteAsset(std::string(kRemote) + "test.txt")});
    ArchiveResource remotearc(ctx, "remotearc", {.value = pulumi::RemoteArchive(std::string(kRemote) + "archive.tar")});

    ctx.Export("assetOutput", FileAsset("../test.txt"));
    ctx.Export("archiveOutput", FileArchive("../archive.tar"));
    ctx.Export("assetList", PropertyArray{FileAsset("../test.txt"), StringAsset("file contents")});
    ctx.Export("archiveList", PropertyArray{FileArchive("../archive.tar"), FileArchive("../folder")});
    ctx.Export("assetMap", PropertyMap{{"file", FileAsset("../test.txt")}, {"string", StringAsset("file contents")}});
    ctx.Export("archiveMap", PropertyMap{{"tar", FileArchive("../archive.tar")}, {"folder", FileArchive("../folder")}});
  });
}
