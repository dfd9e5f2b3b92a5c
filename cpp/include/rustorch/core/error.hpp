// The engine's exception hierarchy; bindings map each class to a Python exception type.
#pragma once
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

namespace rustorch {

// Maps to RuntimeError.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct ValueError : Error {  // ValueError
  using Error::Error;
};
struct TypeError : Error {  // TypeError
  using Error::Error;
};
struct IndexError : Error {  // IndexError
  using Error::Error;
};

namespace detail {
template <class... Args> std::string concat(Args&&... args) {
  std::ostringstream os;
  (os << ... << std::forward<Args>(args));
  return os.str();
}
}  // namespace detail

}  // namespace rustorch

// RT_CHECK(cond, ValueError, "op: message ", value, ...) throws the given error type when cond fails.
#define RT_CHECK(cond, ErrType, ...)                                    \
  do {                                                                  \
    if (!(cond)) throw ::rustorch::ErrType(::rustorch::detail::concat(__VA_ARGS__)); \
  } while (0)

#define RT_THROW(ErrType, ...) throw ::rustorch::ErrType(::rustorch::detail::concat(__VA_ARGS__))
