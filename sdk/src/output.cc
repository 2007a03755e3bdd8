#include "pulumi/output.h"
#include "pulumi/convert.h"
#include "pulumi/format.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace pulumi {

template class Output<std::string>;
template class Output<bool>;
template class Output<int>;
template class Output<double>;
template class Output<std::vector<std::string>>;

namespace internal {

std::string DescribeException(std::exception_ptr e) {
  try {
    std::rethrow_exception(std::move(e));
  } catch (std::exception const& ex) {
    return ex.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

bool PassOnUnlessKnown(OutputStateBase const& src, OutputStateBase& out) {
  switch (src.state()) {
    case OutputStateBase::State::kRejected: out.Reject(src.error(), src.secret(), src.deps()); return false;
    case OutputStateBase::State::kUnknown: out.SettleUnknown(src.secret(), src.deps()); return false;
    default: return true;
  }
}

void RejectWithCurrentException(OutputStateBase const& src, OutputStateBase& out) {
  auto message = "an Apply callback failed: " + DescribeException(std::current_exception());
  ReportError(out.runtime(), message);
  out.Reject(message, src.secret(), src.deps());
}

void ThrowPropertyTypeError(char const* expected, PropertyValue const& got) {
  throw PropertyTypeError(std::string("expected ") + expected + ", got " + got.ToString());
}

std::string FormatNumber(double n) {
  if (std::isfinite(n) && n == std::trunc(n) && std::fabs(n) < 1e15) {
    return std::to_string(static_cast<long long>(n));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", n);
  return buf;
}

std::string FormatPlaceholders(std::string const& format, std::vector<std::string> const& args) {
  std::string out;
  std::size_t next = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c == '{' && i + 1 < format.size() && format[i + 1] == '{') {
      out += '{';
      ++i;
    } else if (c == '}' && i + 1 < format.size() && format[i + 1] == '}') {
      out += '}';
      ++i;
    } else if (c == '{' && i + 1 < format.size() && format[i + 1] == '}') {
      if (next >= args.size()) {
        throw std::invalid_argument("Format string \"" + format + "\" has more {} than the " +
                                    std::to_string(args.size()) + " arguments given");
      }
      out += args[next++];
      ++i;
    } else {
      out += c;
    }
  }
  if (next != args.size()) {
    throw std::invalid_argument("Format string \"" + format + "\" has " + std::to_string(next) + " {} but " +
                                std::to_string(args.size()) + " arguments were given");
  }
  return out;
}

}  // namespace internal

int PropertyDecoder<int>::Decode(PropertyValue const& v) {
  if (!v.is_number()) internal::ThrowPropertyTypeError("an integer", v);
  double n = v.AsNumber();
  if (n != std::trunc(n) || n < -2147483648.0 || n > 2147483647.0) internal::ThrowPropertyTypeError("an integer", v);
  return static_cast<int>(n);
}

std::int64_t PropertyDecoder<std::int64_t>::Decode(PropertyValue const& v) {
  if (!v.is_number()) internal::ThrowPropertyTypeError("an integer", v);
  double n = v.AsNumber();
  if (n != std::trunc(n) || std::fabs(n) > 9.007199254740992e15) internal::ThrowPropertyTypeError("an integer", v);
  return static_cast<std::int64_t>(n);
}

}  // namespace pulumi
