// l2-raw-string-bytes: a string output holding bytes that are not valid UTF-8, passed unchanged from one
// provider's resource to another's.
#include "pulumi/bytesink/resource.h"
#include "pulumi/bytesource/resource.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::bytesource::Resource source(ctx, "source", {.base64 = "AGhlbGxvIID+/yB3b3JsZPAo"});
    pulumi::bytesink::Resource sink(ctx, "sink", {.bytes = source.bytes(), .expect_base64 = source.base64()});
  });
}
