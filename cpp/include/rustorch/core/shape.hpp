// Shapes and strides: formatting, broadcasting, dim wrapping, contiguity.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace rustorch {

using Shape = std::vector<int64_t>;

std::string shape_str(const Shape& s);  // "(2, 3)"
int64_t shape_numel(const Shape& s);
Shape contiguous_strides(const Shape& s);
bool is_contiguous_layout(const Shape& sizes, const Shape& strides);

// NumPy broadcasting of two shapes; throws ValueError naming `op` when incompatible.
Shape broadcast_shapes(const Shape& a, const Shape& b, const char* op);

// Wraps a possibly negative dim into [0, ndim); throws IndexError naming `op`.
int64_t wrap_dim(int64_t dim, int64_t ndim, const char* op);

// Checks that the size is non-negative and fits; throws ValueError naming `op`.
void check_shape(const Shape& s, const char* op);

}  // namespace rustorch
