// The name of the Python-level op running on this thread (set by the bindings for every bound call),
// so that errors raised deep in shared code — the real-only dtype dispatch, complex-to-real casts —
// can name the op the user called.
#pragma once

namespace rustorch {

const char* current_op_name();  // "" outside a bound call

// Sets the current op name for its lifetime (nested calls restore the outer name).
class OpNameScope {
 public:
  explicit OpNameScope(const char* name);
  ~OpNameScope();
  OpNameScope(const OpNameScope&) = delete;
  OpNameScope& operator=(const OpNameScope&) = delete;

 private:
  const char* previous_;
};

}  // namespace rustorch
