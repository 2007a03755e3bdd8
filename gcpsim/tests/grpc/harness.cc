#include "harness.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>

namespace pulumi::gcpsim::testing_util {

Catalog const& GcpCatalog() {
  static std::unique_ptr<Catalog const> const catalog = [] {
    auto c = Catalog::Load(DefaultSchemaPath());
    if (!c.ok()) {
      std::fprintf(stderr, "FATAL: %s\n", std::string(c.status().message()).c_str());
      std::abort();
    }
    return *std::move(c);
  }();
  return *catalog;
}

std::string FreshDatabase(std::string const& name) {
  static std::atomic<int> counter{0};
  auto const* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string test = info ? std::string(info->test_suite_name()) + "." + info->name() : "global";
  for (auto& c : test) {
    if (c == '/') c = '_';
  }
  auto dir = std::filesystem::temp_directory_path() / ("gcpsim-test-" + std::to_string(getpid())) / test;
  std::filesystem::create_directories(dir);
  auto path = dir / (name + "-" + std::to_string(counter++) + ".db");
  std::filesystem::remove(path);
  return path.string();
}

Harness::Harness(std::string database, ProviderOptions options)
    : database_(database.empty() ? FreshDatabase("cloud") : std::move(database)) {
  options.database = database_;
  provider_ = std::make_unique<Provider>(GcpCatalog(), options);
  int port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(provider_.get());
  server_ = builder.BuildAndStart();
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);  // GetSchema answers with the whole gcp schema, as the engine accepts
  auto channel =
      grpc::CreateCustomChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials(), args);
  stub_ = pulumirpc::ResourceProvider::NewStub(channel);
}

Harness::~Harness() { server_->Shutdown(); }

void Harness::Configure(std::string const& project, std::string const& region) {
  pulumirpc::ConfigureRequest req;
  *req.mutable_args() = ToWire({{"project", project}, {"region", region}});
  pulumirpc::ConfigureResponse resp;
  grpc::ClientContext ctx;
  ASSERT_TRUE(stub_->Configure(&ctx, req, &resp).ok());
}

pulumirpc::CheckResponse Harness::Check(std::string const& type, std::string const& name, PropertyMap const& news,
                                        PropertyMap const& olds, std::string const& seed, grpc::Status* status) {
  pulumirpc::CheckRequest req;
  req.set_urn(Urn(type, name));
  req.set_type(type);
  req.set_name(name);
  *req.mutable_news() = ToWire(news);
  *req.mutable_olds() = ToWire(olds);
  req.set_randomseed(seed);
  pulumirpc::CheckResponse resp;
  grpc::ClientContext ctx;
  auto s = stub_->Check(&ctx, req, &resp);
  if (status) *status = s;
  EXPECT_TRUE(s.ok() || status) << s.error_message();
  return resp;
}

PropertyMap Harness::Checked(std::string const& type, std::string const& name, PropertyMap const& news) {
  auto resp = Check(type, name, news);
  for (auto const& f : resp.failures()) ADD_FAILURE() << "Check(" << type << ") failed: " << f.reason();
  auto decoded = FromWire(resp.inputs());
  EXPECT_TRUE(decoded.ok());
  return decoded.ok() ? *decoded : PropertyMap{};
}

pulumirpc::DiffResponse Harness::Diff(std::string const& type, std::string const& name, PropertyMap const& olds,
                                      PropertyMap const& news, std::vector<std::string> const& ignore) {
  pulumirpc::DiffRequest req;
  req.set_urn(Urn(type, name));
  req.set_type(type);
  req.set_name(name);
  req.set_id(name + "-id");
  *req.mutable_old_inputs() = ToWire(olds);
  *req.mutable_olds() = ToWire(olds);
  *req.mutable_news() = ToWire(news);
  for (auto const& i : ignore) req.add_ignorechanges(i);
  pulumirpc::DiffResponse resp;
  grpc::ClientContext ctx;
  auto s = stub_->Diff(&ctx, req, &resp);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return resp;
}

Created Harness::Create(std::string const& type, std::string const& name, PropertyMap const& inputs, bool preview) {
  auto checked = Checked(type, name, inputs);
  pulumirpc::CreateRequest req;
  req.set_urn(Urn(type, name));
  req.set_type(type);
  req.set_name(name);
  req.set_preview(preview);
  *req.mutable_properties() = ToWire(checked);
  pulumirpc::CreateResponse resp;
  grpc::ClientContext ctx;
  Created out;
  out.status = stub_->Create(&ctx, req, &resp);
  out.id = resp.id();
  auto decoded = FromWire(resp.properties());
  if (decoded.ok()) out.outputs = *decoded;
  return out;
}

Created Harness::Update(std::string const& type, std::string const& name, std::string const& id,
                        PropertyMap const& olds, PropertyMap const& news, bool preview) {
  auto checked = Checked(type, name, news);
  pulumirpc::UpdateRequest req;
  req.set_urn(Urn(type, name));
  req.set_type(type);
  req.set_name(name);
  req.set_id(id);
  req.set_preview(preview);
  *req.mutable_olds() = ToWire(olds);
  *req.mutable_news() = ToWire(checked);
  pulumirpc::UpdateResponse resp;
  grpc::ClientContext ctx;
  Created out;
  out.status = stub_->Update(&ctx, req, &resp);
  out.id = id;
  auto decoded = FromWire(resp.properties());
  if (decoded.ok()) out.outputs = *decoded;
  return out;
}

grpc::Status Harness::Delete(std::string const& type, std::string const& name, std::string const& id,
                             PropertyMap const& state) {
  pulumirpc::DeleteRequest req;
  req.set_urn(Urn(type, name));
  req.set_type(type);
  req.set_name(name);
  req.set_id(id);
  *req.mutable_properties() = ToWire(state);
  google::protobuf::Empty resp;
  grpc::ClientContext ctx;
  return stub_->Delete(&ctx, req, &resp);
}

Created Harness::Read(std::string const& type, std::string const& name, std::string const& id) {
  pulumirpc::ReadRequest req;
  req.set_urn(Urn(type, name));
  req.set_type(type);
  req.set_name(name);
  req.set_id(id);
  pulumirpc::ReadResponse resp;
  grpc::ClientContext ctx;
  Created out;
  out.status = stub_->Read(&ctx, req, &resp);
  out.id = resp.id();
  auto decoded = FromWire(resp.properties());
  if (decoded.ok()) out.outputs = *decoded;
  return out;
}

std::vector<StoredResource> Harness::Stored(std::string const& type) {
  auto store = Store::Open(database_);
  EXPECT_TRUE(store.ok());
  if (!store.ok()) return {};
  auto list = (*store)->List(type);
  EXPECT_TRUE(list.ok());
  return list.ok() ? *list : std::vector<StoredResource>{};
}

std::string CreatePrivateNetwork(Harness& h, std::string const& name) {
  auto network = h.Create("gcp:compute/network:Network", name, {{"name", name}, {"autoCreateSubnetworks", false}});
  EXPECT_TRUE(network.status.ok()) << network.status.error_message();
  auto range = h.Create("gcp:compute/globalAddress:GlobalAddress", name + "-psa",
                        {{"name", name + "-psa"},
                         {"network", network.id},
                         {"purpose", "VPC_PEERING"},
                         {"addressType", "INTERNAL"},
                         {"prefixLength", 16.0},
                         {"address", "10.60.0.0"}});
  EXPECT_TRUE(range.status.ok()) << range.status.error_message();
  auto connection = h.Create("gcp:servicenetworking/connection:Connection", name + "-psc",
                             {{"network", network.id},
                              {"service", "servicenetworking.googleapis.com"},
                              {"reservedPeeringRanges", PropertyArray{PropertyValue(name + "-psa")}}});
  EXPECT_TRUE(connection.status.ok()) << connection.status.error_message();
  return network.id;
}

}  // namespace pulumi::gcpsim::testing_util
