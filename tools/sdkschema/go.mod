module pulumi-cpp/tools/sdkschema

go 1.26
