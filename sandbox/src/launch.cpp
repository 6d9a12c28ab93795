// Temporary: replaced by the real launcher.
#include "proctor/sandbox/launch.hpp"

namespace proctor::sandbox {
struct Sandbox::Impl {
  Capabilities caps;
};
Sandbox::Sandbox() : impl_(std::make_unique<Impl>()) {}
Sandbox::~Sandbox() = default;
const Capabilities& Sandbox::capabilities() const { return impl_->caps; }
RunReport Sandbox::run(const Policy&) {
  RunReport r;
  r.error = "sandbox not built yet";
  return r;
}
}  // namespace proctor::sandbox
